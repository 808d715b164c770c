package dev.promoter.consensus;

import java.util.List;

/**
 * One bipartition with its support.
 *
 * @param taxa the side of the split without the first taxon (in sorted name order)
 * @param count number of input trees containing it
 * @param frequency its share of trees, or of tree weight when weighted
 */
public record SplitSupport(List<String> taxa, int count, double frequency) {}
