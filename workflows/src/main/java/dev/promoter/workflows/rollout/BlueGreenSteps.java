package dev.promoter.workflows.rollout;

import java.time.Duration;

/**
 * Blue-green's steps, audit reasons and verdicts, worded once: the Temporal workflow and the Zeebe
 * job workers both call these, so a blue-green run reads the same on either engine, and the rule
 * that decides whether production may switch after a warm-up check is written once
 * ({@link #afterWait}). Deterministic, so workflow code may call it.
 */
public final class BlueGreenSteps {
  /** The split mode that loads a version on every replica and sends it no traffic. */
  public static final String WARM = "warm";

  private BlueGreenSteps() {}

  /** The audit reason of the candidate's warm split, set before the approval. */
  public static String preloadReason(String runId, int version, int champion) {
    return "run " + runId + " blue-green: v" + version + " loads and warms beside v" + champion + ", no traffic";
  }

  /** The step recorded once the candidate's warm split is set. */
  public static RolloutStep preloading(int version, int champion) {
    return new RolloutStep(warmName(version), WARM, 0, "running", null,
        "loading beside v" + champion + " on every serving replica before the decision");
  }

  /** The step while the run waits, after the approval, for every replica to have it warm. */
  public static RolloutStep waiting(int version, Duration warmTimeout) {
    return new RolloutStep(warmName(version), WARM, 0, "running", null,
        "waiting up to " + warmTimeout + " for every serving replica to load it");
  }

  /**
   * True while a warm-up check should look again: no replica failed to load the version, and some
   * live replica does not have it warm yet (no live replica at all: nothing to wait for).
   */
  public static boolean stillWaiting(Warmth w) {
    return !w.failed() && w.replicas() > 0 && !w.ready();
  }

  /**
   * The warm step once the wait is over (every replica warm, none live, one failed, or the
   * timeout passed): {@code passed} lets production switch; {@code failed} carries why in its
   * verdict, and the run ends FAILED with {@link #coldVerdict}.
   */
  public static RolloutStep afterWait(int version, Duration warmTimeout, Warmth w) {
    if (w.replicas() == 0) {
      // no replica serves: no request can meet a cold model, so the switch need not wait
      return new RolloutStep(warmName(version), WARM, 0, "passed", null,
          "no serving replica reported in the last seconds; nothing to warm");
    }
    if (w.ready()) {
      return new RolloutStep(warmName(version), WARM, 0, "passed", null,
          "warm on " + w.warm() + " of " + w.replicas() + " serving replicas");
    }
    String why = (w.failed() ? "v" + version + " cannot load" : "v" + version + " was not warm within "
        + warmTimeout) + " on every serving replica (" + w.warm() + " of " + w.replicas()
        + " warm; " + String.join("; ", w.waiting()) + ")";
    return new RolloutStep(warmName(version), WARM, 0, "failed", null, why);
  }

  /** The run's verdict when the candidate did not warm: the champion never stopped serving. */
  public static String coldVerdict(String why, int champion) {
    return why + "; production stays on v" + champion;
  }

  /** The audit reason of the old champion's warm split, set right after the switch. */
  public static String keepReason(String runId, int champion, Duration keepWarm) {
    return "run " + runId + " blue-green: v" + champion + " stays loaded for " + keepWarm
        + " so a rollback is instant";
  }

  /** The step recorded while the old champion is kept warm. */
  public static RolloutStep keeping(int champion, Duration keepWarm) {
    return new RolloutStep(keepName(champion), WARM, 0, "running", null, "v" + champion
        + " stays loaded for " + keepWarm + "; promoter rollback answers from it at once");
  }

  /** The audit reason of the split's clearing when the keep-warm window ends. */
  public static String windowOverReason(String runId, int champion) {
    return "run " + runId + " blue-green: the keep-warm window of v" + champion + " is over";
  }

  /**
   * Why the run ends ROLLED_BACK: production was back on the old champion when the window ended
   * (an operator's rollback), or null when it was not.
   */
  public static String wentBack(int champion, Integer holder, Duration keepWarm) {
    if (holder == null || holder != champion) {
      return null;
    }
    return "production went back to v" + champion + " during the " + keepWarm
        + " keep-warm window, answered by the still-loaded version";
  }

  /** The keep-warm step once the window is over: failed with {@code wentBack}, else passed. */
  public static RolloutStep windowOver(int version, int champion, Integer holder, String wentBack) {
    if (wentBack != null) {
      return new RolloutStep(keepName(champion), WARM, 0, "failed", null, wentBack);
    }
    return new RolloutStep(keepName(champion), WARM, 0, "passed", null, "window over; v" + champion
        + " unloaded" + (holder != null && holder == version ? "" : "; production is now on "
            + (holder == null ? "no version" : "v" + holder)));
  }

  /**
   * The audit reason of the split's clearing when production moved inside the window (the
   * operator's rollback woke the run): the window ends early, nothing is left to keep warm.
   */
  public static String windowCutReason(String runId, int champion, Integer holder) {
    return "run " + runId + " blue-green: production moved to " + holderName(holder)
        + " inside the keep-warm window of v" + champion + "; nothing left to keep warm";
  }

  /**
   * The keep-warm step when a move of production cut the window short: failed with
   * {@code wentBack} (production back on the old champion), else passed, saying where it went.
   */
  public static RolloutStep windowCut(int champion, Integer holder, String wentBack) {
    if (wentBack != null) {
      return new RolloutStep(keepName(champion), WARM, 0, "failed", null, wentBack);
    }
    return new RolloutStep(keepName(champion), WARM, 0, "passed", null, "window ended early: production "
        + "moved to " + holderName(holder) + "; v" + champion + " unloaded");
  }

  private static String holderName(Integer holder) {
    return holder == null ? "no version" : "v" + holder;
  }

  private static String warmName(int version) {
    return "warm v" + version;
  }

  private static String keepName(int champion) {
    return "keep v" + champion + " warm";
  }
}
