import dev.promoter.inference.Prediction;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * In-JVM throughput of SequenceClassifier.classify over the records of the given FASTA files,
 * in batches of 4,096 as `promoter classify` sends them: the compiled path and Tribuo's path
 * (-Dpromoter.inference.compiled=false, read when a classifier is built) on the same records in
 * the same JVM, then a check that both answered the same. Parsing is not timed.
 *
 *   java -cp ... bench/classify/ClassifyBench.java MODEL_DIR PASSES FASTA...
 */
public class ClassifyBench {
    static final int BATCH = 4096;

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int passes = Integer.parseInt(args[1]);
        List<String> sequences = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            try (FastaReader reader = FastaReader.open(Path.of(args[i]))) {
                reader.forEachBatch(BATCH, batch -> batch.forEach(r -> sequences.add(r.sequence())));
            }
        }
        long bases = sequences.stream().mapToLong(String::length).sum();
        System.out.printf("records=%d mbases=%.2f threads=%d passes=%d%n", sequences.size(), bases / 1e6,
                Runtime.getRuntime().availableProcessors(), passes);

        SequenceClassifier compiled = SequenceClassifier.load(model);
        System.setProperty("promoter.inference.compiled", "false");
        SequenceClassifier tribuo = SequenceClassifier.load(model);
        System.clearProperty("promoter.inference.compiled");

        List<Prediction> a = run("tribuo", tribuo, sequences, bases, passes);
        List<Prediction> b = run("compiled", compiled, sequences, bases, passes);
        long differ = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                differ++;
            }
        }
        System.out.printf("predictions differing between the paths: %d of %d%n", differ, a.size());
    }

    static List<Prediction> run(String name, SequenceClassifier classifier, List<String> sequences, long bases,
            int passes) {
        List<Prediction> out = classifyAll(classifier, sequences); // warm-up pass
        double[] seconds = new double[passes];
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            out = classifyAll(classifier, sequences);
            seconds[p] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double best = seconds[0];
        double median = seconds[passes / 2];
        // One thread, timed by its own CPU time: what one core does, whatever else the machine runs.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double cpu = Double.MAX_VALUE;
        for (int p = 0; p < passes; p++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (String sequence : sequences) {
                classifier.classify(sequence);
            }
            cpu = Math.min(cpu, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        System.out.printf("%-8s all cores, wall: best %,9.0f sequences/s %6.1f Mbases/s, median %,9.0f sequences/s %6.1f Mbases/s;"
                + " one core, CPU time: %,9.0f sequences/s %6.1f Mbases/s%n",
                name, sequences.size() / best, bases / best / 1e6, sequences.size() / median, bases / median / 1e6,
                sequences.size() / cpu, bases / cpu / 1e6);
        return out;
    }

    static List<Prediction> classifyAll(SequenceClassifier classifier, List<String> sequences) {
        List<Prediction> out = new ArrayList<>(sequences.size());
        for (int from = 0; from < sequences.size(); from += BATCH) {
            out.addAll(classifier.classify(sequences.subList(from, Math.min(sequences.size(), from + BATCH))));
        }
        return out;
    }
}
