package dev.promoter.workflows;

/**
 * Names of the task queues that Promoter's worker pools poll. Workflow code routes every activity
 * by one of these names; deployments override them with {@code promoter.task-queues.*}.
 */
public final class TaskQueues {
  /** Workflows and CPU activities: registry, featurization, Tribuo training, evaluation, consensus. */
  public static final String CPU = "cpu";

  /** GPU activities only: DJL training and inference. */
  public static final String GPU = "gpu";

  private TaskQueues() {}
}
