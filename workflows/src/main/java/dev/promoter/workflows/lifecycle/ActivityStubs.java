package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.EvaluationActivities;
import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.rollout.RolloutActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity stubs with the retry policy that fits each kind of step: training is expensive and
 * retried a few times; registry writes are cheap, idempotent and retried for long; bad input is
 * never retried.
 */
final class ActivityStubs {
  static final String[] NON_RETRYABLE = {"BadInput", "NotFound", "Conflict"};

  private ActivityStubs() {}

  static TrainingActivities training(String taskQueue) {
    return Workflow.newActivityStub(TrainingActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofHours(6))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3)
            .setInitialInterval(Duration.ofSeconds(5)).setDoNotRetry(NON_RETRYABLE).build())
        .build());
  }

  static RegistryActivities registry(String taskQueue) {
    return Workflow.newActivityStub(RegistryActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(50)
            .setInitialInterval(Duration.ofSeconds(1)).setMaximumInterval(Duration.ofMinutes(1))
            .setDoNotRetry(NON_RETRYABLE).build())
        .build());
  }

  /** Traffic moves are registry writes: cheap, idempotent, retried for long like them. */
  static RolloutActivities rollout(String taskQueue) {
    return Workflow.newActivityStub(RolloutActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(50)
            .setInitialInterval(Duration.ofSeconds(1)).setMaximumInterval(Duration.ofMinutes(1))
            .setDoNotRetry(NON_RETRYABLE).build())
        .build());
  }

  /**
   * The blue-green warm-up check: one long poll that heartbeats, closed by its own deadline
   * (a minute past the wait it is given), retried like a registry read.
   */
  static RolloutActivities warmCheck(String taskQueue, Duration wait) {
    return Workflow.newActivityStub(RolloutActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(wait.plusMinutes(1))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(20)
            .setInitialInterval(Duration.ofSeconds(1)).setMaximumInterval(Duration.ofSeconds(30))
            .setDoNotRetry(NON_RETRYABLE).build())
        .build());
  }

  static EvaluationActivities evaluation(String taskQueue) {
    return Workflow.newActivityStub(EvaluationActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3)
            .setDoNotRetry(NON_RETRYABLE).build())
        .build());
  }
}
