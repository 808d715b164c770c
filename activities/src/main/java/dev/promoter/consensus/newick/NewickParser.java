package dev.promoter.consensus.newick;

import java.util.Arrays;

/**
 * Parses the text of one tree into a {@link PhyloTree}. Iterative, with explicit stacks, so a
 * caterpillar of 100,000 taxa cannot overflow the Java stack.
 *
 * <p>Labels: unquoted labels end at whitespace or one of {@code ()[]':;,} and have '_' read as a
 * space (the Newick convention); quoted labels keep everything literally, with {@code ''} for a
 * quote. [Comments] are skipped wherever whitespace may appear. A label after ')' is an internal
 * label (often a support value). Leaves must have a non-empty label, unique within the tree.
 * Instances are not thread-safe; use one per thread.
 */
public final class NewickParser {
  private TreeText src;
  private char[] s;
  private int n;
  private int pos;
  private int nodes;
  private String[] labels = new String[64];
  private double[] lengths = new double[64];
  private int[] parent = new int[64];
  private int[] childCount = new int[64];
  private int[] stack = new int[64]; // pending child node ids
  private int stackTop;
  private int[] opens = new int[16]; // stack index and text offset per unclosed '('
  private int openTop;
  private final LabelInterner interner = new LabelInterner();
  private int stamp;

  /** Parses one tree from a string that starts at line 1, column 1; a trailing ';' is optional. */
  public static PhyloTree parse(String text) {
    String t = text.strip();
    if (t.endsWith(";")) {
      t = t.substring(0, t.length() - 1);
    }
    return new NewickParser().parse(TreeText.of(t, 0));
  }

  /** Parses one tree's text (without its ';'). */
  public PhyloTree parse(TreeText text) {
    src = text;
    s = text.chars();
    n = text.length();
    pos = 0;
    nodes = 0;
    stackTop = 0;
    openTop = 0;
    stamp++;
    skipBlank();
    if (pos == n) {
      throw src.error("empty tree", pos);
    }
    node();
    if (openTop > 0) {
      throw src.error("unbalanced parentheses: '(' never closed", opens[2 * openTop - 1]);
    }
    int root = nodes - 1;
    parent[root] = -1;
    return new PhyloTree(Arrays.copyOf(labels, nodes), Arrays.copyOf(lengths, nodes),
        Arrays.copyOf(parent, nodes), Arrays.copyOf(childCount, nodes));
  }

  /** Reads the whole tree: a loop over '(' , ',' and ')' with the child stack as state. */
  private void node() {
    while (true) {
      while (pos < n && s[pos] == '(') {
        pushOpen();
        pos++;
        skipBlank();
      }
      leaf();
      while (true) {
        skipBlank();
        if (pos == n) {
          return;
        }
        char c = s[pos];
        if (c == ',' && openTop > 0) {
          pos++;
          skipBlank();
          break;
        }
        if (c == ')' && openTop > 0) {
          pos++;
          close();
          continue;
        }
        throw unexpected(c);
      }
    }
  }

  private NewickFormatException unexpected(char c) {
    if (openTop == 0) {
      if (c == ')') {
        return src.error("unbalanced parentheses: ')' without '('", pos);
      }
      if (c == '(') {
        return src.error("missing ';' before the next tree", pos);
      }
      return src.error("unexpected '" + c + "' after the end of the tree (garbage, or missing ';')", pos);
    }
    return src.error("expected ',' or ')' but found '" + c + "'", pos);
  }

  private void leaf() {
    int at = pos;
    int slot = leafSlot();
    if (slot < 0) {
      char c = pos < n ? s[pos] : ';';
      throw src.error("empty leaf label (found '" + c + "')", at);
    }
    if (!interner.mark(slot, stamp)) {
      throw src.error("duplicate taxon '" + interner.name(slot) + "' in one tree", at);
    }
    int id = newNode(interner.name(slot), 0);
    lengths[id] = length();
    push(id);
  }

  private void close() {
    int base = opens[2 * openTop - 2];
    openTop--;
    int kids = stackTop - base;
    skipBlank();
    String label = label();
    int id = newNode(label, kids);
    for (int i = base; i < stackTop; i++) {
      parent[stack[i]] = id;
    }
    stackTop = base;
    lengths[id] = length();
    push(id);
  }

  private double length() {
    skipBlank();
    if (pos == n || s[pos] != ':') {
      return Double.NaN;
    }
    pos++;
    skipBlank();
    int start = pos;
    while (pos < n && isNumberChar(s[pos])) {
      pos++;
    }
    if (start == pos) {
      throw src.error("missing branch length after ':'", start);
    }
    try {
      return Double.parseDouble(new String(s, start, pos - start));
    } catch (NumberFormatException e) {
      throw src.error("bad branch length '" + new String(s, start, pos - start) + "'", start);
    }
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
  }

  /** @return the interned leaf label's slot, or -1 when the label is missing or empty */
  private int leafSlot() {
    if (pos < n && s[pos] == '\'') {
      String q = quoted();
      return q.isEmpty() ? -1 : interner.slot(q.toCharArray(), 0, q.length(), false);
    }
    int start = pos;
    while (pos < n && !isDelimiter(s[pos])) {
      pos++;
    }
    return start == pos ? -1 : interner.slot(s, start, pos - start, true);
  }

  /** @return the label at {@code pos}, or {@code null} when there is none */
  private String label() {
    if (pos < n && s[pos] == '\'') {
      return quoted();
    }
    int start = pos;
    boolean underscore = false;
    while (pos < n && !isDelimiter(s[pos])) {
      underscore |= s[pos] == '_';
      pos++;
    }
    if (start == pos) {
      return null;
    }
    String raw = new String(s, start, pos - start);
    return underscore ? raw.replace('_', ' ') : raw;
  }

  private String quoted() {
    int open = pos++;
    StringBuilder b = new StringBuilder();
    while (pos < n) {
      char c = s[pos++];
      if (c != '\'') {
        b.append(c);
      } else if (pos < n && s[pos] == '\'') {
        b.append('\'');
        pos++;
      } else {
        return b.toString();
      }
    }
    throw src.error("unterminated quoted label", open);
  }

  private static boolean isDelimiter(char c) {
    return c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '[' || c == ']'
        || c == '\'' || c <= ' ';
  }

  private void skipBlank() {
    while (pos < n) {
      char c = s[pos];
      if (c <= ' ') {
        pos++;
      } else if (c == '[') {
        int open = pos;
        while (pos < n && s[pos] != ']') {
          pos++;
        }
        if (pos == n) {
          throw src.error("unterminated [comment]", open);
        }
        pos++;
      } else {
        return;
      }
    }
  }

  private int newNode(String label, int kids) {
    if (nodes == parent.length) {
      int cap = nodes * 2;
      labels = Arrays.copyOf(labels, cap);
      lengths = Arrays.copyOf(lengths, cap);
      parent = Arrays.copyOf(parent, cap);
      childCount = Arrays.copyOf(childCount, cap);
    }
    labels[nodes] = label;
    childCount[nodes] = kids;
    return nodes++;
  }

  private void push(int id) {
    if (stackTop == stack.length) {
      stack = Arrays.copyOf(stack, stackTop * 2);
    }
    stack[stackTop++] = id;
  }

  private void pushOpen() {
    if (2 * openTop + 2 > opens.length) {
      opens = Arrays.copyOf(opens, opens.length * 2);
    }
    opens[2 * openTop] = stackTop;
    opens[2 * openTop + 1] = pos;
    openTop++;
  }
}
