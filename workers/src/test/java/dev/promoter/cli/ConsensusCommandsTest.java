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

  @Test
  void newickThatIsEmptyBinaryOrAFolderIsOneLineAndExitCode2() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.nwk"), "");
    assertBadInput(CliRun.of("consensus", "--input", empty.toString()), "no trees in input");
    Path binary = Files.write(dir.resolve("binary.nwk"), new byte[] {0x1f, (byte) 0x8b, 8, 0, (byte) 0xc3, 0x28, 0, 1});
    assertBadInput(CliRun.of("consensus", "--input", binary.toString()), binary + ": not a Newick text file");
    assertBadInput(CliRun.of("rf", "--input", binary.toString()), binary + ": not a Newick text file");
    Path nul = Files.write(dir.resolve("nul.nwk"), new byte[] {'(', 'A', ',', 0, 0, 0, ')', ';'});
    assertBadInput(CliRun.of("consensus", "--input", nul.toString()), "binary data");
    Path folder = Files.createDirectories(dir.resolve("trees"));
    assertBadInput(CliRun.of("consensus", "--input", folder.toString()), folder + ": is a directory");
    assertBadInput(CliRun.of("rf", "--input", folder.toString()), folder + ": is a directory");
  }

  @Test
  void thresholdOutsideItsRangeAndUnknownMethodAreBadInput() throws Exception {
    Path trees = Files.writeString(dir.resolve("t.nwk"), "((A,B),C,D);\n((A,C),B,D);\n");
    for (String t : new String[] {"1", "1.5", "-0.1", "NaN"}) {
      assertBadInput(CliRun.of("consensus", "--input", trees.toString(), "--threshold", t), "threshold must be in [0, 1)");
    }
    assertBadInput(CliRun.of("consensus", "--input", trees.toString(), "--method", "mr"), "unknown consensus method 'mr'");
  }

  @Test
  void weightsThatAreMalformedNegativeOrMiscountedAreBadInput() throws Exception {
    Path trees = Files.writeString(dir.resolve("t.nwk"), "((A,B),C,D);\n((A,C),B,D);\n((A,B),C,D);\n");
    String[] weighted = {"consensus", "--method", "weighted", "--input", trees.toString(), "--weights"};
    assertBadInput(run(weighted, Files.writeString(dir.resolve("w1"), "1\nx\n1\n")), "weight 2 is not a number: x");
    assertBadInput(run(weighted, Files.writeString(dir.resolve("w2"), "1\n-2\n1\n")), "weight 2 must be finite and >= 0");
    assertBadInput(run(weighted, Files.writeString(dir.resolve("w3"), "0\n0\n0\n")), "weights must not all be zero");
    assertBadInput(run(weighted, Files.writeString(dir.resolve("w4"), "1\n2\n")), "more trees than weights");
    assertBadInput(run(weighted, Files.writeString(dir.resolve("w5"), "1\n2\n3\n4\n")), "4 weights for 3 trees");
    assertBadInput(run(weighted, Files.createDirectories(dir.resolve("w6"))), "is a directory");
  }

  private static CliRun run(String[] args, Path last) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last.toString();
    return CliRun.of(all);
  }

  /** Exit code 2 and one line, {@code promoter: ...}, naming the problem: no stack trace. */
  static void assertBadInput(CliRun run, String expected) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).startsWith("promoter: ").contains(expected).endsWith("\n");
    assertThat(run.err().strip()).as(run.toString()).doesNotContain("\n").doesNotContain("Exception");
  }
}
