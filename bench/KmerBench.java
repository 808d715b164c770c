import dev.promoter.features.KmerFeaturizer;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Times {@link KmerFeaturizer} on a FASTA file in warm loops, on one thread and on all cores.
 * Run by {@code bench/run-kmer-bench.sh} with the JDK's source launcher, so it is no part of the
 * Maven build. Parsing is not timed, the same as in {@code kmer_python.py}.
 *
 * <p>Each round is one pass over every sequence; the best and the median round are printed. The
 * best round is the figure to compare on a shared machine, where neighbours only ever slow a
 * round down. The all-cores rounds call {@link KmerFeaturizer#featurizeAll} on batches of
 * {@value #BATCH} sequences, as batched inference would, rather than holding a dense vector for
 * every record of the file at once.
 *
 * <p>Usage: {@code java -cp activities/target/classes bench/KmerBench.java FASTA [k] [canonical]}
 */
public final class KmerBench {

    /**
     * A pass over data/rrna/train takes about 20 ms: with 9 passes one busy neighbour moved the
     * best by a third between runs, so 40 (about a second), the same as the C peer.
     */
    private static final int ROUNDS = 40;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * C2 compiles the hot loops in the background: warm up for this long (milliseconds,
     * {@code -Dkmer.warmup.ms}, default 2,000), not a pass count.
     */
    private static final long WARM_UP_NANOS = Long.getLong("kmer.warmup.ms", 2_000) * 1_000_000L;
    private static final int BATCH = 1024;

    public static void main(String[] args) throws Exception {
        Path fasta = Path.of(args[0]);
        int k = args.length > 1 ? Integer.parseInt(args[1]) : KmerFeaturizer.DEFAULT_K;
        boolean canonical = args.length > 2 && args[2].equals("canonical");
        List<String> sequences = FastaReader.readAll(fasta).stream().map(FastaRecord::sequence).toList();
        long bases = sequences.stream().mapToLong(String::length).sum();
        KmerFeaturizer featurizer = new KmerFeaturizer(k, canonical);
        int cores = Runtime.getRuntime().availableProcessors();
        String label = String.format("java k=%d%s records=%d mbases=%.2f", k, canonical ? " canonical" : "",
                sequences.size(), bases / 1e6);

        double[] single = new double[ROUNDS];
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        for (int warm = 0; warm < 3 || System.nanoTime() < warmUntil; warm++) {
            oneThread(featurizer, sequences, bases); // let C2 compile the hot loops first
        }
        for (int r = 0; r < ROUNDS; r++) {
            single[r] = oneThread(featurizer, sequences, bases);
        }
        print(label + " threads=1", single, 1);

        double[] all = new double[ROUNDS];
        try (ForkJoinPool pool = new ForkJoinPool(cores)) {
            allCores(featurizer, sequences, bases, pool);
            for (int r = 0; r < ROUNDS; r++) {
                all[r] = allCores(featurizer, sequences, bases, pool);
            }
        }
        print(label + " threads=" + cores, all, cores);
    }

    private static void print(String label, double[] rates, int cores) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double best = sorted[sorted.length - 1];
        double median = sorted[sorted.length / 2];
        System.out.printf("%s best_mbases_per_s=%.1f median_mbases_per_s=%.1f best_per_core=%.1f median_per_core=%.1f%n",
                label, best, median, best / cores, median / cores);
    }

    /**
     * @return Mbases per CPU-second of one pass featurizing every sequence in turn on the calling
     *     thread: its CPU time, not the wall clock, as the C peer measures, because on a shared
     *     machine a pass of about 20 ms is often descheduled part-way
     */
    private static double oneThread(KmerFeaturizer featurizer, List<String> sequences, long bases) {
        long start = THREADS.getCurrentThreadCpuTime();
        double sink = 0;
        for (String sequence : sequences) {
            sink += featurizer.featurize(sequence)[0]; // keeps the JIT from dropping the work
        }
        return rate(bases, THREADS.getCurrentThreadCpuTime() - start, sink);
    }

    /** @return Mbases/s of one pass of the parallel list API on a pool of every core */
    private static double allCores(KmerFeaturizer featurizer, List<String> sequences, long bases, ForkJoinPool pool) {
        long start = System.nanoTime(); // several threads: the wall clock
        double sink = 0;
        for (int from = 0; from < sequences.size(); from += BATCH) {
            List<String> batch = sequences.subList(from, Math.min(sequences.size(), from + BATCH));
            float[][] vectors = featurizer.featurizeAll(batch, pool);
            sink += vectors[vectors.length - 1][0];
        }
        return rate(bases, System.nanoTime() - start, sink);
    }

    private static double rate(long bases, long nanos, double sink) {
        double elapsed = nanos / 1e9;
        if (Double.isNaN(sink)) {
            System.out.println("impossible: " + sink);
        }
        return bases / 1e6 / elapsed;
    }
}
