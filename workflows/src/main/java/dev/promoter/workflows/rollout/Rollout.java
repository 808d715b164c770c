package dev.promoter.workflows.rollout;

import java.time.Duration;
import java.util.List;

/**
 * How a lifecycle run deploys its approved version. Null fields take the defaults, and a request
 * without a rollout is {@code direct}: the alias moves at once, as before rollouts existed (so
 * requests recorded then mean the same now).
 *
 * @param strategy {@code direct}, {@code canary}, {@code shadow}, {@code ab} or {@code blue-green}
 * @param steps canary: the candidate's share of traffic at each step, rising, ending at 100
 *     (default 10, 25, 50, 100)
 * @param bake canary: how long each step is held before its gates are read; shadow: how long
 *     the candidate scores production traffic off the path (default 10 min)
 * @param gates canary: what each step must show; shadow: the same figures, reported to the
 *     approver (a shadow never takes traffic, so it rolls nothing back)
 * @param shadowPercent shadow: the share of production requests the candidate also scores
 *     (default 100)
 * @param abPercent ab: the challenger's share of traffic (default 50); the test runs for the bake
 *     time
 * @param minSample ab: labelled predictions each arm needs before a winner may be named
 *     (default 100)
 * @param significance ab: the two-sided p-value under which the accuracies differ (default 0.05)
 * @param sampleSize ab: labelled predictions in each arm after which the test stops before its
 *     bake time is up; null (default) runs for the bake time
 * @param keepWarm blue-green: how long the old champion stays loaded after the switch, so that a
 *     rollback is answered by a loaded model (default 15 min)
 * @param warmTimeout blue-green: how long every serving replica has to report the candidate
 *     loaded and warm before the rollout gives up with the champion still serving (default 5 min)
 */
public record Rollout(String strategy, List<Integer> steps, Duration bake, Gates gates,
    Integer shadowPercent, Integer abPercent, Integer minSample, Double significance,
    Integer sampleSize, Duration keepWarm, Duration warmTimeout) {
  /** The alias move of old: no split, no gates. */
  public static final String DIRECT = "direct";
  /** Traffic in rising steps, each held for the bake time and gated. */
  public static final String CANARY = "canary";
  /** Scored off the request path on production traffic, reported before the approval. */
  public static final String SHADOW = "shadow";
  /** Traffic split between champion and challenger, the winner decided on online accuracy. */
  public static final String AB = "ab";
  /** The candidate warmed beside the champion, traffic switched at once, the champion kept warm. */
  public static final String BLUE_GREEN = "blue-green";
  /** The strategies a request may name. */
  public static final List<String> STRATEGIES = List.of(DIRECT, CANARY, SHADOW, AB, BLUE_GREEN);
  /** The direct strategy. */
  public static final Rollout DIRECT_ROLLOUT = new Rollout(DIRECT, null, null, null, null);

  /** A rollout without A/B parameters (their defaults). */
  public Rollout(String strategy, List<Integer> steps, Duration bake, Gates gates, Integer shadowPercent) {
    this(strategy, steps, bake, gates, shadowPercent, null, null, null);
  }

  /** A rollout without blue-green parameters or an A/B sample size (their defaults). */
  public Rollout(String strategy, List<Integer> steps, Duration bake, Gates gates, Integer shadowPercent,
      Integer abPercent, Integer minSample, Double significance) {
    this(strategy, steps, bake, gates, shadowPercent, abPercent, minSample, significance, null, null, null);
  }

  /** Fills defaults. */
  public Rollout {
    strategy = strategy == null ? DIRECT : strategy;
    steps = steps == null || steps.isEmpty() ? List.of(10, 25, 50, 100) : List.copyOf(steps);
    bake = bake == null ? Duration.ofMinutes(10) : bake;
    gates = gates == null ? Gates.DEFAULT : gates;
    shadowPercent = shadowPercent == null ? 100 : shadowPercent;
    abPercent = abPercent == null ? 50 : abPercent;
    minSample = minSample == null ? 100 : minSample;
    significance = significance == null ? 0.05 : significance;
    keepWarm = keepWarm == null ? Duration.ofMinutes(15) : keepWarm;
    warmTimeout = warmTimeout == null ? Duration.ofMinutes(5) : warmTimeout;
  }

  /** True for the strategy of old. */
  public boolean direct() {
    return DIRECT.equals(strategy);
  }
}
