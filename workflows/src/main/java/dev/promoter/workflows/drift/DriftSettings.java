package dev.promoter.workflows.drift;

import java.time.Duration;
import java.util.List;

/**
 * How a drift monitor checks and when it retrains.
 *
 * @param interval time between two checks
 * @param window how far back a check reads predictions
 * @param minimumPredictions a check with fewer predictions in its window records itself as
 *     skipped instead of judging: too few values make PSI noisy (about 9 / n by chance alone)
 * @param trigger the verdict from which a retrain starts: {@code SIGNIFICANT} or {@code MODERATE}
 * @param coolDown retraining starts at most once per model per window of this length
 * @param minimumShift the smallest Kolmogorov-Smirnov D (0-1) that counts as drift of a column
 *     (PSI above 0.2 always counts): with thousands of predictions KS calls a 0.1 shift between
 *     two sets of real genes "significant"
 */
public record DriftSettings(Duration interval, Duration window, int minimumPredictions, String trigger,
    Duration coolDown, Double minimumShift) {
  /** The verdicts that may trigger a retrain, weakest first. */
  public static final List<String> TRIGGERS = List.of("MODERATE", "SIGNIFICANT");
  /** Every 15 minutes, the last hour, at least 200 predictions, SIGNIFICANT, once a day, D 0.15. */
  public static final DriftSettings DEFAULT = new DriftSettings(Duration.ofMinutes(15), Duration.ofHours(1),
      200, "SIGNIFICANT", Duration.ofDays(1), 0.15);
  /** Fewer predictions than this make the KS and PSI figures meaningless. */
  public static final int LEAST_PREDICTIONS = 20;

  /** Each missing (null, or 0 minimum predictions) setting takes its default; nothing is checked here (see {@link #check}). */
  public DriftSettings withDefaults() {
    return new DriftSettings(interval == null ? DEFAULT.interval : interval,
        window == null ? DEFAULT.window : window,
        minimumPredictions == 0 ? DEFAULT.minimumPredictions : minimumPredictions,
        trigger == null || trigger.isBlank() ? DEFAULT.trigger : trigger.strip().toUpperCase(java.util.Locale.ROOT),
        coolDown == null ? DEFAULT.coolDown : coolDown,
        minimumShift == null ? DEFAULT.minimumShift : minimumShift);
  }

  /**
   * The settings if they make sense, else {@link IllegalArgumentException} naming the bad one.
   * Pure, so the front doors and the workflow apply the same rule.
   */
  public DriftSettings check() {
    require(interval, "interval", Duration.ofSeconds(1), Duration.ofDays(7));
    require(window, "window", Duration.ofSeconds(1), Duration.ofDays(90));
    require(coolDown, "cool-down", Duration.ofSeconds(1), Duration.ofDays(365));
    if (minimumPredictions < LEAST_PREDICTIONS || minimumPredictions > 100_000) {
      throw new IllegalArgumentException("minimum predictions " + minimumPredictions + " is outside "
          + LEAST_PREDICTIONS + "-100000");
    }
    if (minimumShift == null || !(minimumShift >= 0 && minimumShift <= 1)) {
      throw new IllegalArgumentException("minimum shift " + minimumShift + " is outside 0-1");
    }
    if (!TRIGGERS.contains(trigger)) {
      throw new IllegalArgumentException("trigger '" + trigger + "' is not one of " + TRIGGERS);
    }
    return this;
  }

  private static void require(Duration d, String name, Duration min, Duration max) {
    if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " " + d + " is outside " + min + " to " + max);
    }
  }
}
