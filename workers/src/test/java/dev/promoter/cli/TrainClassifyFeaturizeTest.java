package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
