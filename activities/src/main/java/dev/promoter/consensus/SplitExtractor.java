package dev.promoter.consensus;

import dev.promoter.consensus.newick.PhyloTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns one tree into its non-trivial bipartitions in one bottom-up pass. Each node's bitset is
 * the OR of its children's and its hash the XOR of theirs (random 64-bit key per taxon), so
 * hashing is O(1) per edge; bitsets cost O(n/64) words per node. Buffers are reused, so one
 * extractor per thread.
 */
final class SplitExtractor {
  /** Fixed seed: hashes, and thus iteration order inside a table, are reproducible. */
  private static final long KEY_SEED = 0x5EED_C0DE_2024L;

  /** Receives the splits of one tree. */
  interface Sink {
    /** A non-trivial normalised split held in {@code bits[off .. off+words)}. */
    void split(long hash, long[] bits, int off, double length);

    /** A terminal edge, for mean terminal branch lengths. */
    void leaf(int taxon, double length);
  }

  private final TaxonIndex taxa;
  private final int words;
  private final long[] keys;
  private final long allHash;
  private final long lastMask;
  private long[] bits = new long[0];
  private long[] hash = new long[0];
  private int[] size = new int[0];
  private int[] taxonOf = new int[0];

  SplitExtractor(TaxonIndex taxa) {
    this.taxa = taxa;
    this.words = taxa.words();
    this.keys = new long[taxa.size()];
    SplittableRandom r = new SplittableRandom(KEY_SEED);
    long all = 0;
    for (int i = 0; i < keys.length; i++) {
      keys[i] = r.nextLong();
      all ^= keys[i];
    }
    this.allHash = all;
    int rem = taxa.size() & 63;
    this.lastMask = rem == 0 ? -1L : (1L << rem) - 1;
  }

  /** Emits every non-trivial split of {@code t}; throws when its taxa differ from the index. */
  void extract(PhyloTree t, int ordinal, Sink sink) {
    int m = t.size();
    ensure(m);
    checkTaxa(t, ordinal);
    int n = taxa.size();
    Arrays.fill(bits, 0, m * words, 0L);
    Arrays.fill(hash, 0, m, 0L);
    Arrays.fill(size, 0, m, 0);
    int[] parent = t.parent();
    for (int v = 0; v < m; v++) {
      boolean leaf = t.isLeaf(v);
      if (leaf) {
        int x = taxonOf[v];
        bits[v * words + (x >>> 6)] |= 1L << x;
        hash[v] = keys[x];
        size[v] = 1;
        sink.leaf(x, t.lengths()[v]);
      }
      int p = parent[v];
      if (p < 0) {
        continue;
      }
      for (int i = 0, a = v * words, b = p * words; i < words; i++) {
        bits[b + i] |= bits[a + i];
      }
      hash[p] ^= hash[v];
      size[p] += size[v];
      if (!leaf) {
        emit(v, n, t.lengths()[v], sink);
      }
    }
  }

  private void emit(int v, int n, double length, Sink sink) {
    int off = v * words;
    boolean hasZero = (bits[off] & 1L) != 0;
    int side = hasZero ? n - size[v] : size[v];
    if (side < 2 || side > n - 2) {
      return;
    }
    long h = hash[v];
    if (hasZero) {
      for (int i = 0; i < words; i++) {
        bits[off + i] = ~bits[off + i];
      }
      bits[off + words - 1] &= lastMask;
      h ^= allHash;
    }
    sink.split(h, bits, off, length);
  }

  private void checkTaxa(PhyloTree t, int ordinal) {
    int leaves = 0;
    List<String> extra = null;
    String[] labels = t.labels();
    for (int v = 0; v < t.size(); v++) {
      if (t.isLeaf(v)) {
        Integer x = taxa.indexOf().get(labels[v]);
        if (x == null) {
          extra = extra == null ? new ArrayList<>() : extra;
          extra.add(labels[v]);
        } else {
          taxonOf[v] = x;
          leaves++;
        }
      }
    }
    if (extra != null || leaves != taxa.size()) {
      List<String> missing = new ArrayList<>(taxa.names());
      missing.removeAll(t.leafLabels());
      throw new TaxonSetMismatchException(ordinal, missing, extra == null ? List.of() : extra);
    }
  }

  private void ensure(int m) {
    if (hash.length < m) {
      int cap = Math.max(m, hash.length * 2);
      bits = new long[cap * words];
      hash = new long[cap];
      size = new int[cap];
      taxonOf = new int[cap];
    }
  }
}
