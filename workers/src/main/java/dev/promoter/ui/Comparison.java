package dev.promoter.ui;

import dev.promoter.evaluation.ConfusionCells;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The candidate's figures beside the production holder's, row by row, with the difference and
 * whether it is a gain or a loss worth a reviewer's eye (beyond {@link #NOTICEABLE}).
 */
final class Comparison {
  /** A difference smaller than this is shown but not coloured: noise on a test set this size. */
  static final double NOTICEABLE = 0.005;
  static final List<String> HEADLINE = List.of("accuracy", "macro_f1", "fragments.accuracy",
      "fragments.macro_f1");

  private Comparison() {}

  /**
   * One compared figure.
   *
   * @param name what it is
   * @param candidate the candidate's value, or null
   * @param production the holder's value, or null
   * @param delta candidate minus production, or null when either is missing
   * @param trend {@code up}, {@code down} or {@code same}: colours only what matters
   */
  record Row(String name, Double candidate, Double production, Double delta, String trend) {}

  /**
   * Per-class figures of one class.
   *
   * @param label the class
   * @param precision, recall, f1 the compared figures
   * @param support test records of the class (the candidate's)
   */
  record ClassRow(String label, Row precision, Row recall, Row f1, Double support) {}

  static List<Row> headline(Map<String, Double> candidate, Map<String, Double> production) {
    return HEADLINE.stream().map(m -> row(m, candidate, production)).toList();
  }

  static List<ClassRow> perClass(Map<String, Double> candidate, Map<String, Double> production) {
    TreeSet<String> labels = new TreeSet<>();
    candidate.keySet().stream().filter(k -> k.startsWith("f1.")).forEach(k -> labels.add(k.substring(3)));
    List<String> ordered = new ArrayList<>();
    ConfusionCells.read(candidate, "").ifPresent(m -> m.labels().stream().filter(labels::remove).forEach(ordered::add));
    ordered.addAll(labels);
    return ordered.stream().map(l -> new ClassRow(l, row("precision." + l, candidate, production),
        row("recall." + l, candidate, production), row("f1." + l, candidate, production),
        candidate.get("support." + l))).toList();
  }

  static Row row(String metric, Map<String, Double> candidate, Map<String, Double> production) {
    Double c = candidate == null ? null : candidate.get(metric);
    Double p = production == null ? null : production.get(metric);
    Double delta = c == null || p == null ? null : c - p;
    String trend = delta == null || Math.abs(delta) < NOTICEABLE ? "same" : delta > 0 ? "up" : "down";
    return new Row(metric, c, p, delta, trend);
  }
}
