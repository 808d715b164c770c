package dev.promoter.workflows.rollout;

import java.util.Locale;

/**
 * What the prediction log says about a candidate since a rollout step began.
 *
 * @param answered predictions the candidate answered
 * @param modelErrors predictions it failed itself on valid input
 * @param unavailable predictions lost to infrastructure (the store or registry unreachable):
 *     shown, never counted against the candidate
 * @param errorRate model errors over answered plus model errors
 * @param p99Ms the p99 of its model latency, milliseconds
 * @param compared predictions the champion also scored (off the request path)
 * @param agreement how often both gave the same label, or null when nothing was compared
 * @param labelled its predictions with a true label fed back
 * @param accuracy its online accuracy on those, or null without labels
 * @param championLabelled the champion's labelled predictions in the same time
 * @param championAccuracy the champion's online accuracy on those, or null
 */
public record GateReading(long answered, long modelErrors, long unavailable, double errorRate,
    double p99Ms, long compared, Double agreement, long labelled, Double accuracy,
    long championLabelled, Double championAccuracy) {

  /** The figures in one line, for verdicts and pages. */
  public String describe() {
    return String.format(Locale.ROOT, "%d answered, error rate %.4f (%d model errors, %d unavailable), "
        + "p99 %.1f ms, agreement %s on %d, accuracy %s on %d labels (champion %s on %d)", answered,
        errorRate, modelErrors, unavailable, p99Ms, fmt(agreement), compared, fmt(accuracy), labelled,
        fmt(championAccuracy), championLabelled);
  }

  private static String fmt(Double d) {
    return d == null ? "n/a" : String.format(Locale.ROOT, "%.3f", d);
  }
}
