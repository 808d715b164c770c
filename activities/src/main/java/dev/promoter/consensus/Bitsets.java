package dev.promoter.consensus;

import java.util.ArrayList;
import java.util.List;

/** Operations on bipartition bitsets stored as {@code words} longs at an offset in an array. */
final class Bitsets {

  private Bitsets() {}

  /**
   * Two normalised splits (both sides without taxon 0) are compatible when they are nested or
   * disjoint: the fourth intersection, of the complements, always holds taxon 0.
   */
  static boolean compatible(long[] a, int ao, long[] b, int bo, int words) {
    boolean meet = false;
    boolean aOut = false;
    boolean bOut = false;
    for (int i = 0; i < words; i++) {
      long x = a[ao + i];
      long y = b[bo + i];
      meet |= (x & y) != 0;
      aOut |= (x & ~y) != 0;
      bOut |= (y & ~x) != 0;
      if (meet && aOut && bOut) {
        return false;
      }
    }
    return true;
  }

  /**
   * Orders splits as sorted taxon-index lists: the split holding the smallest taxon index in
   * the symmetric difference comes first. Deterministic and independent of input order.
   */
  static int compare(long[] a, int ao, long[] b, int bo, int words) {
    for (int i = 0; i < words; i++) {
      long x = a[ao + i];
      long y = b[bo + i];
      if (x != y) {
        long low = Long.lowestOneBit(x ^ y);
        return (x & low) != 0 ? -1 : 1;
      }
    }
    return 0;
  }

  /** @return number of taxa in the split */
  static int cardinality(long[] a, int ao, int words) {
    int c = 0;
    for (int i = 0; i < words; i++) {
      c += Long.bitCount(a[ao + i]);
    }
    return c;
  }

  /** @return the taxon indices in the split, ascending */
  static List<Integer> members(long[] a, int ao, int words) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      long w = a[ao + i];
      while (w != 0) {
        out.add(i * 64 + Long.numberOfTrailingZeros(w));
        w &= w - 1;
      }
    }
    return out;
  }
}
