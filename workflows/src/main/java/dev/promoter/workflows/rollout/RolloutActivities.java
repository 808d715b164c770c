package dev.promoter.workflows.rollout;

import io.temporal.activity.ActivityInterface;

/** Moving live traffic between versions and reading what it showed. On the CPU pool. */
@ActivityInterface
public interface RolloutActivities {

  /**
   * Gives {@code version} {@code percent} % of {@code alias}'s traffic in {@code mode} (one
   * audited registry transaction). Idempotent: setting what is already set changes nothing and
   * returns the same time.
   *
   * @return when the split took effect (epoch milliseconds, the registry's clock): the gates
   *     measure from here
   */
  long setSplit(String modelName, String alias, int version, String mode, int percent, String actor,
      String reason);

  /** Gives all of {@code alias}'s traffic back to its holder. Idempotent. */
  void clearSplit(String modelName, String alias, String actor, String reason);

  /**
   * Reads a candidate's figures from the prediction log and feedback since a time. Read-only.
   *
   * @param route the candidate's route ({@code canary}, {@code ab}, {@code shadow}, {@code primary})
   * @param champion the version to compare with on the same requests and labels, or null
   */
  GateReading measure(String modelName, int candidate, String route, Integer champion,
      long sinceEpochMillis);

  /**
   * Waits until every live serving replica (one that reported within the last few seconds)
   * reports {@code version} loaded and warmed, polling the replicas' reports in the registry and
   * heartbeating meanwhile. Returns early when no replica is live (nothing to wait for) or when a
   * replica reports the version FAILED; returns what it saw when {@code timeoutMillis} has
   * passed. Read-only; a retried attempt keeps the first attempt's deadline (it travels in the
   * heartbeat), so retries never stretch the wait.
   */
  Warmth awaitWarm(String modelName, int version, long timeoutMillis);

  /**
   * What the live serving replicas report of {@code version} now: one read, no wait. For an engine
   * that waits between checks itself (the BPMN process's timer loop) rather than in a long
   * activity. Read-only.
   */
  Warmth checkWarm(String modelName, int version);
}
