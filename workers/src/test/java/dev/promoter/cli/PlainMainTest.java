package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.SequenceBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Formatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's entry without picocli (classify, consensus, rf) answers exactly as {@code PromoterCli} does. */
class PlainMainTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void train() throws IOException {
    data = SyntheticFasta.dataset(dir.resolve("data"));
    model = dir.resolve("model");
    // k = 6: the default, with the 3-mer composition block the compiled model derives from 6-mer counts
    CliRun run = CliRun.of("train", "--data", data.toString(), "--trainer", "logreg", "--out", model.toString(),
        "--k", "6", "--seed", "3");
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  /** What PlainMain.main does after parsing, with the output kept. */
  private static CliRun fast(String... args) {
    PlainCommand command = PlainMain.parse(args);
    assertThat(command).as("plain form: %s", String.join(" ", args)).isNotNull();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PlainMain.run(command, new PrintWriter(out), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  @Test
  void thePlainFormsPrintAndWriteWhatPicocliDoes() throws IOException {
    String m = model.toString();
    String fasta = data.resolve("test.fasta").toString();
    CliRun viaPicocli = CliRun.of("classify", "--model", m, "--fasta", fasta);
    assertThat(viaPicocli.exitCode()).isZero();
    assertThat(viaPicocli.out().lines().count()).isGreaterThan(10);
    assertThat(fast("classify", "--model", m, "--fasta", fasta)).isEqualTo(viaPicocli);
    assertThat(fast("classify", "--fasta=" + fasta, "--model=" + m)).isEqualTo(viaPicocli);

    Path a = dir.resolve("a.tsv");
    Path b = dir.resolve("b.tsv");
    assertThat(CliRun.of("classify", "--model", m, "--fasta", fasta, "--out", a.toString()).exitCode()).isZero();
    assertThat(fast("classify", "--model", m, "--fasta", fasta, "--out", b.toString()).exitCode()).isZero();
    assertThat(Files.readString(b)).isEqualTo(Files.readString(a)).isEqualTo(viaPicocli.out());

    String[] ensemble = {"classify", "--model", m, "--model", m, "--weights", "1,3", "--fasta", fasta};
    assertThat(fast(ensemble)).isEqualTo(CliRun.of(ensemble));
  }

  @Test
  void failuresAreReportedWithPicoclisLineAndExitCode() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.fasta"), ">r1\nACGT\nAC*T\n");
    String[] malformed = {"classify", "--model", model.toString(), "--fasta", bad.toString()};
    CliRun run = fast(malformed);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run).isEqualTo(CliRun.of(malformed));
    String[] noModel = {"classify", "--model", dir.resolve("nope").toString(), "--fasta", bad.toString()};
    assertThat(fast(noModel)).isEqualTo(CliRun.of(noModel));
    String[] badWeights = {"classify", "--model", model.toString(), "--model", model.toString(), "--weights", "0,0",
        "--fasta", bad.toString()};
    assertThat(fast(badWeights).exitCode()).isEqualTo(2);
    assertThat(fast(badWeights)).isEqualTo(CliRun.of(badWeights));
  }

  @Test
  void anythingButAPlainFormIsLeftToPicocli() {
    String m = model.toString();
    assertThat(PlainMain.parse(new String[] {"classify", "--help"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--fasta", "f", "--help", "x"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--out", "o", "--x"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--out", "o", "--x", "y"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--fasta", "f", "--fasta", "g"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--out", "o", "--out", "p"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--weights", "1", "--out", "o"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--weights", "-2", "--fasta", "f"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--weights", "1,x", "--fasta", "f"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--fasta=", "--out", "o"})).isNull();
    assertThat(PlainMain.parse(new String[] {"featurize", "--fasta", "f", "--k", "3", "--out", "o"})).isNull();
    assertThat(PlainMain.parse(new String[] {"classify", "--model", m, "--fasta", "f"})).isNotNull();
  }

  @Test
  void consensusAndRfPlainFormsPrintAndFailAsPicocliDoes() throws IOException {
    Path trees = Files.writeString(dir.resolve("t.nwk"),
        "((A:1,B:2):1,(C:1,D:1):2,E:3);\n((A,B),(C,E),D);\n((A,B),(C,D),E);\n((A,C),(B,D),E);\n");
    Path weights = Files.writeString(dir.resolve("w.txt"), "1\n2\n3\n0.5\n");
    Path bad = Files.writeString(dir.resolve("bad.nwk"), "((A,B),(C,D);\n");
    String t = trees.toString();
    String[][] forms = {
        {"consensus", "--input", t},
        {"consensus", "--input=" + t, "--method=strict", "--percent"},
        {"consensus", "--method", "extended", "--input", t, "--lengths", "--keep-at-threshold"},
        {"consensus", "--input", t, "--threshold", "0.25"},
        {"consensus", "--input", t, "--method", "weighted", "--weights", weights.toString()},
        {"consensus", "--input", t, "--method", "weighted"}, // bad input: no weights
        {"consensus", "--input", t, "--method", "mr"},
        {"consensus", "--input", t, "--threshold", "1.5"},
        {"consensus", "--input", bad.toString()},
        {"consensus", "--input", dir.resolve("missing.nwk").toString()},
        {"rf", "--input", t},
        {"rf", "--input", t, "--normalize", "BINARY_MAXIMUM"},
        {"rf", "--normalize=TOTAL_SPLITS", "--input=" + t},
        {"rf", "--input", bad.toString()},
    };
    for (String[] form : forms) {
      CliRun viaPicocli = CliRun.of(form);
      assertThat(fast(form)).as(String.join(" ", form)).isEqualTo(viaPicocli);
    }
    assertThat(CliRun.of(forms[0]).exitCode()).isZero();
    assertThat(CliRun.of(forms[5]).exitCode()).isEqualTo(2);
    assertThat(CliRun.of(forms[8]).exitCode()).isEqualTo(2);
  }

  @Test
  void consensusAndRfFormsThatAreNotPlainAreLeftToPicocli() {
    String[][] forms = {
        {"consensus", "--input"},
        {"consensus", "--method", "strict"},
        {"consensus", "--input", "t", "--input", "u"},
        {"consensus", "--input", "t", "--percent", "--percent"},
        {"consensus", "--input", "t", "--percent=true"},
        {"consensus", "--input", "t", "--threshold", "-0.1"},
        {"consensus", "--input", "t", "--threshold", "half"},
        {"consensus", "--input", "t", "--help"},
        {"consensus", "--input", "t", "extra"},
        {"consensus", "--input", "--percent", "x"},
        {"rf", "--input", "t", "--normalize", "binary_maximum"},
        {"rf", "--input", "t", "--percent"},
        {"rf", "--input="},
    };
    for (String[] form : forms) {
      assertThat(PlainMain.parse(form)).as(String.join(" ", form)).isNull();
    }
    assertThat(PlainMain.parse(new String[] {"rf", "--input", "t"})).isInstanceOf(RfCommand.class);
    assertThat(PlainMain.parse(new String[] {"consensus", "--input", "t"})).isInstanceOf(ConsensusCommand.class);
  }

  @Test
  void fourDecimalsAreFormattersToTheLastDigitTiesIncluded() {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder mine = new StringBuilder();
    Formatter fallback = new Formatter(mine, Locale.ROOT);
    for (int i = 0; i < 200_000; i++) {
      double v = switch (i % 4) {
        case 0 -> random.nextDouble();
        case 1 -> (random.nextInt(10_000) + 0.5) / 10_000; // the double nearest a tie
        case 2 -> Math.nextUp((random.nextInt(10_000) + 0.5) / 10_000);
        default -> Math.nextDown((random.nextInt(10_001) + 0.0) / 10_000);
      };
      mine.setLength(0);
      ClassifyCommand.appendFourDecimals(mine, v, fallback);
      assertThat(mine.toString()).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
    }
    for (double v : new double[] {0.0, 1.0, 0.99995, 0.00005, 1e-300, Math.nextDown(1.0), 0.5}) {
      mine.setLength(0);
      ClassifyCommand.appendFourDecimals(mine, v, fallback);
      assertThat(mine.toString()).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
    }
  }

  /**
   * Each path hands every record to the command's formatting ({@link LabelClassifier.Labelled})
   * exactly once, with its answer already in the arrays: the compiled path in several slices, on
   * the threads that labelled them, the Prediction path in one; and both answer alike.
   */
  @Test
  void everyLabelledSliceIsHandedOnOnceWithItsAnswersInPlace() throws IOException {
    String test = Files.readString(data.resolve("test.fasta"));
    Path many = Files.writeString(dir.resolve("slices.fasta"), test.repeat(25));
    SequenceBatch batch = new SequenceBatch();
    try (FastaReader reader = FastaReader.open(many)) {
      assertThat(reader.readBatch(batch, 4096, 1 << 22)).isTrue();
    }
    int n = batch.size();
    assertThat(n).isEqualTo(25 * test.lines().filter(l -> l.startsWith(">")).count());
    SequenceClassifier loaded = SequenceClassifier.load(model);
    String[][] labels = new String[2][n];
    double[][] confidences = new double[2][n];
    boolean[][] noEvidence = new boolean[2][n];
    List<LabelClassifier> paths = List.of(LabelClassifier.of(loaded), LabelClassifier.of(loaded::classify));
    for (int p = 0; p < 2; p++) {
      String[] label = labels[p];
      List<int[]> slices = Collections.synchronizedList(new ArrayList<>());
      List<Integer> unlabelled = Collections.synchronizedList(new ArrayList<>());
      paths.get(p).label(batch, label, confidences[p], noEvidence[p], (from, to) -> {
        slices.add(new int[] {from, to});
        for (int i = from; i < to; i++) {
          if (label[i] == null) {
            unlabelled.add(i);
          }
        }
      });
      assertThat(unlabelled).as("records handed on before they were labelled").isEmpty();
      int[] times = new int[n];
      for (int[] slice : slices) {
        for (int i = slice[0]; i < slice[1]; i++) {
          times[i]++;
        }
      }
      assertThat(times).as("each record handed on once").containsOnly(1);
      assertThat(slices.size()).as("slices").isEqualTo(p == 0 ? Math.min(n / 64, 4 * Runtime.getRuntime()
          .availableProcessors()) : 1);
    }
    assertThat(labels[0]).isEqualTo(labels[1]);
    assertThat(confidences[0]).isEqualTo(confidences[1]);
    assertThat(noEvidence[0]).isEqualTo(noEvidence[1]);
  }
}
