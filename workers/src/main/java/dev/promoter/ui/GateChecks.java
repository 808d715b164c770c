package dev.promoter.ui;

import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Gates;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One rollout step's gates, each with its figure beside its threshold and whether it passed,
 * as an Argo Rollouts analysis shows each metric beside its success condition. Pass or fail is
 * decided by the workflow's own rule ({@link Gates#failures}), asked one gate at a time, so the
 * page cannot judge a figure differently from the run that acted on it.
 */
final class GateChecks {
  static final String REQUESTS = "requests";
  static final String ERROR_RATE = "errorRate";
  static final String P99 = "p99";
  static final String AGREEMENT = "agreement";
  static final String ACCURACY = "accuracy";
  static final String PASSED = "passed";
  static final String FAILED = "failed";
  /** Not judged in this step: too few requests or labels, nothing compared, or thresholds unknown. */
  static final String NOT_JUDGED = "not-judged";
  // thresholds that can never fail, so the rule can be asked about one gate alone
  private static final double ANY_ERROR_RATE = 1.0;
  private static final double ANY_LATENCY = Double.MAX_VALUE;

  /**
   * One gate.
   *
   * @param figure what the step's traffic showed
   * @param threshold what it had to show, or empty when the run's thresholds are unknown
   * @param state {@value #PASSED}, {@value #FAILED} or {@value #NOT_JUDGED}
   * @param note why it was not judged, or empty
   */
  record Check(String figure, String threshold, String state, String note) {}

  private GateChecks() {}

  /**
   * The gates of a step read as {@code r}, by gate ({@link #REQUESTS}, {@link #ERROR_RATE},
   * {@link #P99}, {@link #AGREEMENT}, {@link #ACCURACY}); {@code gates} null when the run's
   * thresholds are unknown (the figures are shown alone).
   */
  static Map<String, Check> of(Gates gates, GateReading r) {
    long requests = r.answered() + r.modelErrors();
    String requestsFigure = Long.toString(requests);
    String errorFigure = String.format(Locale.ROOT, "%.4f (%d)", r.errorRate(), r.modelErrors());
    String p99Figure = String.format(Locale.ROOT, "%.1f", r.p99Ms());
    String agreementFigure = r.agreement() == null ? "n/a"
        : String.format(Locale.ROOT, "%.3f (%d)", r.agreement(), r.compared());
    String accuracyFigure = r.accuracy() == null ? "n/a (" + r.labelled() + ")"
        : String.format(Locale.ROOT, "%.3f (%d)", r.accuracy(), r.labelled());
    Map<String, Check> out = new LinkedHashMap<>();
    if (gates == null) {
      for (var figure : Map.of(REQUESTS, requestsFigure, ERROR_RATE, errorFigure, P99, p99Figure,
          AGREEMENT, agreementFigure, ACCURACY, accuracyFigure).entrySet()) {
        out.put(figure.getKey(), new Check(figure.getValue(), "", NOT_JUDGED, "thresholds unknown"));
      }
      return out;
    }
    boolean enough = passes(new Gates(ANY_ERROR_RATE, ANY_LATENCY, 0.0, 0.0, gates.minLabels(), gates.minRequests()), r);
    String tooFew = "too few requests to judge";
    out.put(REQUESTS, new Check(requestsFigure, "≥ " + gates.minRequests(), enough ? PASSED : FAILED,
        enough ? "" : "too little evidence is not a pass"));
    out.put(ERROR_RATE, judged(enough, errorFigure, String.format(Locale.ROOT, "≤ %.4f", gates.maxErrorRate()),
        passes(new Gates(gates.maxErrorRate(), ANY_LATENCY, 0.0, 0.0, gates.minLabels(), 0), r), tooFew));
    out.put(P99, judged(enough, p99Figure, String.format(Locale.ROOT, "≤ %.1f", gates.maxP99Ms()),
        passes(new Gates(ANY_ERROR_RATE, gates.maxP99Ms(), 0.0, 0.0, gates.minLabels(), 0), r), tooFew));
    String agreementThreshold = String.format(Locale.ROOT, "≥ %.3f", gates.minAgreement());
    out.put(AGREEMENT, r.agreement() == null
        ? new Check(agreementFigure, agreementThreshold, NOT_JUDGED, "no request scored by both")
        : judged(enough, agreementFigure, agreementThreshold,
            passes(new Gates(ANY_ERROR_RATE, ANY_LATENCY, gates.minAgreement(), 0.0, gates.minLabels(), 0), r), tooFew));
    String accuracyThreshold = String.format(Locale.ROOT, "≥ %.3f", gates.minAccuracy());
    out.put(ACCURACY, r.accuracy() == null || r.labelled() < gates.minLabels()
        ? new Check(accuracyFigure, accuracyThreshold, NOT_JUDGED, r.labelled() + " of " + gates.minLabels()
            + " labels needed")
        : judged(enough, accuracyFigure, accuracyThreshold,
            passes(new Gates(ANY_ERROR_RATE, ANY_LATENCY, 0.0, gates.minAccuracy(), gates.minLabels(), 0), r), tooFew));
    return out;
  }

  private static Check judged(boolean enough, String figure, String threshold, boolean passed, String tooFew) {
    if (!enough) {
      return new Check(figure, threshold, NOT_JUDGED, tooFew);
    }
    return new Check(figure, threshold, passed ? PASSED : FAILED, "");
  }

  private static boolean passes(Gates one, GateReading r) {
    return one.failures(r).isEmpty();
  }
}
