package dev.promoter.consensus;

/** Which splits a consensus tree keeps. */
public enum ConsensusMethod {
  /** Splits present in every tree. */
  STRICT,
  /** Splits in more than the threshold share of trees (0.5 by default). */
  MAJORITY,
  /**
   * Majority-rule splits, then further splits added greedily by decreasing frequency while
   * compatible with everything kept so far. Ties in frequency go to the split whose sorted taxon
   * list is lexicographically smaller (the side without the first taxon in sorted name order),
   * so the result does not depend on tree order.
   */
  EXTENDED,
  /** Majority rule where frequencies are shares of per-tree weights; weights are required. */
  WEIGHTED;

  /**
   * @param name a method name in any case, e.g. {@code majority}
   * @return the method
   * @throws ConsensusInputException naming the allowed values
   */
  public static ConsensusMethod parse(String name) {
    for (ConsensusMethod m : values()) {
      if (m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new ConsensusInputException("unknown consensus method '" + name
        + "' (expected strict, majority, extended or weighted)");
  }
}
