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
    return Counts.of(sequence).columns();
  }

  /**
   * The counts a summary is computed from: one pass over the sequence, five integers kept. Serving
   * counts on the request thread (a table lookup per base, no branch per base) and leaves the
   * columns and their JSON to the prediction log's writer thread; holding the counts rather than
   * the sequence until then keeps queued rows small and lets the sequence die young.
   *
   * @param length the sequence's length
   * @param a the number of {@code A}
   * @param c the number of {@code C}
   * @param g the number of {@code G}
   * @param t the number of {@code T}
   */
  public record Counts(int length, int a, int c, int g, int t) {
    /** Which counter a character goes to: 1-4 for A, C, G, T, 0 for anything else. */
    private static final byte[] BASE = new byte[128];

    static {
      BASE['A'] = 1;
      BASE['C'] = 2;
      BASE['G'] = 3;
      BASE['T'] = 4;
    }

    /** Counts {@code sequence}'s bases (upper-case A, C, G, T; anything else is ambiguous). */
    public static Counts of(String sequence) {
      int[] k = new int[5];
      int n = sequence.length();
      for (int i = 0; i < n; i++) {
        char ch = sequence.charAt(i);
        k[ch < 128 ? BASE[ch] : 0]++;
      }
      return new Counts(n, k[1], k[2], k[3], k[4]);
    }

    /** The summary's columns, as {@link SequenceSummary#of} gives them. */
    public Map<String, Double> columns() {
      Map<String, Double> summary = new LinkedHashMap<>();
      double[] values = values();
      for (int i = 0; i < values.length; i++) {
        summary.put(COLUMNS.get(i), values[i]);
      }
      return summary;
    }

    /**
     * The columns as a JSON object, {@link #COLUMNS} order, each value written by
     * {@link Double#toString}: the text Jackson writes for the same map, without building it.
     */
    public void appendJson(StringBuilder out) {
      double[] values = values();
      out.append('{');
      for (int i = 0; i < values.length; i++) {
        out.append(i == 0 ? "\"" : ",\"").append(COLUMNS.get(i)).append("\":").append(values[i]);
      }
      out.append('}');
    }

    private double[] values() {
      double len = Math.max(1, length);
      return new double[] {length, (g + c) / len, a / len, c / len, g / len, t / len,
          (length - a - c - g - t) / len};
    }
  }
}
