package dev.promoter.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The confusion matrix as flat registry metrics, so a reviewer can see it without re-scoring
 * the model: {@code confusion.TRUTH|PREDICTED} counts, non-zero cells only (a label may itself
 * hold a dot, as {@code 5.8S} does, so the pair is split on {@code |}). Read back, the labels
 * are those of the {@code support.*} entries and of the cells, in the report's order.
 */
public final class ConfusionCells {
  /** Prefix of a cell's metric name. */
  public static final String PREFIX = "confusion.";
  private static final String SUPPORT = "support.";

  private ConfusionCells() {}

  /**
   * A matrix read back from metrics.
   *
   * @param labels rows (truth) and columns (prediction), in order
   * @param counts {@code counts[truth][predicted]}
   */
  public record Matrix(List<String> labels, int[][] counts) {
    /** @return the largest count, at least 1 (a heatmap's scale) */
    public int max() {
      int max = 1;
      for (int[] row : counts) {
        for (int c : row) {
          max = Math.max(max, c);
        }
      }
      return max;
    }
  }

  /**
   * @param labels the report's labels
   * @param confusion {@code confusion[truth][predicted]}
   * @return the non-zero cells as metrics
   */
  static Map<String, Double> metrics(List<String> labels, int[][] confusion) {
    Map<String, Double> cells = new LinkedHashMap<>();
    for (int t = 0; t < labels.size(); t++) {
      for (int p = 0; p < labels.size(); p++) {
        if (confusion[t][p] != 0) {
          cells.put(key(labels.get(t), labels.get(p)), (double) confusion[t][p]);
        }
      }
    }
    return cells;
  }

  /** @return the metric name of one cell */
  public static String key(String truth, String predicted) {
    return PREFIX + truth + "|" + predicted;
  }

  /**
   * @param metrics a version's or a candidate's metrics
   * @param prefix {@code ""} for full length, {@code "fragments."} for the fragment scores
   * @return the matrix, or empty for metrics recorded before cells were (older versions)
   */
  public static Optional<Matrix> read(Map<String, Double> metrics, String prefix) {
    if (metrics == null) {
      return Optional.empty();
    }
    String cellPrefix = prefix + PREFIX;
    String supportPrefix = prefix + SUPPORT;
    TreeSet<String> seen = new TreeSet<>();
    boolean anyCell = false;
    for (String key : metrics.keySet()) {
      if (key.startsWith(cellPrefix)) {
        String pair = key.substring(cellPrefix.length());
        int bar = pair.indexOf('|');
        if (bar > 0) {
          seen.add(pair.substring(0, bar));
          seen.add(pair.substring(bar + 1));
          anyCell = true;
        }
      } else if (key.startsWith(supportPrefix)) {
        seen.add(key.substring(supportPrefix.length()));
      }
    }
    if (!anyCell) {
      return Optional.empty();
    }
    List<String> labels = new ArrayList<>();
    Evaluator.PREFERRED_ORDER.stream().filter(seen::remove).forEach(labels::add);
    labels.addAll(seen);
    int[][] counts = new int[labels.size()][labels.size()];
    for (int t = 0; t < labels.size(); t++) {
      for (int p = 0; p < labels.size(); p++) {
        Double count = metrics.get(cellPrefix + labels.get(t) + "|" + labels.get(p));
        counts[t][p] = count == null ? 0 : (int) Math.round(count);
      }
    }
    return Optional.of(new Matrix(List.copyOf(labels), counts));
  }
}
