package dev.promoter.consensus.newick;

/**
 * The text of one tree, without its terminating ';', and where it starts in its source so that
 * errors found later (possibly on another thread) still report file positions.
 *
 * @param chars the characters; shared, not copied, so callers must not mutate them
 * @param length how many of {@code chars} belong to the tree
 * @param line 1-based line of {@code chars[0]}
 * @param column 1-based column of {@code chars[0]}
 * @param ordinal 0-based index of the tree in its source
 */
public record TreeText(char[] chars, int length, int line, int column, int ordinal) {

  /** Wraps a string that starts at line 1, column 1. */
  public static TreeText of(String text, int ordinal) {
    return new TreeText(text.toCharArray(), text.length(), 1, 1, ordinal);
  }

  /** Builds the exception for a fault at {@code offset}, translating it to line and column. */
  public NewickFormatException error(String problem, int offset) {
    int l = line;
    int c = column;
    for (int i = 0; i < offset && i < length; i++) {
      if (chars[i] == '\n') {
        l++;
        c = 1;
      } else {
        c++;
      }
    }
    return new NewickFormatException(problem + " (tree " + (ordinal + 1) + ")", l, c);
  }
}
