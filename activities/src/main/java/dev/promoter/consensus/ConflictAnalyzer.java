package dev.promoter.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * For each consensus split, the most frequent input splits that contradict it. Input splits are
 * scanned in decreasing frequency and the scan stops after {@code max} conflicts, so the usual
 * cost is a few compatibility tests per consensus split rather than one per distinct split.
 */
final class ConflictAnalyzer {

  private ConflictAnalyzer() {}

  static List<SplitConflict> conflicts(SplitCounts c, int[] kept, int max) {
    int w = c.table().words();
    long[] bits = c.table().bits();
    int[] all = SplitSelector.bySupport(c, IntStream.range(0, c.table().size()).toArray());
    List<SplitConflict> out = new ArrayList<>();
    for (int id : kept) {
      List<SplitSupport> found = new ArrayList<>();
      for (int i = 0; i < all.length && found.size() < max; i++) {
        if (!Bitsets.compatible(bits, id * w, bits, all[i] * w, w)) {
          found.add(support(c, all[i]));
        }
      }
      out.add(new SplitConflict(support(c, id), List.copyOf(found)));
    }
    return out;
  }

  static SplitSupport support(SplitCounts c, int id) {
    int w = c.table().words();
    List<String> names = Bitsets.members(c.table().bits(), id * w, w).stream()
        .map(c.taxa().names()::get).toList();
    return new SplitSupport(names, c.table().count(id), c.frequency(id));
  }
}
