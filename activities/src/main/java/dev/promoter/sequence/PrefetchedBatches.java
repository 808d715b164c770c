package dev.promoter.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link FastaReader}'s records in batches, parsed on a thread of their own a few batches ahead of
 * the consumer: parsing then overlaps whatever the consumer does with the previous batch (and
 * with loading a model before the first), instead of stopping every core between batches.
 * Batches are lists of records ({@link #records}) or {@link SequenceBatch}es ({@link #sequences}),
 * which the consumer may hand back when done ({@link #recycle}) to be filled again.
 *
 * <p>Batches come in file order. A failure of the reader (a malformed record, a
 * truncated gzip file, an I/O error) is thrown by {@link #next()} after every batch read before
 * it, as the same exception object: the consumer sees exactly what reading on its own thread would
 * have shown, at the same point (the records read in the failing batch are not handed out, just as
 * {@link FastaReader#forEachBatch} does not hand them out).
 *
 * <p>One consumer thread. {@link #close()} stops the parser and closes nothing else: the reader
 * belongs to the caller, who closes it after this.
 */
public final class PrefetchedBatches<B> implements AutoCloseable {

    /** Reads the next batch on the parsing thread. */
    @FunctionalInterface
    private interface Filler<B> {
        /** @param spare a recycled batch to refill, or null @return the batch, or null at the end of input */
        B fill(B spare);
    }

    /** What the parsing thread hands over: a batch, the end, or a failure. */
    private sealed interface Item {
    }

    private record Batch<B>(B records) implements Item {
    }

    private record End() implements Item {
    }

    private record Failure(Throwable error) implements Item {
    }

    private final BlockingQueue<Item> queue;
    /** Batches handed back by the consumer, for the parser to refill. */
    private final BlockingQueue<B> spares;
    private final Thread parser;
    private final boolean measureCpu;
    /** The parsing thread's CPU time when it ended, with {@code measureCpu}; else -1. */
    private volatile long parserCpuNanos = -1;
    private boolean finished;

    /**
     * Starts parsing at once: batches of records, each a new list.
     *
     * @param reader a reader positioned before its first record; used by the parsing thread only until
     *               {@link #next()} returns null or throws, or {@link #close()} returns
     * @param size   records per batch (the last may be shorter)
     * @param ahead  batches parsed ahead at most: bounds the memory held
     * @param measureCpu whether the parsing thread records its own CPU time as it ends
     *               ({@link #parserCpuNanos()}), for a phase report
     * @return the batches
     */
    public static PrefetchedBatches<List<FastaRecord>> records(FastaReader reader, int size, int ahead,
            boolean measureCpu) {
        checkSizes(size, ahead);
        return new PrefetchedBatches<>(reader.source(), ahead, measureCpu, spare -> {
            List<FastaRecord> batch = new ArrayList<>(size);
            while (batch.size() < size && reader.hasNext()) {
                batch.add(reader.next());
            }
            return batch.isEmpty() ? null : batch;
        });
    }

    /**
     * Starts parsing at once: {@link SequenceBatch}es of up to {@code size} records, each closed once
     * it holds {@code bases} bases ({@link FastaReader#readBatch}); batches handed back through
     * {@link #recycle} are refilled instead of new ones allocated.
     *
     * @param reader as for {@link #records}
     * @param size   records per batch at most
     * @param bases  bases after which a batch is closed (a batch holds at least one record)
     * @param ahead  batches parsed ahead at most
     * @param measureCpu as for {@link #records}
     * @return the batches
     */
    public static PrefetchedBatches<SequenceBatch> sequences(FastaReader reader, int size, int bases, int ahead,
            boolean measureCpu) {
        checkSizes(size, ahead);
        if (bases < 1) {
            throw new IllegalArgumentException("bases per batch must be positive");
        }
        return new PrefetchedBatches<>(reader.source(), ahead, measureCpu, spare -> {
            SequenceBatch batch = spare != null ? spare : new SequenceBatch();
            return reader.readBatch(batch, size, bases) ? batch : null;
        });
    }

    private static void checkSizes(int size, int ahead) {
        if (size < 1 || ahead < 1) {
            throw new IllegalArgumentException("batch size and read-ahead must be positive");
        }
    }

    private PrefetchedBatches(String source, int ahead, boolean measureCpu, Filler<B> filler) {
        this.measureCpu = measureCpu;
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.spares = new ArrayBlockingQueue<>(ahead + 2);
        this.parser = Thread.ofPlatform().name("fasta-" + source).daemon().start(() -> parse(filler));
    }

    private void parse(Filler<B> filler) {
        try {
            for (B batch = filler.fill(spares.poll()); batch != null; batch = filler.fill(spares.poll())) {
                queue.put(new Batch<>(batch));
            }
            if (measureCpu) { // before End is handed over, so the consumer sees it after the last batch
                parserCpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            }
            queue.put(new End());
        } catch (InterruptedException stopped) {
            // close(): nobody wants the rest
        } catch (Throwable e) { // handed to the consumer and thrown there: no failure is lost on this thread
            try {
                queue.put(new Failure(e));
            } catch (InterruptedException stopped) {
                // close() came first
            }
        }
    }

    /**
     * Hands a batch from {@link #next()} back, to be refilled: the caller no longer reads it.
     * Optional; a batch not handed back is left to the garbage collector.
     *
     * @param batch a batch this returned
     */
    public void recycle(B batch) {
        spares.offer(batch); // when full, the batch is dropped
    }

    /**
     * @return the next batch in file order, or null after the last
     * @throws FastaFormatException            if the reader found a malformed record
     * @throws java.io.UncheckedIOException    if reading failed
     */
    @SuppressWarnings("unchecked")
    public B next() {
        if (finished) {
            return null;
        }
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for FASTA records", e);
        }
        // instanceof, not a pattern switch: the switch's SwitchBootstraps spins a class with the
        // ClassFile API at its first use, which no AOT cache can hold (some 120 classes and
        // interpreted bytecode generation at every start of promoter classify)
        if (item instanceof Batch<?> b) {
            return (B) b.records();
        }
        finished = true;
        if (item instanceof Failure f) {
            throw rethrow(f.error());
        }
        return null; // End
    }

    private static RuntimeException rethrow(Throwable error) {
        if (error instanceof RuntimeException r) {
            return r;
        }
        if (error instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(error); // the reader throws no checked exception: unreachable
    }

    /** @return the parsing thread's CPU time in ns once it has read everything (with measureCpu), else -1 */
    public long parserCpuNanos() {
        return parserCpuNanos;
    }

    /** Stops the parsing thread and waits for it, so that the caller may close the reader. */
    @Override
    public void close() {
        parser.interrupt();
        boolean interrupted = false;
        while (parser.isAlive()) {
            queue.clear(); // a parser blocked in put() wakes on the interrupt; this also frees the batches
            try {
                parser.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
