package dev.promoter.workflows.rollout;

import java.time.Duration;

/**
 * The A/B test's stop at a sample size, written once: how often both arms are read while the test
 * runs, when each arm has its sample, and how the verdict says which ended the test (the sample or
 * the bake time). The Temporal workflow's loop and the Zeebe job in the BPMN timer loop both call
 * these, so an A/B test reads the same on either engine. Deterministic, so workflow code may call it.
 */
public final class AbSampleStop {
  /** Readings at most per test: bounds a Temporal run's history, and a BPMN run's jobs, on long tests. */
  public static final int CHECKS = 50;

  private AbSampleStop() {}

  /** How long between two readings: {@link #CHECKS} over the bake time, at least a second apart. */
  public static Duration every(Duration bake) {
    return Duration.ofMillis(Math.max(1_000, bake.toMillis() / CHECKS));
  }

  /** True once each arm has at least {@code size} labelled predictions. */
  public static boolean reached(GateReading r, int size) {
    return r.labelled() >= size && r.championLabelled() >= size;
  }

  /**
   * What the verdict starts with: which ended the test, the sample size (after {@code took}, in
   * whole seconds) or the bake time; empty for a test without a sample size (it always runs for
   * the bake time, and its verdict is that of old).
   */
  public static String prefix(GateReading r, Rollout rollout, Duration took) {
    if (rollout.sampleSize() == null) {
      return "";
    }
    return reached(r, rollout.sampleSize())
        ? "stopped at the sample size of " + rollout.sampleSize() + " labels an arm after "
            + Duration.ofSeconds(took.toSeconds()) + "; "
        : "sample size of " + rollout.sampleSize() + " labels an arm not reached in " + rollout.bake() + "; ";
  }
}
