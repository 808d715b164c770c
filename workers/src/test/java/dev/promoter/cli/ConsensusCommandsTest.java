package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.consensus.TreeConsensus;
import dev.promoter.consensus.newick.NewickParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promoter consensus} and {@code promoter rf} as a user types them. */
class ConsensusCommandsTest {
  @TempDir Path dir;

  @Test
  void consensusAndRfPrintNewickAndTsv() throws Exception {
    Path trees = Files.writeString(dir.resolve("t.nwk"),
        "((A,B),(C,D),E);\n((A,B),(C,E),D);\n((A,B),(C,D),E);\n((A,C),(B,D),E);\n");
    CliRun majority = CliRun.of("consensus", "--method", "majority", "--input", trees.toString());
    assertThat(majority.exitCode()).as(majority.toString()).isZero();
    // {A,B} is in 3 of 4 trees; {C,D} in exactly half, so majority rule leaves it out
    String tree = majority.out().strip();
    assertThat(new TreeConsensus().rf(NewickParser.parse(tree), NewickParser.parse("((A,B),C,D,E);"))).isZero();
    assertThat(tree).contains("0.75").endsWith(";");
    CliRun half = CliRun.of("consensus", "--input", trees.toString(), "--keep-at-threshold");
    assertThat(new TreeConsensus().rf(NewickParser.parse(half.out().strip()),
        NewickParser.parse("((A,B),(C,D),E);"))).isZero();

    CliRun strict = CliRun.of("consensus", "--method", "strict", "--input", trees.toString(), "--percent");
    assertThat(strict.out().strip()).isEqualTo("(A,B,C,D,E);");

    CliRun rf = CliRun.of("rf", "--input", trees.toString());
    assertThat(rf.out().lines()).hasSize(5);
    assertThat(rf.out().lines().skip(1).map(l -> l.split("\t").length)).containsOnly(5);
  }

  @Test
  void malformedNewickAndMissingWeightsAreBadInput() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.nwk"), "((A,B),(C,D);\n");
    CliRun run = CliRun.of("consensus", "--input", bad.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("promoter: ").contains("line 1");
    Path trees = Files.writeString(dir.resolve("t.nwk"), "((A,B),C,D);\n");
    CliRun weighted = CliRun.of("consensus", "--method", "weighted", "--input", trees.toString());
    assertThat(weighted.exitCode()).isEqualTo(2);
    assertThat(weighted.err()).contains("--method weighted needs --weights FILE");
  }
}
