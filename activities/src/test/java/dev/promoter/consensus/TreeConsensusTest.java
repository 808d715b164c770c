package dev.promoter.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.consensus.newick.NewickParser;
import dev.promoter.consensus.newick.NewickReader;
import dev.promoter.consensus.newick.PhyloTree;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-built cases. Over taxa a..f the four trees below hold: ef in 4/4; ab, def and cef in 2/4
 * each (def and cef conflict); ac and ad in 1/4.
 */
class TreeConsensusTest {
  static final List<String> FOUR = List.of(
      "((a,b),c,(d,(e,f)));", "((a,b),d,(c,(e,f)));", "((a,c),b,(d,(e,f)));", "((a,d),b,(c,(e,f)));");

  private final TreeConsensus consensus = new TreeConsensus();

  private static List<PhyloTree> four() {
    return FOUR.stream().map(NewickParser::parse).toList();
  }

  private int rf(ConsensusResult r, String expected) {
    return consensus.rf(r.tree(), NewickParser.parse(expected));
  }

  @Test
  void majorityAtExactlyHalfDropsSplitsByDefault() {
    ConsensusResult r = consensus.consensus(four(), ConsensusOptions.of(ConsensusMethod.MAJORITY));
    assertThat(rf(r, "(a,b,c,d,(e,f));")).isZero();
    assertThat(r.newick()).isEqualTo("(a,b,c,d,(e,f)1);");
  }

  @Test
  void majorityCanKeepSplitsAtExactlyTheThreshold() {
    ConsensusResult r = consensus.consensus(four(),
        ConsensusOptions.of(ConsensusMethod.MAJORITY).withThreshold(0.5, true));
    // ab, ef and, of the conflicting def and cef, cef: {c,e,f} sorts before {d,e,f}
    assertThat(rf(r, "((a,b),d,(c,(e,f)));")).isZero();
    assertThat(r.splits()).extracting(SplitSupport::frequency).containsExactly(1.0, 0.5, 0.5);
  }

  @Test
  void strictKeepsOnlyUniversalSplits() {
    ConsensusResult r = consensus.consensus(four(), ConsensusOptions.of(ConsensusMethod.STRICT));
    assertThat(r.splits()).singleElement().extracting(SplitSupport::taxa).isEqualTo(List.of("e", "f"));
  }

  @Test
  void weightedUsesWeightShares() {
    ConsensusOptions o = ConsensusOptions.weighted(new double[] {3, 1, 1, 1});
    ConsensusResult r = consensus.consensus(four(), o);
    assertThat(rf(r, FOUR.get(0))).isZero();
    assertThat(r.splits()).extracting(SplitSupport::frequency)
        .containsExactly(1.0, 4 / 6.0, 4 / 6.0);
    assertThat(r.newick()).isEqualTo("(a,b,(c,(d,(e,f)1)0.6667)0.6667);");
  }

  @Test
  void weightsAreValidated() {
    ConsensusOptions o = ConsensusOptions.weighted(new double[] {1, 1, 1});
    assertThatThrownBy(() -> consensus.consensus(four(), o)).hasMessageContaining("3 weights");
    assertThatThrownBy(() -> o.withWeights(new double[] {1, -1, 1, 1})).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> o.withWeights(new double[] {0, 0, 0, 0})).hasMessageContaining("all be zero");
    assertThatThrownBy(() -> ConsensusOptions.of(ConsensusMethod.MAJORITY).withThreshold(1.0, false))
        .hasMessageContaining("threshold");
  }

  @Test
  void extendedIsDeterministicWhateverTheTreeOrder() {
    ConsensusOptions o = ConsensusOptions.of(ConsensusMethod.EXTENDED);
    String expected = consensus.consensus(four(), o).newick();
    assertThat(rf(consensus.consensus(four(), o), "((a,b),d,(c,(e,f)));")).isZero();
    Random rnd = new Random(7);
    for (int i = 0; i < 10; i++) {
      List<String> shuffled = new ArrayList<>(FOUR);
      Collections.shuffle(shuffled, rnd);
      String text = String.join("\n", shuffled);
      assertThat(consensus.consensus(new StringReader(text), o.withThreads(2)).newick()).isEqualTo(expected);
    }
  }

  @Test
  void supportAsPercentAndMeanLengths() {
    List<PhyloTree> trees = NewickReader.readAll("((a,b):1,c,(d,e):2);((a,b):3,c,(d,e):4);(a,b,c,d,e);");
    ConsensusOptions o = ConsensusOptions.of(ConsensusMethod.MAJORITY)
        .withSupport(SupportFormat.PERCENT).withMeanBranchLengths(true);
    assertThat(consensus.consensus(trees, o).newick()).isEqualTo("(a,b,(c,(d,e)66.67:3)66.67:2);");
  }

  @Test
  void refusesTreesOnOtherTaxaNamingThem() {
    assertThatThrownBy(() -> consensus.consensus(new StringReader("(a,b,(c,d));\n(a,b,(c,e));"),
        ConsensusOptions.of(ConsensusMethod.MAJORITY)))
        .isInstanceOf(TaxonSetMismatchException.class)
        .hasMessageContaining("tree 2").hasMessageContaining("missing [d]").hasMessageContaining("extra [e]");
  }

  @Test
  void conflictReportListsMostFrequentIncompatibleSplits() {
    List<SplitConflict> c = consensus.conflicts(four(),
        ConsensusOptions.of(ConsensusMethod.MAJORITY).withThreshold(0.5, true), 5);
    assertThat(c).hasSize(3);
    assertThat(c.get(0).split().taxa()).containsExactly("e", "f");
    assertThat(c.get(0).conflicts()).isEmpty();
    assertThat(c.get(1).split().taxa()).containsExactly("c", "d", "e", "f"); // i.e. ab
    assertThat(c.get(1).conflicts()).extracting(SplitSupport::taxa)
        .containsExactly(List.of("b", "c", "e", "f"), List.of("b", "d", "e", "f")); // ad, ac
    assertThat(c.get(2).split().taxa()).containsExactly("c", "e", "f");
    assertThat(c.get(2).conflicts()).extracting(SplitSupport::frequency).containsExactly(0.5, 0.25);
    assertThat(c.get(2).conflicts().get(0).taxa()).containsExactly("d", "e", "f");
  }

  @Test
  void inputThatIsNoNewickTextIsConsensusInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    ConsensusOptions o = ConsensusOptions.of(ConsensusMethod.MAJORITY);
    java.nio.file.Path empty = java.nio.file.Files.writeString(dir.resolve("empty.nwk"), "  \n");
    assertThatThrownBy(() -> consensus.consensus(empty, o)).isInstanceOf(ConsensusInputException.class)
        .hasMessageContaining("no trees");
    java.nio.file.Path latin1 = java.nio.file.Files.write(dir.resolve("bin.nwk"), new byte[] {'(', (byte) 0xff, ')', ';'});
    assertThatThrownBy(() -> consensus.consensus(latin1, o)).isInstanceOf(ConsensusInputException.class)
        .hasMessageContaining("bin.nwk").hasMessageContaining("not a Newick text file");
    assertThatThrownBy(() -> consensus.rfMatrix(latin1, 1)).isInstanceOf(ConsensusInputException.class);
    java.nio.file.Path nul = java.nio.file.Files.write(dir.resolve("nul.nwk"), new byte[] {'(', 'a', 0, ',', 'b', ')', ';'});
    assertThatThrownBy(() -> consensus.consensus(nul, o))
        .isInstanceOf(dev.promoter.consensus.newick.NewickFormatException.class)
        .hasMessageContaining("binary data").hasMessageContaining("column 3");
    assertThatThrownBy(() -> consensus.consensus(dir, o)).isInstanceOf(ConsensusInputException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void thresholdsOutsideZeroToOneAndUnknownMethodsAreConsensusInput() {
    ConsensusOptions o = ConsensusOptions.of(ConsensusMethod.MAJORITY);
    for (double t : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> o.withThreshold(t, false)).isInstanceOf(ConsensusInputException.class)
          .hasMessageContaining("threshold");
    }
    assertThat(ConsensusMethod.parse("Extended")).isEqualTo(ConsensusMethod.EXTENDED);
    assertThatThrownBy(() -> ConsensusMethod.parse("mr")).isInstanceOf(ConsensusInputException.class)
        .hasMessageContaining("'mr'").hasMessageContaining("strict, majority, extended or weighted");
  }
}
