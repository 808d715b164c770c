package dev.promoter.drift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the prediction log keeps of a sequence instead of the sequence: its length and base
 * composition, columns the drift tests (KS, PSI) can compare with the training data's. Serving
 * writes it per answered sequence; the drift monitor computes the same columns over a version's
 * training records, so both sides of a comparison come from this one function.
 */
public final class SequenceSummary {
  private SequenceSummary() {}

  /** The summary's columns, in the order {@link #of} fills them. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of("length", "gc", "a", "c", "g", "t", "ambiguous");

  /** {@code length}, {@code gc}, {@code a}, {@code c}, {@code g}, {@code t} and {@code ambiguous} fractions. */
  public static Map<String, Double> of(String sequence) {
    int a = 0;
    int c = 0;
    int g = 0;
    int t = 0;
    int n = sequence.length();
    for (int i = 0; i < n; i++) {
      switch (sequence.charAt(i)) {
        case 'A' -> a++;
        case 'C' -> c++;
        case 'G' -> g++;
        case 'T' -> t++;
        default -> { }
      }
    }
    double len = Math.max(1, n);
    Map<String, Double> summary = new LinkedHashMap<>();
    summary.put("length", (double) n);
    summary.put("gc", (g + c) / len);
    summary.put("a", a / len);
    summary.put("c", c / len);
    summary.put("g", g / len);
    summary.put("t", t / len);
    summary.put("ambiguous", (n - a - c - g - t) / len);
    return summary;
  }
}
