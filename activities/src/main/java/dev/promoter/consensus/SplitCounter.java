package dev.promoter.consensus;

import dev.promoter.consensus.newick.NewickParser;
import dev.promoter.consensus.newick.NewickTreeSplitter;
import dev.promoter.consensus.newick.PhyloTree;
import dev.promoter.consensus.newick.TreeText;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Streams a Newick source once and counts its splits. The calling thread only cuts the text
 * into trees; worker threads parse and extract into their own {@link SplitTable}s, merged at
 * the end, so memory stays bounded by the distinct splits however many trees there are.
 */
final class SplitCounter {
  private static final int BATCH = 16;
  private static final List<TreeText> END = List.of();

  private final int threads;

  /** @param threads worker threads; at least 1 */
  SplitCounter(int threads) {
    this.threads = Math.max(1, threads);
  }

  /**
   * @param weights per-tree weights, or {@code null} for 1 each; the count must match
   * @param keepTreeSplits whether to keep each tree's split ids (for RF)
   */
  SplitCounts count(Reader in, double[] weights, boolean keepTreeSplits) {
    NewickTreeSplitter texts = new NewickTreeSplitter(in);
    if (!texts.hasNext()) {
      throw new ConsensusInputException("no trees in input");
    }
    TreeText first = texts.next();
    TaxonIndex taxa = TaxonIndex.of(new NewickParser().parse(first).leafLabels());
    BlockingQueue<List<TreeText>> queue = new ArrayBlockingQueue<>(threads * 4);
    List<CountWorker> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      CountWorker w = new CountWorker(taxa, queue, END, weights, keepTreeSplits);
      workers.add(w);
      Thread.ofPlatform().daemon().name("split-counter-" + i).start(w);
    }
    int trees = feed(first, texts, queue, workers);
    for (CountWorker w : workers) {
      w.await();
    }
    if (weights != null && weights.length != trees) {
      throw new ConsensusInputException(weights.length + " weights for " + trees + " trees");
    }
    return merge(taxa, workers, trees, weights, keepTreeSplits);
  }

  /** Counts trees already in memory, on the calling thread. */
  SplitCounts countTrees(List<PhyloTree> trees, double[] weights, boolean keepTreeSplits) {
    if (trees.isEmpty()) {
      throw new ConsensusInputException("no trees");
    }
    TaxonIndex taxa = TaxonIndex.of(trees.get(0).leafLabels());
    CountWorker w = new CountWorker(taxa, null, END, weights, keepTreeSplits);
    for (int i = 0; i < trees.size(); i++) {
      w.countTree(trees.get(i), i);
    }
    if (weights != null && weights.length != trees.size()) {
      throw new ConsensusInputException(weights.length + " weights for " + trees.size() + " trees");
    }
    return merge(taxa, List.of(w), trees.size(), weights, keepTreeSplits);
  }

  private int feed(TreeText first, NewickTreeSplitter texts, BlockingQueue<List<TreeText>> queue,
      List<CountWorker> workers) {
    List<TreeText> batch = new ArrayList<>(BATCH);
    batch.add(first);
    int trees = 1;
    try {
      while (texts.hasNext()) {
        batch.add(texts.next());
        trees++;
        if (batch.size() == BATCH) {
          put(queue, batch, workers);
          batch = new ArrayList<>(BATCH);
        }
      }
      put(queue, batch, workers);
    } finally {
      for (int i = 0; i < threads; i++) {
        put(queue, END, List.of());
      }
    }
    return trees;
  }

  private static void put(BlockingQueue<List<TreeText>> q, List<TreeText> b, List<CountWorker> ws) {
    for (CountWorker w : ws) {
      w.rethrowIfFailed(); // stop reading a huge file once a worker has found a fault
    }
    try {
      q.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading trees", e);
    }
  }

  private SplitCounts merge(TaxonIndex taxa, List<CountWorker> workers, int trees,
      double[] weights, boolean keep) {
    SplitTable global = workers.get(0).table();
    int[][] perTree = keep ? new int[trees][] : null;
    double[] leafSum = new double[taxa.size()];
    int[] leafN = new int[taxa.size()];
    for (int i = 0; i < workers.size(); i++) {
      CountWorker w = workers.get(i);
      int[] remap = i == 0 ? null : global.merge(w.table());
      w.addLeafLengths(leafSum, leafN);
      if (keep) {
        w.exportTreeSplits(perTree, remap);
      }
    }
    double total = 0;
    for (int t = 0; t < trees; t++) {
      total += weights == null ? 1.0 : weights[t];
    }
    double[] leafMean = new double[taxa.size()];
    for (int x = 0; x < leafMean.length; x++) {
      leafMean[x] = leafN[x] == 0 ? Double.NaN : leafSum[x] / leafN[x];
    }
    return new SplitCounts(taxa, global, trees, total, perTree, leafMean);
  }
}
