package dev.promoter.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.consensus.newick.NewickReader;
import dev.promoter.consensus.newick.PhyloTree;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Our trees against the peers' committed outputs (see resources/consensus/README.md). */
class PeerFixturesTest {
  private final TreeConsensus consensus = new TreeConsensus();

  @ParameterizedTest
  @CsvSource({
      "random-41x12, MAJORITY, phylip-majority", "random-41x12, MAJORITY, iqtree-majority",
      "random-41x12, MAJORITY, raxml-majority", "random-41x12, MAJORITY, ape-majority",
      "random-41x12, STRICT, phylip-strict", "random-41x12, STRICT, raxml-strict",
      "random-41x12, STRICT, ape-strict",
      "random-200x40, MAJORITY, phylip-majority", "random-200x40, MAJORITY, iqtree-majority",
      "random-200x40, MAJORITY, raxml-majority", "random-200x40, MAJORITY, ape-majority",
      "random-200x40, STRICT, phylip-strict", "random-200x40, STRICT, raxml-strict",
      "random-200x40, STRICT, ape-strict",
      "16s-ufboot-20, MAJORITY, phylip-majority", "16s-ufboot-20, MAJORITY, iqtree-majority",
      "16s-ufboot-20, MAJORITY, raxml-majority", "16s-ufboot-20, MAJORITY, ape-majority",
      "16s-ufboot-20, STRICT, phylip-strict", "16s-ufboot-20, STRICT, raxml-strict",
      "16s-ufboot-20, STRICT, ape-strict"})
  void consensusMatchesPeer(String set, ConsensusMethod method, String peer) throws Exception {
    ConsensusResult ours = consensus.consensus(resource(set + ".nwk"), ConsensusOptions.of(method));
    PhyloTree theirs = NewickReader.readAll(resource(set + "." + peer + ".tre")).get(0);
    assertThat(consensus.rf(ours.tree(), theirs)).as(set + " vs " + peer).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"random-41x12", "random-200x40"})
  void rfMatrixMatchesPhangorn(String set) throws Exception {
    RfMatrix ours = consensus.rfMatrix(resource(set + ".nwk"), 2);
    List<String> rows = Files.readAllLines(resource(set + ".phangorn-rf.tsv"));
    assertThat(rows).hasSize(ours.size());
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = rows.get(i).split("\t");
      for (int j = 0; j < cells.length; j++) {
        assertThat(ours.distances()[i][j]).as("d(%d,%d)", i, j).isEqualTo((int) Double.parseDouble(cells[j]));
      }
    }
  }

  static Path resource(String name) throws URISyntaxException, IOException {
    var url = PeerFixturesTest.class.getResource("/consensus/" + name);
    if (url == null) {
      throw new IOException("missing fixture " + name);
    }
    return Path.of(url.toURI());
  }
}
