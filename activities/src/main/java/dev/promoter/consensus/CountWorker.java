package dev.promoter.consensus;

import dev.promoter.consensus.newick.NewickParser;
import dev.promoter.consensus.newick.PhyloTree;
import dev.promoter.consensus.newick.TreeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/** One {@link SplitCounter} thread: parses trees and counts their splits into its own table. */
final class CountWorker implements Runnable, SplitExtractor.Sink {
  private final BlockingQueue<List<TreeText>> queue;
  private final List<TreeText> end;
  private final double[] weights;
  private final boolean keep;
  private final NewickParser parser = new NewickParser();
  private final SplitExtractor extractor;
  private final SplitTable table;
  private final double[] leafSum;
  private final int[] leafN;
  private final List<int[]> treeIds = new ArrayList<>();
  private final List<Integer> treeOrdinals = new ArrayList<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile RuntimeException failure;
  private int[] ids = new int[64];
  private int idCount;
  private int tree;
  private double weight;

  CountWorker(TaxonIndex taxa, BlockingQueue<List<TreeText>> queue, List<TreeText> end,
      double[] weights, boolean keep) {
    this.queue = queue;
    this.end = end;
    this.weights = weights;
    this.keep = keep;
    this.extractor = new SplitExtractor(taxa);
    this.table = new SplitTable(taxa.words());
    this.leafSum = new double[taxa.size()];
    this.leafN = new int[taxa.size()];
  }

  @Override
  public void run() {
    try {
      for (List<TreeText> batch = queue.take(); batch != end; batch = queue.take()) {
        if (failure == null) {
          batch.forEach(this::count); // after a failure keep draining so the reader never blocks
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      drain();
    } finally {
      done.countDown();
    }
  }

  private void drain() {
    try {
      while (queue.take() != end) {
        // discard
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void count(TreeText text) {
    countTree(parser.parse(text), text.ordinal());
  }

  /** Counts one already parsed tree, {@code ordinal} being its 0-based place in the input. */
  void countTree(PhyloTree t, int ordinal) {
    tree = ordinal;
    if (weights != null && tree >= weights.length) {
      throw new ConsensusInputException("more trees than weights (" + weights.length + " weights)");
    }
    weight = weights == null ? 1.0 : weights[tree];
    idCount = 0;
    extractor.extract(t, tree, this);
    if (keep) {
      int[] sorted = Arrays.copyOf(ids, idCount);
      treeIds.add(sorted);
      treeOrdinals.add(tree);
    }
  }

  @Override
  public void split(long hash, long[] bits, int off, double length) {
    int id = table.add(hash, bits, off, tree, weight, length);
    if (keep && id >= 0) {
      if (idCount == ids.length) {
        ids = Arrays.copyOf(ids, idCount * 2);
      }
      ids[idCount++] = id;
    }
  }

  @Override
  public void leaf(int taxon, double length) {
    if (!Double.isNaN(length)) {
      leafSum[taxon] += length;
      leafN[taxon]++;
    }
  }

  void rethrowIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }

  void await() {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    rethrowIfFailed();
  }

  SplitTable table() {
    return table;
  }

  void addLeafLengths(double[] sum, int[] n) {
    for (int x = 0; x < sum.length; x++) {
      sum[x] += leafSum[x];
      n[x] += leafN[x];
    }
  }

  /** Writes each counted tree's ids, translated by {@code remap} when not null, sorted. */
  void exportTreeSplits(int[][] perTree, int[] remap) {
    for (int i = 0; i < treeIds.size(); i++) {
      int[] a = treeIds.get(i);
      if (remap != null) {
        for (int j = 0; j < a.length; j++) {
          a[j] = remap[a[j]];
        }
      }
      Arrays.sort(a);
      perTree[treeOrdinals.get(i)] = a;
    }
  }
}
