package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code featurize --k} that cannot fit in the heap is refused before any work, naming the memory. */
class FeaturizeMemoryTest {
  private static final long MIB = 1 << 20;

  @Test
  void batchesShrinkWithKAndStopWhereOneRecordDoesNotFit() {
    assertThat(FeaturizeCommand.batchRows(6, false, 6144 * MIB, 2)).isEqualTo(1024);
    // 64 MiB per 12-mer vector, half of a 1 GiB heap, less the two threads' counts
    assertThat(FeaturizeCommand.batchRows(12, false, 1024 * MIB, 2)).isEqualTo(6);
    assertThatThrownBy(() -> FeaturizeCommand.batchRows(12, false, 256 * MIB, 2))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--k 12: 16,777,216 columns need a heap of about 384 MiB, but this JVM may use at most 256 MiB; "
            + "use a smaller --k or a larger heap (PROMOTER_JAVA_OPTS=-Xmx...)");
  }

  @Test
  void aKTooLargeForTheHeapIsExitCode2AndWritesNothing(@TempDir Path dir) throws Exception {
    Path fasta = Files.writeString(dir.resolve("r.fasta"), ">r\nACGTACGTACGTACGTACGT\n");
    Path out = dir.resolve("f.tsv");
    CliProcess big = CliProcess.run(List.of("-Xmx64m"), "featurize", "--fasta", fasta.toString(), "--k", "12",
        "--out", out.toString());
    assertThat(big.exitCode()).as(big.toString()).isEqualTo(2);
    assertThat(big.err().strip()).as(big.toString()).startsWith("promoter: --k 12: 16,777,216 columns need a heap of about ")
        .containsPattern("at most 6[0-4] MiB").doesNotContain("\n");
    assertThat(dir.toFile().list()).containsExactly("r.fasta");

    CliProcess small = CliProcess.run(List.of("-Xmx64m"), "featurize", "--fasta", fasta.toString(), "--k", "4",
        "--out", out.toString());
    assertThat(small.exitCode()).as(small.toString()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(2);
  }
}
