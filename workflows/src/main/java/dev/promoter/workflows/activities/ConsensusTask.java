package dev.promoter.workflows.activities;

import java.util.List;

/**
 * A tree-consensus request.
 *
 * @param treesFile path of a Newick file readable by the CPU pool
 * @param method {@code strict}, {@code majority}, {@code extended} or {@code weighted}
 * @param threshold keep splits in more than this share of trees
 * @param keepAtThreshold also keep splits in exactly that share
 * @param weights one weight per tree for {@code weighted}, else null
 */
public record ConsensusTask(String treesFile, String method, double threshold,
    boolean keepAtThreshold, List<Double> weights) {}
