package dev.promoter.consensus;

/** How a Robinson-Foulds distance is scaled. */
public enum RfNormalization {
  /** The raw symmetric-difference count of splits, as R phangorn {@code RF.dist}. */
  NONE,
  /**
   * Divided by 2(n - 3), the largest distance between two binary unrooted trees of n taxa (as
   * phangorn {@code RF.dist(normalize = TRUE)}); below 1 for trees that are not fully resolved.
   */
  BINARY_MAXIMUM,
  /** Divided by the two trees' total number of non-trivial splits; 0 when both have none. */
  TOTAL_SPLITS;

  /**
   * @param raw symmetric difference
   * @param taxa number of taxa
   * @param splitsA non-trivial splits of one tree
   * @param splitsB non-trivial splits of the other
   * @return the scaled distance
   */
  public double scale(int raw, int taxa, int splitsA, int splitsB) {
    return switch (this) {
      case NONE -> raw;
      case BINARY_MAXIMUM -> taxa <= 3 ? 0 : raw / (2.0 * (taxa - 3));
      case TOTAL_SPLITS -> splitsA + splitsB == 0 ? 0 : raw / (double) (splitsA + splitsB);
    };
  }
}
