package dev.promoter.consensus.newick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a stream into trees where trees, quotes and comments straddle the 64 KiB read buffer. */
class NewickTreeSplitterTest {

  @Test
  void treesQuotesAndCommentsAcrossBufferBoundariesKeepTheirTextAndPositions() {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; text.length() < 300_000; i++) {
      // a ';' inside quotes and inside a comment must not end the tree
      String tree = "(a" + i + ",'b;" + i + "',[c;]c" + i + ",\n(d,e)" + i % 7 + ")";
      expected.add(tree);
      text.append(tree).append(";\n");
    }
    NewickTreeSplitter splitter = new NewickTreeSplitter(new StringReader(text.toString()));
    List<TreeText> cut = new ArrayList<>();
    splitter.forEachRemaining(cut::add);

    assertThat(cut).hasSize(expected.size());
    for (int i = 0; i < cut.size(); i++) {
      TreeText t = cut.get(i);
      String body = new String(t.chars(), 0, t.length());
      assertThat(body.strip()).isEqualTo(expected.get(i));
      assertThat(t.ordinal()).isEqualTo(i);
      // each tree spans two lines, so tree i's '(' is at line 2i+1, column 1
      String where = t.error("probe", body.indexOf('(')).getMessage();
      assertThat(where).as("tree %d", i).contains("line " + (2 * i + 1) + ", column 1");
    }
  }

  @Test
  void anUnterminatedQuoteFarIntoTheStreamNamesItsLineAndColumn() {
    String good = "(a,b,c);\n".repeat(20_000); // 180,000 characters: several buffers
    String text = good + "(a,\n  'b,c);\n";
    NewickTreeSplitter splitter = new NewickTreeSplitter(new StringReader(text));
    assertThatThrownBy(() -> splitter.forEachRemaining(t -> { }))
        .isInstanceOf(NewickFormatException.class)
        .hasMessageContaining("unterminated quoted label (tree 20001)")
        .hasMessageContaining("line 20002").hasMessageContaining("column 3");
  }

  @Test
  void textAfterTheLastSemicolonIsAMissingSemicolon() {
    NewickTreeSplitter splitter = new NewickTreeSplitter(new StringReader("(a,b,c);\n(a,b"));
    assertThat(splitter.next().ordinal()).isZero();
    assertThatThrownBy(splitter::hasNext).hasMessageContaining("missing ';' at end of input (tree 2)");
  }
}
