package dev.promoter.consensus;

import dev.promoter.consensus.newick.PhyloTree;
import java.util.List;

/**
 * A consensus tree.
 *
 * @param newick the tree as one Newick line, support values as internal labels
 * @param tree the same tree as a structure
 * @param splits the kept splits, most supported first
 * @param treeCount number of input trees
 * @param taxonCount number of taxa
 */
public record ConsensusResult(String newick, PhyloTree tree, List<SplitSupport> splits,
    int treeCount, int taxonCount) {}
