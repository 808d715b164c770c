package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.TaskQueues;
import dev.promoter.workflows.rollout.Rollout;
import java.util.List;
import java.util.Map;

/**
 * What a lifecycle run is asked to do.
 *
 * @param modelName the registered model this run may produce a version of
 * @param dataset the dataset reference the training activities resolve (a folder or URI)
 * @param candidates configurations to train and compare; at least one
 * @param decidingMetric the metric that picks the best candidate and judges the champion
 *     (e.g. {@code macro_f1}); higher is better
 * @param minimumMetric a candidate below this never reaches the registry
 * @param championMargin how much the challenger must beat the production model by
 * @param approval who approves, and how long they have
 * @param submittedBy the user who started the run (may not approve it)
 * @param taskQueues pool name to task queue, e.g. {@code cpu -> cpu}; configuration, so a
 *     deployment can rename queues without touching workflow code
 * @param rollout how the approved version is deployed; null (requests recorded before rollouts
 *     existed) is {@code direct}
 */
public record LifecycleRequest(
    String modelName,
    String dataset,
    List<CandidateConfig> candidates,
    String decidingMetric,
    double minimumMetric,
    double championMargin,
    ApprovalPolicy approval,
    String submittedBy,
    Map<String, String> taskQueues,
    Rollout rollout) {

  /** A request deployed {@code direct}ly, as before rollouts existed. */
  public LifecycleRequest(String modelName, String dataset, List<CandidateConfig> candidates,
      String decidingMetric, double minimumMetric, double championMargin, ApprovalPolicy approval,
      String submittedBy, Map<String, String> taskQueues) {
    this(modelName, dataset, candidates, decidingMetric, minimumMetric, championMargin, approval,
        submittedBy, taskQueues, null);
  }

  /** The rollout, {@code direct} when none was asked for. */
  public Rollout deployment() {
    return rollout == null ? Rollout.DIRECT_ROLLOUT : rollout;
  }

  /** Fills defaults: queues named after their pools, the default approval policy. */
  public LifecycleRequest {
    candidates = List.copyOf(candidates);
    approval = approval == null ? ApprovalPolicy.DEFAULT : approval;
    taskQueues = taskQueues == null || taskQueues.isEmpty()
        ? Map.of("cpu", TaskQueues.CPU, "gpu", TaskQueues.GPU) : Map.copyOf(taskQueues);
    decidingMetric = decidingMetric == null ? "macro_f1" : decidingMetric;
  }

  /** The task queue that serves a pool. */
  public String queueFor(String pool) {
    String queue = taskQueues.get(pool);
    if (queue == null) {
      throw new IllegalArgumentException("no task queue configured for pool '" + pool + "'");
    }
    return queue;
  }
}
