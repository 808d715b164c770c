package dev.promoter.cli;

import static dev.promoter.cli.ConsensusCommandsTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.inference.Prediction;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-server ML commands as a user types them, on a tiny synthetic dataset. */
class TrainClassifyFeaturizeTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void train() throws IOException {
    data = SyntheticFasta.dataset(dir.resolve("data"));
    model = dir.resolve("model");
    CliRun run = CliRun.of("train", "--data", data.toString(), "--trainer", "logreg", "--out", model.toString(),
        "--k", "4", "--seed", "3");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("macro-F1").contains("fragments").contains("16S").contains("mt-SSU");
  }

  @Test
  void trainWritesAModelDirectory() {
    assertThat(model.resolve("model.tribuo")).isRegularFile();
    assertThat(model.resolve("metadata.json")).content().contains("\"k\" : 4").contains("macro_f1");
  }

  @Test
  void classifyPrintsOneLinePerRecordWithExactLabels() throws IOException {
    Path out = dir.resolve("labels.tsv");
    CliRun run = CliRun.of("classify", "--model", model.toString(), "--fasta", data.resolve("test.fasta").toString(),
        "--out", out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(24);
    long correct = 0;
    for (String line : lines) {
      String[] fields = line.split("\t");
      assertThat(fields).hasSize(3);
      assertThat(SyntheticFasta.LABELS).contains(fields[1]);
      assertThat(Double.parseDouble(fields[2])).isBetween(0.0, 1.0);
      correct += fields[0].startsWith("te" + SyntheticFasta.LABELS.indexOf(fields[1]) + "_") ? 1 : 0;
    }
    assertThat(correct).isGreaterThanOrEqualTo(22);
  }

  /**
   * An {@code --out} that is a device or a pipe is written in place: renaming a finished temporary
   * file over it would replace it (as root, {@code /dev/null} itself became a regular file that
   * way). A named pipe stands in for the device here, read by a thread as a shell's reader would.
   */
  @Test
  void classifyIntoANamedPipeWritesThroughItAndLeavesThePipe() throws Exception {
    Path pipe = dir.resolve("labels.pipe");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    java.util.concurrent.CompletableFuture<List<String>> read = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> {
          try {
            return Files.readAllLines(pipe);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    CliRun run = CliRun.of("classify", "--model", model.toString(), "--fasta", data.resolve("test.fasta").toString(),
        "--out", pipe.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(read.get(60, java.util.concurrent.TimeUnit.SECONDS)).hasSize(24);
    assertThat(Files.isRegularFile(pipe)).as("still a pipe").isFalse();
    assertThat(Files.exists(pipe)).isTrue();
  }

  /**
   * More records than two batches, parsed on the reader's thread and labelled in parallel slices:
   * the file is line for line what one model in this JVM answers, formatted one record at a time.
   */
  @Test
  void manyBatchesComeOutInInputOrderAsClassifiedInOneJvm() throws IOException {
    List<FastaRecord> test = FastaReader.readAll(data.resolve("test.fasta"));
    StringBuilder fasta = new StringBuilder();
    List<String> ids = new ArrayList<>();
    List<String> sequences = new ArrayList<>();
    for (int i = 0; i < 9_000; i++) {
      FastaRecord r = test.get(i % test.size());
      String sequence = r.sequence().substring(i % 7); // every record its own
      ids.add("r" + i);
      sequences.add(sequence);
      fasta.append('>').append("r").append(i).append('\n').append(sequence).append('\n');
    }
    Path input = Files.writeString(dir.resolve("many.fasta"), fasta);
    Path out = dir.resolve("many.tsv");
    CliRun run = CliRun.of("classify", "--model", model.toString(), "--fasta", input.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();

    List<Prediction> expected = SequenceClassifier.load(model).classify(sequences);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      lines.append(String.format(Locale.ROOT, "%s\t%s\t%.4f%n", ids.get(i), expected.get(i).label(),
          expected.get(i).confidence()));
    }
    assertThat(Files.readString(out)).isEqualTo(lines.toString());
  }

  @Test
  void aMalformedRecordAfterSeveralBatchesLeavesNoPartialFile() throws IOException {
    String good = Files.readString(data.resolve("test.fasta"));
    StringBuilder fasta = new StringBuilder();
    while (fasta.length() < 4 * 1024 * 1024) {
      fasta.append(good.replace(">", ">c" + fasta.length() + "_"));
    }
    long lines = fasta.chars().filter(c -> c == '\n').count();
    fasta.append(">broken\nACGTN\nACGTE\n");
    Path input = Files.writeString(dir.resolve("late-error.fasta"), fasta);
    Path out = dir.resolve("late-error.tsv");
    CliRun run = CliRun.of("classify", "--model", model.toString(), "--fasta", input.toString(), "--out", out.toString());
    assertBadInput(run, input + " line " + (lines + 3) + ": invalid nucleotide 'E' at column 5");
    assertThat(out).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
    }
  }

  @Test
  void malformedFastaIsOneLineAndExitCode2() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.fasta"), ">r1\nACGT\nAC*T\n");
    CliRun run = CliRun.of("classify", "--model", model.toString(), "--fasta", bad.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("promoter: " + bad + " line 3: invalid nucleotide '*'")
        .doesNotContain("\n");
  }

  @Test
  void emptyFastaIsBadInput() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.fasta"), "");
    CliRun run = CliRun.of("classify", "--model", model.toString(), "--fasta", empty.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no FASTA records");
  }

  @Test
  void unknownModelDirectoryIsBadInput() {
    CliRun run = CliRun.of("classify", "--model", dir.resolve("nope").toString(),
        "--fasta", data.resolve("test.fasta").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("nope").contains("no such model directory");
  }

  @Test
  void unknownLabelInDatasetIsBadInput() throws IOException {
    Path bad = Files.createDirectories(dir.resolve("badlabels"));
    Files.writeString(bad.resolve("train.fasta"), ">a class=12S\nACGTACGT\n");
    Files.writeString(bad.resolve("test.fasta"), ">b class=16S\nACGTACGA\n");
    CliRun run = CliRun.of("train", "--data", bad.toString(), "--out", dir.resolve("m2").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("unknown label '12S'");
    CliRun badTrainer = CliRun.of("train", "--data", data.toString(), "--trainer", "svm", "--out", "x");
    assertThat(badTrainer.exitCode()).isEqualTo(2);
  }

  @Test
  void featurizeWritesHeaderAndOneRowPerRecord() throws IOException {
    Path fasta = Files.writeString(dir.resolve("two.fasta"), ">x\nACGTA\n>y\nAAAA\n");
    Path out = dir.resolve("features.tsv");
    CliRun run = CliRun.of("featurize", "--fasta", fasta.toString(), "--k", "2", "--out", out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).split("\t")).hasSize(17).startsWith("id", "AA", "AC");
    // ACGTA has 4 2-mers: AC CG GT TA, a quarter each.
    String[] x = lines.get(1).split("\t");
    assertThat(x[0]).isEqualTo("x");
    assertThat(Double.parseDouble(x[2])).isEqualTo(0.25);
    assertThat(lines.get(2)).startsWith("y\t1.0\t0");
  }

  @Test
  void aFolderGivenAsFastaOrAFileAsDataIsOneLineAndExitCode2() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("reads"));
    assertBadInput(CliRun.of("classify", "--model", model.toString(), "--fasta", folder.toString()),
        folder + ": is a directory, not a FASTA file");
    assertBadInput(CliRun.of("featurize", "--fasta", folder.toString(), "--k", "2"), folder + ": is a directory");
    Path file = data.resolve("train.fasta");
    assertBadInput(CliRun.of("train", "--data", file.toString(), "--out", dir.resolve("m3").toString()),
        file + ": a file, not a dataset folder");
    Path hollow = Files.createDirectories(dir.resolve("hollow"));
    Files.createDirectories(hollow.resolve("train.fasta"));
    Files.writeString(hollow.resolve("test.fasta.gz"), "");
    assertBadInput(CliRun.of("train", "--data", hollow.toString(), "--out", dir.resolve("m4").toString()),
        "no train.fasta");
  }

  @Test
  void aTruncatedGzipFastaSaysTruncatedAndLeavesNoPartialOutput() throws IOException {
    Path cut = truncatedGzip();
    Path labels = Files.writeString(dir.resolve("old-labels.tsv"), "from an earlier run\n");
    assertBadInput(CliRun.of("classify", "--model", model.toString(), "--fasta", cut.toString(), "--out", labels.toString()),
        cut + " line ");
    assertThat(CliRun.of("classify", "--model", model.toString(), "--fasta", cut.toString()).err()).contains("truncated gzip");
    assertThat(labels).hasContent("from an earlier run");
    Path features = dir.resolve("cut-features.tsv");
    assertBadInput(CliRun.of("featurize", "--fasta", cut.toString(), "--k", "3", "--out", features.toString()),
        "truncated gzip");
    assertThat(features).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
    }
  }

  @Test
  void kZeroOrNegativeIsBadInput() {
    Path fasta = data.resolve("test.fasta");
    for (String k : new String[] {"0", "-1", "-3"}) {
      assertBadInput(CliRun.of("featurize", "--fasta", fasta.toString(), "--k", k), "k must be in 1..12, got " + k);
      assertBadInput(CliRun.of("train", "--data", data.toString(), "--out", dir.resolve("k" + k).toString(), "--k", k),
          "k must be in 1..8, got " + k);
    }
  }

  @Test
  void ensembleWeightsThatAreNegativeZeroOrMiscountedAreBadInput() {
    String fasta = data.resolve("test.fasta").toString();
    String m = model.toString();
    assertBadInput(CliRun.of("classify", "--model", m, "--model", m, "--weights", "1,-1", "--fasta", fasta),
        "weight 2 must be finite and >= 0");
    assertBadInput(CliRun.of("classify", "--model", m, "--weights", "-2", "--fasta", fasta), "weight 1 must be finite");
    assertBadInput(CliRun.of("classify", "--model", m, "--model", m, "--weights", "0,0", "--fasta", fasta),
        "weights must not all be zero");
    assertBadInput(CliRun.of("classify", "--model", m, "--model", m, "--weights", "1,2,3", "--fasta", fasta),
        "2 models but 3 weights");
    CliRun malformed = CliRun.of("classify", "--model", m, "--model", m, "--weights", "1,x", "--fasta", fasta);
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains("'x' is not a double");
  }

  @Test
  void aRecordWithNoCountableKmerIsNonRrnaWithConfidenceZero() throws IOException {
    String gene = Files.readAllLines(data.resolve("test.fasta")).get(1);
    Path fasta = Files.writeString(dir.resolve("ns.fasta"), ">allN\nNNNNNNNNNNNNNNNNNNNN\n>short\nACG\n>gene\n" + gene
        + "\n>gapped\nACGNACGNACGNAC\n");
    for (CliRun run : List.of(CliRun.of("classify", "--model", model.toString(), "--fasta", fasta.toString()),
        CliRun.of("classify", "--model", model.toString(), "--model", model.toString(), "--fasta", fasta.toString()))) {
      assertThat(run.exitCode()).as(run.toString()).isZero();
      List<String> lines = run.out().lines().toList();
      assertThat(lines).hasSize(4);
      assertThat(lines.get(0)).isEqualTo("allN\tnon-rRNA\t0.0000");
      assertThat(lines.get(1)).isEqualTo("short\tnon-rRNA\t0.0000");
      assertThat(lines.get(2)).startsWith("gene\t").doesNotEndWith("\t0.0000");
      assertThat(lines.get(3)).isEqualTo("gapped\tnon-rRNA\t0.0000");
      assertThat(run.err()).contains("3 record(s)").contains("'allN'");
    }
  }

  @Test
  void trainOutIsCheckedBeforeTraining() throws IOException {
    Path busy = Files.createDirectories(dir.resolve("busy"));
    Path keep = Files.writeString(busy.resolve("notes.txt"), "mine");
    assertBadInput(CliRun.of("train", "--data", data.toString(), "--out", busy.toString()), busy + ": folder exists and is not empty");
    // the CNN path replaces the folder it writes: it must refuse before touching one with other files
    assertBadInput(CliRun.of("train", "--data", data.toString(), "--trainer", "cnn", "--out", busy.toString()),
        "not empty");
    assertThat(keep).hasContent("mine");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliRun onFile = CliRun.of("train", "--data", data.toString(), "--out", file.toString());
    assertBadInput(onFile, file + ": is a file");
    assertThat(onFile.out()).doesNotContain("training");
    assertBadInput(CliRun.of("train", "--data", data.toString(), "--out", file.resolve("m").toString()),
        "cannot create it, " + file + " is a file");
    Path emptyDir = Files.createDirectories(dir.resolve("empty-out"));
    CliRun fine = CliRun.of("train", "--data", data.toString(), "--out", emptyDir.toString(), "--k", "2");
    assertThat(fine.exitCode()).as(fine.toString()).isZero();
    assertThat(emptyDir.resolve("model.tribuo")).isRegularFile();
  }

  @Test
  void trainHelpAndErrorsListEveryTrainerCnnIncluded() {
    CliRun help = CliRun.of("train", "--help");
    assertThat(help.out().replaceAll("\\s+", " ")).contains("--trainer=NAME one of logreg, xgboost, forest, cnn");
    CliRun svm = CliRun.of("train", "--data", data.toString(), "--trainer", "svm", "--out", dir.resolve("svm").toString());
    assertThat(svm.exitCode()).isEqualTo(2);
    assertThat(svm.err()).contains("unknown trainer 'svm' (expected logreg, xgboost, forest or cnn)");
  }

  @Test
  void featurizeOutIsReplacedOnlyWhenComplete() throws IOException {
    Path fasta = Files.writeString(dir.resolve("one.fasta"), ">x\nACGTA\n");
    Path out = Files.writeString(dir.resolve("replace.tsv"), "old\n");
    CliRun run = CliRun.of("featurize", "--fasta", fasta.toString(), "--k", "1", "--out", out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(out)).containsExactly("id\tA\tC\tG\tT", "x\t0.4\t0.2\t0.2\t0.2");
    assertBadInput(CliRun.of("featurize", "--fasta", fasta.toString(), "--out", dir.toString()), "is a directory");
    assertBadInput(CliRun.of("featurize", "--fasta", fasta.toString(), "--out", dir.resolve("no/such.tsv").toString()),
        "does not exist");
  }

  private static Path truncatedGzip() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
      byte[] test = Files.readAllBytes(data.resolve("test.fasta"));
      for (int i = 0; i < 20; i++) {
        gz.write(test);
      }
    }
    byte[] whole = bytes.toByteArray();
    return Files.write(dir.resolve("cut.fasta.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
  }
}
