package dev.promoter.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.consensus.newick.NewickParser;
import dev.promoter.consensus.newick.PhyloTree;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobinsonFouldsTest {
  private final TreeConsensus consensus = new TreeConsensus();

  private int rf(String a, String b) {
    return consensus.rf(NewickParser.parse(a), NewickParser.parse(b));
  }

  @Test
  void handComputedDistances() {
    // {ab, ef, def} vs {ab, ef, cef}: one split each side differs
    assertThat(rf("((a,b),c,(d,(e,f)));", "((a,b),d,(c,(e,f)));")).isEqualTo(2);
    // {ac, ef, def} vs {ad, ef, cef}
    assertThat(rf("((a,c),b,(d,(e,f)));", "((a,d),b,(c,(e,f)));")).isEqualTo(4);
    assertThat(rf("(a,b,c,d,e,f);", "((a,b),c,(d,(e,f)));")).isEqualTo(3);
  }

  @Test
  void rootingAndChildOrderDoNotMatter() {
    assertThat(rf("((a,b),c,(d,(e,f)));", "(((f,e),d),(c,(b,a)));")).isZero();
    assertThat(rf("((a,b),c,(d,(e,f)));", "(e,f,(d,(c,(a,b))));")).isZero();
  }

  @Test
  void matrixAndNormalisations() {
    List<PhyloTree> trees = TreeConsensusTest.FOUR.stream().map(NewickParser::parse).toList();
    RfMatrix m = consensus.rfMatrix(trees);
    assertThat(m.distances()).isEqualTo(new int[][] {{0, 2, 2, 4}, {2, 0, 4, 2}, {2, 4, 0, 4}, {4, 2, 4, 0}});
    assertThat(m.distance(2, 3, RfNormalization.BINARY_MAXIMUM)).isEqualTo(4 / 6.0);
    assertThat(m.distance(2, 3, RfNormalization.TOTAL_SPLITS)).isEqualTo(4 / 6.0);
    assertThat(m.toTsv(RfNormalization.NONE)).startsWith("\t1\t2\t3\t4\n1\t0\t2\t2\t4\n");
    RfMatrix star = consensus.rfMatrix(List.of(NewickParser.parse("(a,b,c,d,e,f);"), trees.get(0)));
    assertThat(star.distance(0, 1, RfNormalization.TOTAL_SPLITS)).isEqualTo(1.0);
    assertThat(star.distance(0, 1, RfNormalization.BINARY_MAXIMUM)).isEqualTo(0.5);
  }
}
