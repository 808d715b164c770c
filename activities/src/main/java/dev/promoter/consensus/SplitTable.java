package dev.promoter.consensus;

import java.util.Arrays;

/**
 * Distinct bipartitions with their counts. Open addressing on a 64-bit XOR-of-random-keys hash,
 * so finding a split costs O(1) expected plus one O(n/64) equality check on a hash match; the
 * bitset is copied only the first time a split is seen. One table per thread; tables merge.
 */
final class SplitTable {
  private final int words;
  private int[] slots = new int[1 << 10]; // split id + 1, 0 = empty
  private long[] hashes = new long[256];
  private long[] bits;
  private int[] count = new int[256];
  private double[] weight = new double[256];
  private double[] lengthSum = new double[256];
  private int[] lengthCount = new int[256];
  private int[] lastTree = new int[256];
  private int size;

  SplitTable(int words) {
    this.words = words;
    this.bits = new long[256 * words];
  }

  int size() {
    return size;
  }

  int words() {
    return words;
  }

  long[] bits() {
    return bits;
  }

  int count(int id) {
    return count[id];
  }

  double weight(int id) {
    return weight[id];
  }

  /** @return mean branch length of the split's edge, NaN when no tree gave one */
  double meanLength(int id) {
    return lengthCount[id] == 0 ? Double.NaN : lengthSum[id] / lengthCount[id];
  }

  /**
   * Counts one occurrence of a split in tree {@code tree}.
   *
   * @return the split id, or {@code -1} when the tree already had it (the two root edges of a
   *     rooted binary tree are one unrooted edge: their lengths add, the count does not)
   */
  int add(long hash, long[] src, int off, int tree, double w, double length) {
    int id = find(hash, src, off);
    if (id < 0) {
      id = insert(hash, src, off);
      lastTree[id] = -1;
    }
    boolean again = lastTree[id] == tree;
    if (!Double.isNaN(length)) {
      lengthSum[id] += length;
      lengthCount[id] += again ? 0 : 1;
    }
    if (again) {
      return -1;
    }
    lastTree[id] = tree;
    count[id]++;
    weight[id] += w;
    return id;
  }

  /** Adds all of {@code other}'s counts into this table. @return other's ids mapped to ours */
  int[] merge(SplitTable other) {
    int[] remap = new int[other.size];
    for (int j = 0; j < other.size; j++) {
      int id = find(other.hashes[j], other.bits, j * words);
      if (id < 0) {
        id = insert(other.hashes[j], other.bits, j * words);
      }
      count[id] += other.count[j];
      weight[id] += other.weight[j];
      lengthSum[id] += other.lengthSum[j];
      lengthCount[id] += other.lengthCount[j];
      remap[j] = id;
    }
    return remap;
  }

  private int find(long hash, long[] src, int off) {
    int mask = slots.length - 1;
    for (int s = mix(hash) & mask; slots[s] != 0; s = (s + 1) & mask) {
      int id = slots[s] - 1;
      if (hashes[id] == hash && Arrays.equals(bits, id * words, id * words + words, src, off, off + words)) {
        return id;
      }
    }
    return -1;
  }

  private int insert(long hash, long[] src, int off) {
    if (size == hashes.length) {
      grow();
    }
    if (2 * (size + 1) > slots.length) {
      rehash();
    }
    int id = size++;
    hashes[id] = hash;
    System.arraycopy(src, off, bits, id * words, words);
    int mask = slots.length - 1;
    int s = mix(hash) & mask;
    while (slots[s] != 0) {
      s = (s + 1) & mask;
    }
    slots[s] = id + 1;
    return id;
  }

  private void grow() {
    int cap = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, cap);
    bits = Arrays.copyOf(bits, cap * words);
    count = Arrays.copyOf(count, cap);
    weight = Arrays.copyOf(weight, cap);
    lengthSum = Arrays.copyOf(lengthSum, cap);
    lengthCount = Arrays.copyOf(lengthCount, cap);
    lastTree = Arrays.copyOf(lastTree, cap);
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int s = mix(hashes[id]) & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = id + 1;
    }
  }

  /** The keys are already random; folding the high half in keeps low slot bits well mixed. */
  private static int mix(long h) {
    return (int) (h ^ (h >>> 32));
  }
}
