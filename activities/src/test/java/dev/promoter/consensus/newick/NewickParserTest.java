package dev.promoter.consensus.newick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewickParserTest {

  @Test
  void readsLabelsLengthsSupportCommentsAndMultifurcations() {
    PhyloTree t = NewickParser.parse(
        "[&U] ('Homo sapiens':0.1, Pan_troglodytes:2e-1, 'it''s':0.3 [note], (a,b,c)95:1.5)root;");
    assertThat(t.leafLabels()).containsExactly("Homo sapiens", "Pan troglodytes", "it's", "a", "b", "c");
    assertThat(t.labels()[t.root()]).isEqualTo("root");
    assertThat(t.childCount()[t.root()]).isEqualTo(4);
    assertThat(t.labels()[6]).isEqualTo("95");
    assertThat(t.lengths()[6]).isEqualTo(1.5);
    assertThat(t.lengths()[1]).isEqualTo(0.2);
    assertThat(t.parent()[6]).isEqualTo(t.root()); // postorder: children before parents
  }

  @Test
  void readsManyTreesAcrossLines() {
    List<PhyloTree> trees = NewickReader.readAll("((a,b),\n (c,d));\n\n(a,(b,\nc),d);((a,c),(b,d));");
    assertThat(trees).hasSize(3);
    assertThat(trees.get(1).leafLabels()).containsExactly("a", "b", "c", "d");
  }

  @Test
  void writerRoundTrips() {
    String text = "('it''s':0.5,'under_score',('x y','a,b')0.9:1,c);";
    PhyloTree t = NewickParser.parse(text);
    String written = NewickWriter.write(t);
    assertThat(written).isEqualTo("('it''s':0.5,'under_score',(x_y,'a,b')0.9:1,c);");
    assertThat(NewickParser.parse(written).leafLabels()).isEqualTo(t.leafLabels());
  }

  @Test
  void unbalancedOpenNamesItsPosition() {
    assertThatThrownBy(() -> NewickReader.readAll("((a,b),c;"))
        .isInstanceOf(NewickFormatException.class)
        .hasMessageContaining("never closed").hasMessageContaining("line 1, column 1");
  }

  @Test
  void unbalancedCloseNamesItsPosition() {
    assertThatThrownBy(() -> NewickReader.readAll("(a,b),c);"))
        .hasMessageContaining("line 1, column 6");
    assertThatThrownBy(() -> NewickReader.readAll("((a,b),c));"))
        .hasMessageContaining("')' without '('").hasMessageContaining("line 1, column 10");
  }

  @Test
  void missingSemicolonAtEndAndBetweenTrees() {
    assertThatThrownBy(() -> NewickReader.readAll("(a,b,c);\n(a,b,c)"))
        .hasMessageContaining("missing ';'").hasMessageContaining("line 2, column 8");
    assertThatThrownBy(() -> NewickReader.readAll("(a,b,c)\n(a,b,c);"))
        .hasMessageContaining("missing ';'").hasMessageContaining("line 2, column 1");
  }

  @Test
  void duplicateTaxonNamesSecondOccurrence() {
    assertThatThrownBy(() -> NewickReader.readAll("(a,b,c);\n((a,b),\n  a);"))
        .hasMessageContaining("duplicate taxon 'a'").hasMessageContaining("line 3, column 3")
        .hasMessageContaining("tree 2");
  }

  @Test
  void emptyLeafLabel() {
    assertThatThrownBy(() -> NewickReader.readAll("(a,,c);"))
        .hasMessageContaining("empty leaf label").hasMessageContaining("line 1, column 4");
    assertThatThrownBy(() -> NewickReader.readAll("(a,b,());"))
        .hasMessageContaining("empty leaf label").hasMessageContaining("column 7");
  }

  @Test
  void garbageAfterTree() {
    assertThatThrownBy(() -> NewickReader.readAll("(a,b,c)x y;"))
        .hasMessageContaining("after the end of the tree").hasMessageContaining("column 10");
  }

  @Test
  void unterminatedQuoteAndComment() {
    assertThatThrownBy(() -> NewickReader.readAll("(a,b,'c);"))
        .hasMessageContaining("unterminated quoted label").hasMessageContaining("column 6");
    assertThatThrownBy(() -> NewickReader.readAll("(a,b,c)[x;"))
        .hasMessageContaining("unterminated [comment]").hasMessageContaining("column 8");
  }

  @Test
  void badBranchLength() {
    assertThatThrownBy(() -> NewickReader.readAll("(a:1.2.3,b,c);"))
        .hasMessageContaining("bad branch length").hasMessageContaining("column 4");
  }
}
