package dev.promoter.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Picks the splits each {@link ConsensusMethod} keeps, as ids in decreasing support. */
final class SplitSelector {
  /** Absorbs rounding in weight sums, e.g. 0.1 + 0.2 against a threshold of 0.3. */
  private static final double EPS = 1e-9;

  private SplitSelector() {}

  static int[] select(SplitCounts c, ConsensusOptions o) {
    SplitTable t = c.table();
    double lo = switch (o.method()) {
      case STRICT -> 1 - EPS;
      case EXTENDED -> 0;
      case MAJORITY, WEIGHTED -> o.keepAtThreshold() ? o.threshold() - EPS : o.threshold() + EPS;
    };
    boolean inclusive = o.method() == ConsensusMethod.STRICT || o.keepAtThreshold();
    List<Integer> candidates = new ArrayList<>();
    for (int id = 0; id < t.size(); id++) {
      double f = c.frequency(id);
      if (f > 0 && (f > lo || (inclusive && f >= lo))) {
        candidates.add(id);
      }
    }
    int[] sorted = bySupport(c, candidates.stream().mapToInt(Integer::intValue).toArray());
    return greedy(c, sorted);
  }

  /** Sorts ids by decreasing frequency, ties by {@link Bitsets#compare}. */
  static int[] bySupport(SplitCounts c, int[] ids) {
    SplitTable t = c.table();
    int w = t.words();
    long[] bits = t.bits();
    // frequencies summed in different thread orders may differ in the last ulp; quantising
    // keeps ties (and so the output) deterministic
    return Arrays.stream(ids).boxed().sorted((a, b) -> {
      int byF = Long.compare(Math.round(c.frequency(b) * 1e12), Math.round(c.frequency(a) * 1e12));
      return byF != 0 ? byF : Bitsets.compare(bits, a * w, bits, b * w, w);
    }).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Keeps each split compatible with all kept before it. Splits above one half are pairwise
   * compatible, so for majority rule this keeps them all; a binary tree (n - 3 splits) is
   * complete, so the scan stops there.
   */
  private static int[] greedy(SplitCounts c, int[] sorted) {
    SplitTable t = c.table();
    int w = t.words();
    long[] bits = t.bits();
    int max = Math.max(0, c.taxa().size() - 3);
    int[] kept = new int[Math.min(sorted.length, max)];
    int k = 0;
    for (int i = 0; i < sorted.length && k < max; i++) {
      int id = sorted[i];
      // two splits each in more than half of the (weighted) trees share a tree: compatible
      if (c.frequency(id) > 0.5 + EPS || compatibleWithAll(bits, id, kept, k, w)) {
        kept[k++] = id;
      }
    }
    return Arrays.copyOf(kept, k);
  }

  private static boolean compatibleWithAll(long[] bits, int id, int[] kept, int k, int w) {
    for (int j = 0; j < k; j++) {
      if (!Bitsets.compatible(bits, id * w, bits, kept[j] * w, w)) {
        return false;
      }
    }
    return true;
  }
}
