package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promoter train --trainer cnn} and classifying with the CNN directory it writes. */
class TrainCnnTest {
  @TempDir Path dir;

  @Test
  void trainsTheCnnAndClassifiesWithIt() throws Exception {
    Path data = SyntheticFasta.dataset(dir.resolve("data"));
    Path model = dir.resolve("cnn");
    CliRun train = CliRun.of("train", "--data", data.toString(), "--trainer", "cnn", "--out", model.toString(),
        "--seed", "3", "--cnn-param", "epochs=2", "--cnn-param", "sequence-length=256",
        "--cnn-param", "channels=8,16,16", "--cnn-param", "dense=8");
    assertThat(train.exitCode()).as(train.toString()).isZero();
    assertThat(train.out()).contains("epoch 2:").contains("macro-F1").contains("fragments");
    assertThat(model.resolve("cnn-model.json")).content().contains("macro_f1");

    Path out = dir.resolve("labels.tsv");
    CliRun classify = CliRun.of("classify", "--model", model.toString(), "--fasta",
        data.resolve("test.fasta").toString(), "--out", out.toString());
    assertThat(classify.exitCode()).as(classify.toString()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(24).allMatch(line -> line.split("\t").length == 3);

    // to standard output, in its own JVM as ./promoter runs it: DJL logs while it loads libtorch,
    // and none of it may land among the TSV lines; a record of Ns gets no made-up label
    Path fasta = Files.writeString(dir.resolve("reads.fasta"),
        Files.readString(data.resolve("test.fasta")) + ">allN\n" + "N".repeat(300) + "\n");
    CliProcess piped = CliProcess.run(List.of(), "classify", "--model", model.toString(), "--fasta", fasta.toString());
    assertThat(piped.exitCode()).as(piped.toString()).isZero();
    assertThat(piped.out().lines().toList()).as(piped.toString()).hasSize(25)
        .allMatch(line -> line.matches("[^\t]+\t[^\t]+\t[01]\\.\\d{4}"))
        .endsWith("allN\tnon-rRNA\t0.0000");
  }

  @Test
  void anUnknownCnnSettingIsBadInput() throws Exception {
    Path data = SyntheticFasta.dataset(dir.resolve("data"));
    CliRun run = CliRun.of("train", "--data", data.toString(), "--trainer", "cnn", "--out",
        dir.resolve("x").toString(), "--cnn-param", "epoch=2");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("unknown cnn parameter 'epoch'");
  }
}
