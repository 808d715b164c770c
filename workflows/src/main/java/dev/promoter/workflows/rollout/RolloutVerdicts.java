package dev.promoter.workflows.rollout;

import java.util.List;
import java.util.Locale;

/**
 * The rollout decisions that are pure arithmetic on a {@link GateReading}, worded once: the
 * Temporal workflow and the Zeebe job workers both call these, so a canary or an A/B test ends
 * with the same verdict on either engine. Deterministic, so workflow code may call it.
 */
public final class RolloutVerdicts {
  private RolloutVerdicts() {}

  /**
   * An A/B test's outcome.
   *
   * @param won true when the challenger is more accurate at the stated significance
   * @param verdict the figures in words, with the p-value when there were enough labels
   */
  public record AbOutcome(boolean won, String verdict) {}

  /**
   * Decides an A/B test on online accuracy: the challenger wins only when it is more accurate at
   * the rollout's significance with at least its minimum sample of labels in each arm.
   */
  public static AbOutcome ab(GateReading r, int version, int champion, Rollout rollout) {
    if (r.labelled() < rollout.minSample() || r.championLabelled() < rollout.minSample()) {
      return new AbOutcome(false, String.format(Locale.ROOT,
          "too few labels to decide: v%d %d, v%d %d (at least %d each)",
          version, r.labelled(), champion, r.championLabelled(), rollout.minSample()));
    }
    long correct = Math.round(r.accuracy() * r.labelled());
    long championCorrect = Math.round(r.championAccuracy() * r.championLabelled());
    TwoProportionTest.Result t = TwoProportionTest.test(correct, r.labelled(), championCorrect,
        r.championLabelled());
    boolean won = t.pValue() < rollout.significance() && t.z() > 0;
    return new AbOutcome(won, String.format(Locale.ROOT, "A/B: v%d accuracy %.3f on %d labels, v%d %.3f on %d, z %.2f, "
        + "p-value %.3g at significance %.3f: %s", version, r.accuracy(), r.labelled(), champion,
        r.championAccuracy(), r.championLabelled(), t.z(), t.pValue(), rollout.significance(),
        won ? "v" + version + " wins" : (t.pValue() < rollout.significance() ? "v" + champion + " wins"
            : "no significant difference")));
  }

  /** The verdict of a canary rolled back by the gates it {@code failed} at step {@code step} (from 1). */
  public static String canaryRolledBack(int version, int step, int percent, List<String> failed,
      GateReading reading, int champion) {
    return "v" + version + " rolled back at canary step " + step + " (" + percent + "%): "
        + String.join("; ", failed) + "; figures: " + reading.describe() + "; production stays on v" + champion;
  }

  /** How a shadow's step reads once measured: its gates are reported, never acted on. */
  public static RolloutStep shadowStep(int percent, GateReading reading, List<String> failed) {
    return new RolloutStep("shadow " + percent + "%", "shadow", percent, failed.isEmpty() ? "passed" : "failed",
        reading, failed.isEmpty() ? "every gate passed; for the approver"
            : String.join("; ", failed) + " (reported to the approver)");
  }

  /** What a promotion's verdict adds when there was no production version to roll out against. */
  public static String skippedWithoutChampion(String strategy) {
    return " (" + strategy + " skipped: no production version to "
        + (Rollout.BLUE_GREEN.equals(strategy) ? "keep warm" : "compare with") + ")";
  }
}
