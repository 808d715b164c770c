package dev.promoter.consensus;

/**
 * How to build a consensus.
 *
 * @param method which splits to keep
 * @param threshold majority threshold in [0, 1); ignored by {@link ConsensusMethod#STRICT}
 * @param keepAtThreshold also keep splits in exactly the threshold share (DendroPy and
 *     phyutility do; PHYLIP, IQ-TREE, RAxML and ape do not, which is the default)
 * @param weights per-tree weights in file order, or {@code null}; required by WEIGHTED
 * @param support how support labels are written
 * @param meanBranchLengths write mean branch lengths of the kept edges (else none)
 * @param threads worker threads for parsing and counting
 */
public record ConsensusOptions(ConsensusMethod method, double threshold, boolean keepAtThreshold,
    double[] weights, SupportFormat support, boolean meanBranchLengths, int threads) {

  /** Validates the options. */
  public ConsensusOptions {
    if (method == null || support == null) {
      throw new IllegalArgumentException("method and support format are required");
    }
    if (!(threshold >= 0 && threshold < 1)) {
      throw new ConsensusInputException("threshold must be in [0, 1), got " + threshold);
    }
    if (method == ConsensusMethod.WEIGHTED && weights == null) {
      throw new ConsensusInputException("weighted consensus needs per-tree weights");
    }
    if (weights != null) {
      Weights.validate(weights);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /**
   * @return defaults for {@code method}: threshold 0.5 exclusive, proportions, no lengths, one
   *     thread per core; use {@link #weighted(double[])} for WEIGHTED
   */
  public static ConsensusOptions of(ConsensusMethod method) {
    return new ConsensusOptions(method, 0.5, false, null, SupportFormat.PROPORTION, false,
        Runtime.getRuntime().availableProcessors());
  }

  /** @return defaults for weighted majority rule with per-tree {@code weights} */
  public static ConsensusOptions weighted(double[] weights) {
    return new ConsensusOptions(ConsensusMethod.WEIGHTED, 0.5, false, weights, SupportFormat.PROPORTION,
        false, Runtime.getRuntime().availableProcessors());
  }

  /** @return a copy with another threshold and threshold inclusion */
  public ConsensusOptions withThreshold(double t, boolean keepAt) {
    return new ConsensusOptions(method, t, keepAt, weights, support, meanBranchLengths, threads);
  }

  /** @return a copy with per-tree weights */
  public ConsensusOptions withWeights(double[] w) {
    return new ConsensusOptions(method, threshold, keepAtThreshold, w, support, meanBranchLengths, threads);
  }

  /** @return a copy with another support format */
  public ConsensusOptions withSupport(SupportFormat f) {
    return new ConsensusOptions(method, threshold, keepAtThreshold, weights, f, meanBranchLengths, threads);
  }

  /** @return a copy that writes mean branch lengths or not */
  public ConsensusOptions withMeanBranchLengths(boolean on) {
    return new ConsensusOptions(method, threshold, keepAtThreshold, weights, support, on, threads);
  }

  /** @return a copy with another thread count */
  public ConsensusOptions withThreads(int n) {
    return new ConsensusOptions(method, threshold, keepAtThreshold, weights, support, meanBranchLengths, n);
  }
}
