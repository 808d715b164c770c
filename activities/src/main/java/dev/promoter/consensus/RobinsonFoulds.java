package dev.promoter.consensus;

import dev.promoter.consensus.newick.PhyloTree;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Robinson-Foulds distances from split ids. Every tree is a sorted array of global split ids;
 * a row marks its tree's ids in a stamp array and counts how many of each later tree's ids are
 * marked, so a pair costs one pass over one tree's splits with no hashing. Rows run in parallel.
 */
final class RobinsonFoulds {

  private RobinsonFoulds() {}

  static RfMatrix allPairs(SplitCounts c) {
    int[][] trees = c.treeSplits();
    int k = trees.length;
    int[][] d = new int[k][k];
    int splits = c.table().size();
    ThreadLocal<int[]> stamps = ThreadLocal.withInitial(() -> new int[splits]);
    // rows are uneven (row i has k - i - 1 pairs); pairing row i with row k - 1 - i evens them
    IntStream.range(0, (k + 1) / 2).parallel().forEach(r -> {
      int[] stamp = stamps.get();
      row(trees, d, r, stamp);
      if (k - 1 - r != r) {
        row(trees, d, k - 1 - r, stamp);
      }
    });
    int[] counts = new int[k];
    for (int i = 0; i < k; i++) {
      counts[i] = trees[i].length;
    }
    return new RfMatrix(d, counts, c.taxa().size());
  }

  private static void row(int[][] trees, int[][] d, int i, int[] stamp) {
    int mark = i + 1; // stamps start at 0, so 0 must never be a live mark
    for (int id : trees[i]) {
      stamp[id] = mark;
    }
    int a = trees[i].length;
    for (int j = i + 1; j < trees.length; j++) {
      int shared = 0;
      for (int id : trees[j]) {
        if (stamp[id] == mark) {
          shared++;
        }
      }
      int rf = a + trees[j].length - 2 * shared;
      d[i][j] = rf;
      d[j][i] = rf;
    }
  }

  /** @return the raw RF distance between two trees over the same taxa */
  static int distance(PhyloTree a, PhyloTree b) {
    SplitCounts c = new SplitCounter(1).countTrees(List.of(a, b), null, true);
    return allPairs(c).distances()[0][1];
  }
}
