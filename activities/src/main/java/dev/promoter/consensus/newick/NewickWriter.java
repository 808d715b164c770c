package dev.promoter.consensus.newick;

/**
 * Writes a {@link PhyloTree} as one Newick line ending in ';'. Labels that the reader would
 * change or split (delimiters, quotes, underscores) are quoted; plain spaces become '_' so the
 * common case stays unquoted and round-trips.
 */
public final class NewickWriter {

  private NewickWriter() {}

  /** @return the tree as Newick text with ';' */
  public static String write(PhyloTree tree) {
    StringBuilder b = new StringBuilder(tree.size() * 8);
    int[][] kids = tree.children();
    write(tree, kids, tree.root(), b);
    return b.append(';').toString();
  }

  private static void write(PhyloTree t, int[][] kids, int v, StringBuilder b) {
    if (kids[v].length > 0) {
      b.append('(');
      for (int i = 0; i < kids[v].length; i++) {
        if (i > 0) {
          b.append(',');
        }
        write(t, kids, kids[v][i], b);
      }
      b.append(')');
    }
    if (t.labels()[v] != null) {
      b.append(label(t.labels()[v]));
    }
    double len = t.lengths()[v];
    if (!Double.isNaN(len)) {
      b.append(':').append(formatLength(len));
    }
  }

  /** @return the label as it must appear in Newick text */
  public static String label(String label) {
    boolean quote = label.isEmpty();
    for (int i = 0; i < label.length() && !quote; i++) {
      char c = label.charAt(i);
      quote = c == '_' || c == '\'' || (c != ' ' && (c < ' ' || "()[]:;,".indexOf(c) >= 0))
          || Character.isWhitespace(c) && c != ' ';
    }
    if (quote) {
      return "'" + label.replace("'", "''") + "'";
    }
    return label.replace(' ', '_');
  }

  private static String formatLength(double len) {
    if (len == Math.rint(len) && Math.abs(len) < 1e15) {
      return Long.toString((long) len);
    }
    return Double.toString(len);
  }
}
