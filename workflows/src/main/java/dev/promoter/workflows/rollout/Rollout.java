package dev.promoter.workflows.rollout;

import java.time.Duration;
import java.util.List;

/**
 * How a lifecycle run deploys its approved version. Null fields take the defaults, and a request
 * without a rollout is {@code direct}: the alias moves at once, as before rollouts existed (so
 * requests recorded then mean the same now).
 *
 * @param strategy {@code direct}, {@code canary} or {@code blue-green}
 * @param steps canary: the candidate's share of traffic at each step, rising, ending at 100
 *     (default 10, 25, 50, 100)
 * @param bake canary: how long each step is held before its gates are read (default 10 min);
 *     blue-green: how long the switched version is watched before the champion is let go
 * @param gates canary and blue-green: what each step must show
 * @param keepWarm blue-green: how long the champion stays loaded and warm after the switch, so a
 *     rollback is instant (default 30 min; at least the bake time)
 */
public record Rollout(String strategy, List<Integer> steps, Duration bake, Gates gates,
    Duration keepWarm) {
  /** The alias move of old: no split, no gates. */
  public static final String DIRECT = "direct";
  /** Traffic in rising steps, each held for the bake time and gated. */
  public static final String CANARY = "canary";
  /** Warm beside the champion, switch at once, champion kept warm for a window. */
  public static final String BLUE_GREEN = "blue-green";
  /** The strategies a request may name. */
  public static final List<String> STRATEGIES = List.of(DIRECT, CANARY, BLUE_GREEN);
  /** The direct strategy. */
  public static final Rollout DIRECT_ROLLOUT = new Rollout(DIRECT, null, null, null, null);

  /** Fills defaults. */
  public Rollout {
    strategy = strategy == null ? DIRECT : strategy;
    steps = steps == null || steps.isEmpty() ? List.of(10, 25, 50, 100) : List.copyOf(steps);
    bake = bake == null ? Duration.ofMinutes(10) : bake;
    gates = gates == null ? Gates.DEFAULT : gates;
    keepWarm = keepWarm == null ? Duration.ofMinutes(30) : keepWarm;
  }

  /** True for the strategy of old. */
  public boolean direct() {
    return DIRECT.equals(strategy);
  }
}
