package dev.promoter.gpu.activity;

import dev.promoter.workflows.TaskQueues;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.activities.TrainingTask;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Calls the training activity on the gpu queue with a heartbeat timeout and retries. */
public class TrainOnceWorkflowImpl implements TrainOnceWorkflow {

  private final TrainingActivities training = Workflow.newActivityStub(TrainingActivities.class,
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.GPU)
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
              .setMaximumAttempts(3).build())
          .build());

  @Override
  public TrainedCandidate train(TrainingTask task) {
    return training.trainAndEvaluate(task);
  }
}
