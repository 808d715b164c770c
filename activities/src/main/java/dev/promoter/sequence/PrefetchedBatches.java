package dev.promoter.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link FastaReader}'s records in batches, parsed on a thread of their own a few batches ahead of
 * the consumer: parsing then overlaps whatever the consumer does with the previous batch (and
 * with loading a model before the first), instead of stopping every core between batches.
 *
 * <p>Batches come in file order, each a new list. A failure of the reader (a malformed record, a
 * truncated gzip file, an I/O error) is thrown by {@link #next()} after every batch read before
 * it, as the same exception object: the consumer sees exactly what reading on its own thread would
 * have shown, at the same point (the records read in the failing batch are not handed out, just as
 * {@link FastaReader#forEachBatch} does not hand them out).
 *
 * <p>One consumer thread. {@link #close()} stops the parser and closes nothing else: the reader
 * belongs to the caller, who closes it after this.
 */
public final class PrefetchedBatches implements AutoCloseable {

    /** What the parsing thread hands over: a batch, the end, or a failure. */
    private sealed interface Item {
    }

    private record Batch(List<FastaRecord> records) implements Item {
    }

    private record End() implements Item {
    }

    private record Failure(Throwable error) implements Item {
    }

    private final BlockingQueue<Item> queue;
    private final Thread parser;
    private final boolean measureCpu;
    /** The parsing thread's CPU time when it ended, with {@code measureCpu}; else -1. */
    private volatile long parserCpuNanos = -1;
    private boolean finished;

    /**
     * Starts parsing at once.
     *
     * @param reader a reader positioned before its first record; used by the parsing thread only until
     *               {@link #next()} returns null or throws, or {@link #close()} returns
     * @param size   records per batch (the last may be shorter)
     * @param ahead  batches parsed ahead at most: bounds the memory held
     */
    public PrefetchedBatches(FastaReader reader, int size, int ahead) {
        this(reader, size, ahead, false);
    }

    /**
     * As {@link #PrefetchedBatches(FastaReader, int, int)}; with {@code measureCpu} the parsing
     * thread records its own CPU time as it ends ({@link #parserCpuNanos()}), for a phase report.
     */
    public PrefetchedBatches(FastaReader reader, int size, int ahead, boolean measureCpu) {
        this.measureCpu = measureCpu;
        if (size < 1 || ahead < 1) {
            throw new IllegalArgumentException("batch size and read-ahead must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.parser = Thread.ofPlatform().name("fasta-" + reader.source()).daemon()
                .start(() -> parse(reader, size));
    }

    private void parse(FastaReader reader, int size) {
        try {
            List<FastaRecord> batch = new ArrayList<>(size);
            while (reader.hasNext()) {
                batch.add(reader.next());
                if (batch.size() == size) {
                    queue.put(new Batch(batch));
                    batch = new ArrayList<>(size);
                }
            }
            if (!batch.isEmpty()) {
                queue.put(new Batch(batch));
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
     * @return the next batch in file order, or null after the last
     * @throws FastaFormatException            if the reader found a malformed record
     * @throws java.io.UncheckedIOException    if reading failed
     */
    public List<FastaRecord> next() {
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
        return switch (item) {
            case Batch b -> b.records();
            case End e -> {
                finished = true;
                yield null;
            }
            case Failure f -> {
                finished = true;
                throw rethrow(f.error());
            }
        };
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
