package dev.promoter.consensus;

import java.util.List;

/**
 * A consensus split and the most frequent input splits incompatible with it.
 *
 * @param split the consensus split with its support
 * @param conflicts incompatible input splits, most frequent first
 */
public record SplitConflict(SplitSupport split, List<SplitSupport> conflicts) {}
