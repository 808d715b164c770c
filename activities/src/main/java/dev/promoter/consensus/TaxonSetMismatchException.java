package dev.promoter.consensus;

import java.util.List;

/**
 * Trees of one input do not share the same taxa; consensus and RF are undefined then. The
 * message names the tree and the taxa it lacks and adds relative to the first tree.
 */
public final class TaxonSetMismatchException extends IllegalArgumentException {
  private final transient List<String> missing;
  private final transient List<String> extra;

  /**
   * @param treeOrdinal 0-based index of the offending tree
   * @param missing taxa of the first tree absent from this one
   * @param extra taxa of this tree absent from the first one
   */
  public TaxonSetMismatchException(int treeOrdinal, List<String> missing, List<String> extra) {
    super("tree " + (treeOrdinal + 1) + " has a different taxon set than tree 1: missing "
        + missing + ", extra " + extra);
    this.missing = List.copyOf(missing);
    this.extra = List.copyOf(extra);
  }

  /** @return taxa of the first tree absent from the offending tree */
  public List<String> missing() {
    return missing;
  }

  /** @return taxa of the offending tree absent from the first tree */
  public List<String> extra() {
    return extra;
  }
}
