import dev.promoter.gpu.Devices;
import dev.promoter.gpu.inference.CnnClassifier;
import dev.promoter.gpu.training.CnnConfig;
import dev.promoter.gpu.training.CnnRunResult;
import dev.promoter.gpu.training.CnnTrainingRun;
import dev.promoter.gpu.training.EpochStats;
import dev.promoter.gpu.training.TrainingState;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.RrnaDataset;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CNN throughput: training sequences/s per epoch and inference sequences/s, on the device DJL's
 * engine selects (the CPU here). Run by bench/run-cnn-bench.sh, not by the Maven build.
 *
 *   java -cp CLASSPATH bench/CnnBench.java DATASET_DIR EPOCHS|default [KEY=VALUE ...]
 */
public class CnnBench {
  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    Path data = Path.of(args[0]);
    Map<String, String> params = new HashMap<>();
    if (!args[1].equals("default")) { // "default": the config's own epochs and patience
      params.put("epochs", args[1]);
      params.put("patience", args[1]);
    }
    Arrays.stream(args).skip(2).map(a -> a.split("=", 2)).forEach(kv -> params.put(kv[0], kv[1]));
    CnnConfig config = CnnConfig.fromParams(params);
    RrnaDataset dataset = RrnaDataset.load(data);
    List<FastaRecord> train = dataset.train();
    List<FastaRecord> test = dataset.test();
    String validation = System.getProperty("cnn.bench.validation", "false");
    if (!validation.equals("false")) {
      // choosing settings: score on a seeded fifth of each class of the training records, so the
      // test set is looked at once per final configuration, not once per idea. "genomes" holds out
      // whole genomes (the test set's 5S genes all come from genomes the training set lacks)
      List<List<FastaRecord>> split = validation.equals("genomes") ? holdOutGenomes(train) : holdOutFifth(train);
      train = split.get(0);
      test = split.get(1);
      System.out.println("scoring on a validation split of the training records, not the test set");
    }
    var devices = Devices.select();
    System.out.printf(Locale.ROOT, "device=%s train_records=%d test_records=%d cores=%d%n", Devices.describe(devices),
        train.size(), test.size(), Runtime.getRuntime().availableProcessors());
    System.out.println("settings " + config.toParams());
    Path work = Files.createTempDirectory("cnn-bench-");
    long cpuStart = processCpuNanos();
    long wallStart = System.nanoTime();
    CnnRunResult result = CnnTrainingRun.run(train, test, dataset.digest(), config, devices,
        work, TrainingState.fresh(), state -> {
          EpochStats e = state.log().get(state.log().size() - 1);
          System.out.printf(Locale.ROOT, "train epoch=%d examples=%d seconds=%.1f seq_per_s=%.1f train_loss=%.4f val_loss=%.4f"
              + " cpu_s=%.1f wall_s=%.1f%n", e.epoch(), e.examples(), e.seconds(), e.sequencesPerSecond(), e.trainLoss(),
              e.validationLoss(), (processCpuNanos() - cpuStart) / 1e9, (System.nanoTime() - wallStart) / 1e9);
        });
    // the training process's CPU time (every thread, libtorch's included) from data preparation to the
    // last checkpoint plus scoring: the budget that counts on a shared machine, where wall time does not
    System.out.printf(Locale.ROOT, "train+score cpu_s=%.1f wall_s=%.1f best_epoch=%d load_average=%.2f%n",
        (processCpuNanos() - cpuStart) / 1e9, (System.nanoTime() - wallStart) / 1e9, result.state().bestEpoch(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "cnn full-length macro_f1=%.4f accuracy=%.4f | fragments macro_f1=%.4f accuracy=%.4f%n",
        result.fullLength().macroF1(), result.fullLength().accuracy(), result.fragments().macroF1(),
        result.fragments().accuracy());
    System.out.println("full-length " + f1PerClass(result.fullLength()));
    System.out.println("fragments   " + f1PerClass(result.fragments()));
    System.out.println("full-length errors " + errors(result.fullLength()));
    System.out.println("fragments   errors " + errors(result.fragments()));

    if (Boolean.getBoolean("cnn.bench.skip-inference")) {
      return; // quality-only runs (-Dcnn.bench.skip-inference=true) spare the three timed passes
    }
    List<String> sequences = new ArrayList<>(test.stream().map(FastaRecord::sequence).toList());
    try (CnnClassifier classifier = CnnClassifier.load(result.modelDirectory(), devices[0])) {
      classifier.classify(sequences.subList(0, Math.min(256, sequences.size()))); // warm-up
      double best = 0;
      for (int pass = 1; pass <= 3; pass++) {
        long start = System.nanoTime();
        classifier.classify(sequences);
        double rate = sequences.size() / ((System.nanoTime() - start) / 1e9);
        best = Math.max(best, rate);
        System.out.printf(Locale.ROOT, "infer pass=%d sequences=%d seq_per_s=%.1f%n", pass, sequences.size(), rate);
      }
      System.out.printf(Locale.ROOT, "infer best_seq_per_s=%.1f batch=%d%n", best, CnnClassifier.BATCH);
    }
  }

  /** @return the off-diagonal confusion cells, truth->predicted=count, largest first */
  private static String errors(dev.promoter.evaluation.EvaluationReport report) {
    int[][] c = report.confusion();
    List<String> labels = report.labels();
    List<int[]> cells = new ArrayList<>();
    for (int t = 0; t < c.length; t++) {
      for (int p = 0; p < c[t].length; p++) {
        if (t != p && c[t][p] > 0) {
          cells.add(new int[] {t, p, c[t][p]});
        }
      }
    }
    cells.sort((a, b) -> b[2] - a[2]);
    StringBuilder out = new StringBuilder();
    cells.forEach(x -> out.append(' ').append(labels.get(x[0])).append("->").append(labels.get(x[1])).append('=').append(x[2]));
    return out.toString();
  }

  private static String f1PerClass(dev.promoter.evaluation.EvaluationReport report) {
    StringBuilder out = new StringBuilder("f1");
    report.perClass().forEach(c -> out.append(String.format(Locale.ROOT, " %s=%.3f", c.label(), c.f1())));
    return out.toString();
  }

  /** @return [fit, held out]: every fifth record of each class, after a seeded shuffle, held out */
  private static List<List<FastaRecord>> holdOutFifth(List<FastaRecord> records) {
    List<FastaRecord> shuffled = new ArrayList<>(records);
    java.util.Collections.shuffle(shuffled, new java.util.Random(7));
    Map<String, Integer> seen = new HashMap<>();
    List<FastaRecord> fit = new ArrayList<>();
    List<FastaRecord> heldOut = new ArrayList<>();
    for (FastaRecord r : shuffled) {
      (seen.merge(RrnaDataset.label(r), 1, Integer::sum) % 5 == 0 ? heldOut : fit).add(r);
    }
    return List.of(fit, heldOut);
  }

  /**
   * @return [fit, held out]: per class, whole genomes (the id before its first ':', as in
   *     {@code genome:contig:start-end+}; any other id is its own group) in a seeded order, each
   *     held out if the class's held-out records stay within a fifth (rounded up), so a held-out
   *     gene has no copy from its own genome among the records trained on
   */
  private static List<List<FastaRecord>> holdOutGenomes(List<FastaRecord> records) {
    Map<String, Map<String, List<FastaRecord>>> byClass = new java.util.TreeMap<>();
    for (FastaRecord r : records) {
      String genome = r.id().contains(":") ? r.id().substring(0, r.id().indexOf(':')) : r.id();
      byClass.computeIfAbsent(RrnaDataset.label(r), k -> new java.util.LinkedHashMap<>())
          .computeIfAbsent(genome, k -> new ArrayList<>()).add(r);
    }
    List<FastaRecord> fit = new ArrayList<>();
    List<FastaRecord> heldOut = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (Map<String, List<FastaRecord>> genomes : byClass.values()) {
      List<List<FastaRecord>> groups = new ArrayList<>(genomes.values());
      java.util.Collections.shuffle(groups, random);
      int total = groups.stream().mapToInt(List::size).sum();
      int quota = (total + 4) / 5;
      int held = 0;
      for (List<FastaRecord> group : groups) {
        if (held + group.size() <= quota) {
          heldOut.addAll(group);
          held += group.size();
        } else {
          fit.addAll(group);
        }
      }
    }
    return List.of(fit, heldOut);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
