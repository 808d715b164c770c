package dev.promoter.consensus.newick;

/**
 * Malformed Newick input. The message always names the 1-based line and column (and the tree's
 * ordinal in the file) so a user can find the fault in a file of thousands of trees.
 */
public final class NewickFormatException extends RuntimeException {
  private final int line;
  private final int column;

  /**
   * @param problem what is wrong, without the position
   * @param line 1-based line of the offending character
   * @param column 1-based column of the offending character
   */
  public NewickFormatException(String problem, int line, int column) {
    super(problem + " at line " + line + ", column " + column);
    this.line = line;
    this.column = column;
  }

  /** @return 1-based line of the fault */
  public int line() {
    return line;
  }

  /** @return 1-based column of the fault */
  public int column() {
    return column;
  }
}
