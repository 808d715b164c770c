package dev.promoter.camunda;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step each k-mer training of this process is in ("epoch 3/8 ...", "tree 4/10"), by run and
 * candidate, while it trains. A Zeebe job has no heartbeat details a client can read back (on
 * Temporal they travel with the heartbeat), so only the process whose worker trains knows them:
 * the demo, which hosts the workers, prints them as the Temporal demo prints its heartbeats.
 * Thread-safe; a run's entry goes when its last training ends.
 */
public final class TrainingSteps {
  private final Map<String, Map<String, String>> byRun = new ConcurrentHashMap<>();

  /** A training of {@code runId}'s {@code candidate} is at {@code step}. */
  void record(String runId, String candidate, String step) {
    byRun.computeIfAbsent(runId, run -> new ConcurrentHashMap<>()).put(candidate, step);
  }

  /** That training ended, however. */
  void done(String runId, String candidate) {
    byRun.computeIfPresent(runId, (run, steps) -> {
      steps.remove(candidate);
      return steps.isEmpty() ? null : steps;
    });
  }

  /** @return the step of each candidate of {@code runId} training in this process now, by candidate */
  public Map<String, String> of(String runId) {
    return Map.copyOf(byRun.getOrDefault(runId, Map.of()));
  }

  /** @return how many runs have a training in this process now */
  int runs() {
    return byRun.size();
  }
}
