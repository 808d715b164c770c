package dev.promoter.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** Phylogenetic consensus on the CPU pool. Pure computations over a file: safe to repeat. */
@ActivityInterface
public interface ConsensusActivities {

  /** The consensus tree as one Newick line with support values as internal labels. */
  String consensusTree(ConsensusTask task);

  /**
   * All-pairs Robinson-Foulds distances as a TSV matrix.
   *
   * @param normalization {@code NONE}, {@code BINARY_MAXIMUM} or {@code TOTAL_SPLITS}
   */
  String rfMatrix(String treesFile, String normalization);
}
