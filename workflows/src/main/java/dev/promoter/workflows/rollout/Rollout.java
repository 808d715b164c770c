package dev.promoter.workflows.rollout;

import java.time.Duration;
import java.util.List;

/**
 * How a lifecycle run deploys its approved version. Null fields take the defaults, and a request
 * without a rollout is {@code direct}: the alias moves at once, as before rollouts existed (so
 * requests recorded then mean the same now).
 *
 * @param strategy {@code direct}, {@code canary}, {@code shadow} or {@code ab}
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
 */
public record Rollout(String strategy, List<Integer> steps, Duration bake, Gates gates,
    Integer shadowPercent, Integer abPercent, Integer minSample, Double significance) {
  /** The alias move of old: no split, no gates. */
  public static final String DIRECT = "direct";
  /** Traffic in rising steps, each held for the bake time and gated. */
  public static final String CANARY = "canary";
  /** Scored off the request path on production traffic, reported before the approval. */
  public static final String SHADOW = "shadow";
  /** Traffic split between champion and challenger, the winner decided on online accuracy. */
  public static final String AB = "ab";
  /** The strategies a request may name. */
  public static final List<String> STRATEGIES = List.of(DIRECT, CANARY, SHADOW, AB);
  /** The direct strategy. */
  public static final Rollout DIRECT_ROLLOUT = new Rollout(DIRECT, null, null, null, null);

  /** A rollout without A/B parameters (their defaults). */
  public Rollout(String strategy, List<Integer> steps, Duration bake, Gates gates, Integer shadowPercent) {
    this(strategy, steps, bake, gates, shadowPercent, null, null, null);
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
  }

  /** True for the strategy of old. */
  public boolean direct() {
    return DIRECT.equals(strategy);
  }
}
