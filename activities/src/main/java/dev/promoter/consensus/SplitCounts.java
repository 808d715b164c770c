package dev.promoter.consensus;

/**
 * What one pass over a tree set yields.
 *
 * @param taxa the shared taxon index
 * @param table distinct splits with counts, weights and length sums
 * @param treeCount number of trees read
 * @param totalWeight sum of tree weights (the tree count when unweighted)
 * @param treeSplits per tree, its split ids sorted ascending; {@code null} unless requested
 * @param leafLengths mean terminal branch length per taxon (NaN when absent)
 */
record SplitCounts(TaxonIndex taxa, SplitTable table, int treeCount, double totalWeight,
    int[][] treeSplits, double[] leafLengths) {

  /** @return the split's support: its weight share of all trees */
  double frequency(int id) {
    return table.weight(id) / totalWeight;
  }
}
