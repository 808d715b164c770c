package dev.promoter.consensus;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared taxon numbering: names sorted, so indices and therefore tie-breaks and output
 * order do not depend on which tree came first.
 *
 * @param names taxon names by index (sorted)
 * @param indexOf index by name
 */
public record TaxonIndex(List<String> names, Map<String, Integer> indexOf) {

  /** Builds the index over the given names (any order, no duplicates). */
  public static TaxonIndex of(List<String> names) {
    String[] sorted = names.toArray(String[]::new);
    Arrays.sort(sorted);
    Map<String, Integer> idx = HashMap.newHashMap(sorted.length);
    for (int i = 0; i < sorted.length; i++) {
      idx.put(sorted[i], i);
    }
    // a HashMap, not Map.copyOf: its lookups are the hot path of reading trees
    return new TaxonIndex(List.of(sorted), Collections.unmodifiableMap(idx));
  }

  /** @return number of taxa */
  public int size() {
    return names.size();
  }

  /** @return number of 64-bit words a bitset over these taxa needs */
  public int words() {
    return (names.size() + 63) >>> 6;
  }
}
