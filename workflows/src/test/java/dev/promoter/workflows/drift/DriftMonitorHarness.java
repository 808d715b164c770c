package dev.promoter.workflows.drift;

import dev.promoter.workflows.TaskQueues;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.Decision;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.LifecycleResult;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A drift monitor on the time-skipping server with a scripted check (the real one, on Postgres,
 * is tested in the activities module): check n answers SIGNIFICANT with a retrain at the checks
 * listed, fails at the checks listed, NONE otherwise.
 */
public final class DriftMonitorHarness implements AutoCloseable {
  /** The environment. */
  public final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final Scripted checks;

  /** A harness whose check retrains at {@code retrainAt} and fails for good at {@code failAt} (1-based). */
  public DriftMonitorHarness(List<Integer> retrainAt, List<Integer> failAt) {
    checks = new Scripted(retrainAt, failAt);
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(DriftMonitorWorkflowImpl.class, EndingLifecycle.class);
    cpu.registerActivitiesImplementations(checks);
    env.start();
  }

  /** Starts the monitor of {@code rrna} with hourly checks. */
  public DriftMonitorWorkflow start(String workflowId, DriftSettings settings, int checksBeforeContinueAsNew) {
    DriftMonitorWorkflow monitor = env.getWorkflowClient().newWorkflowStub(DriftMonitorWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(TaskQueues.CPU).build());
    WorkflowClient.start(monitor::run, new DriftMonitorRequest("rrna", settings, "carol", checksBeforeContinueAsNew));
    return monitor;
  }

  /** Hourly checks, the other settings' defaults. */
  public static DriftSettings hourly() {
    return new DriftSettings(Duration.ofHours(1), null, 0, null, null, null).withDefaults();
  }

  /** How many checks the activity answered. */
  public int checks() {
    return checks.calls.get();
  }

  /** The full history of a workflow, as JSON. */
  public String history(String workflowId) {
    return env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
  }

  @Override
  public void close() {
    env.close();
  }

  static final class Scripted implements DriftActivities {
    private final List<Integer> retrainAt;
    private final List<Integer> failAt;
    final AtomicInteger calls = new AtomicInteger();

    Scripted(List<Integer> retrainAt, List<Integer> failAt) {
      this.retrainAt = retrainAt;
      this.failAt = failAt;
    }

    @Override
    public DriftCheckOutcome check(DriftCheckRequest request) {
      int n = calls.incrementAndGet();
      if (failAt.contains(n)) {
        throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure("model is gone", "NotFound");
      }
      if (retrainAt.contains(n)) {
        LifecycleRequest retrain = new LifecycleRequest("rrna", "data/rrna",
            List.of(new CandidateConfig("a", "logreg", "cpu", Map.of())), "macro_f1", 0.5, 0.0, null,
            request.submittedBy(), null);
        return new DriftCheckOutcome(n, 1, "SIGNIFICANT", "retrain", "rrna-drift-" + n, retrain);
      }
      return new DriftCheckOutcome(n, 1, "NONE", "NONE is below the trigger", null, null);
    }
  }

  /** The retraining run the monitor starts, ended at once. */
  public static class EndingLifecycle implements ModelLifecycleWorkflow {
    @Override
    public LifecycleResult run(LifecycleRequest request) {
      return new LifecycleResult(LifecycleStatus.NOT_PROMOTED, request.modelName(), null, Map.of(),
          "submitted by " + request.submittedBy());
    }

    @Override
    public LifecycleStatus approve(Decision decision) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void validateApprove(Decision decision) {}

    @Override
    public LifecycleStatus reject(Decision decision) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void validateReject(Decision decision) {}

    @Override
    public void productionMoved() {}

    @Override
    public LifecycleProgress progress() {
      return null;
    }
  }
}
