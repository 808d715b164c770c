package dev.promoter.workflows.rollback;

import dev.promoter.workflows.TaskQueues;
import dev.promoter.workflows.activities.EvaluationActivities;
import dev.promoter.workflows.activities.RegistryActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Two steps: the registry's atomic rollback, then a smoke check of what it restored. */
public class RollbackWorkflowImpl implements RollbackWorkflow {

  @Override
  public RollbackResult rollback(RollbackRequest request) {
    String cpu = request.taskQueues() == null
        ? TaskQueues.CPU : request.taskQueues().getOrDefault("cpu", TaskQueues.CPU);
    ActivityOptions options = ActivityOptions.newBuilder().setTaskQueue(cpu)
        .setStartToCloseTimeout(Duration.ofMinutes(5))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(20)
            .setDoNotRetry("BadInput", "NotFound", "Conflict").build())
        .build();
    RegistryActivities registry = Workflow.newActivityStub(RegistryActivities.class, options);
    EvaluationActivities evaluation = Workflow.newActivityStub(EvaluationActivities.class, options);
    int restored = registry.rollback(request.modelName(), request.alias(), request.actor(),
        request.reason(), request.fromVersion());
    String smoke = request.dataset() == null
        ? null : evaluation.smokeCheck(request.modelName(), restored, request.dataset());
    return new RollbackResult(request.modelName(), request.alias(), request.fromVersion(),
        restored, smoke);
  }
}
