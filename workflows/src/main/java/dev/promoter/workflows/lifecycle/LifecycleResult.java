package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.rollout.RolloutStep;
import java.util.List;
import java.util.Map;

/**
 * How a lifecycle run ended.
 *
 * @param status the outcome
 * @param modelName the model
 * @param version the version registered by this run, or null if none was
 * @param metrics the chosen candidate's metrics, if any
 * @param verdict why it ended so, in words
 * @param rollout the rollout's steps with their traffic shares and gates' figures; null for a
 *     direct deployment (and for results recorded before rollouts existed)
 */
public record LifecycleResult(LifecycleStatus status, String modelName, Integer version,
    Map<String, Double> metrics, String verdict, List<RolloutStep> rollout) {

  /** A result without a rollout. */
  public LifecycleResult(LifecycleStatus status, String modelName, Integer version,
      Map<String, Double> metrics, String verdict) {
    this(status, modelName, version, metrics, verdict, null);
  }
}
