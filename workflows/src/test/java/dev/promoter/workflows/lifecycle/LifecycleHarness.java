package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.TaskQueues;
import dev.promoter.workflows.rollback.RollbackWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A time-skipping Temporal test environment with a CPU worker (workflows, registry, evaluation,
 * k-mer training) and a GPU worker (CNN training) on their own task queues.
 */
final class LifecycleHarness implements AutoCloseable {
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final FakeRegistry registry = new FakeRegistry();
  final FakeEvaluation evaluation = new FakeEvaluation();
  final FakeRollout rollout = new FakeRollout();
  final Map<String, String> trainedBy = FakeTraining.log();
  final WorkflowClient client = env.getWorkflowClient();

  LifecycleHarness() {
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(ModelLifecycleWorkflowImpl.class, RollbackWorkflowImpl.class,
        dev.promoter.workflows.retrain.RetrainScheduleWorkflowImpl.class);
    cpu.registerActivitiesImplementations(registry, evaluation, rollout, new FakeTraining("cpu", trainedBy));
    Worker gpu = env.newWorker(TaskQueues.GPU);
    gpu.registerActivitiesImplementations(new FakeTraining("gpu", trainedBy));
    env.start();
  }

  static LifecycleRequest request(String submitter, CandidateConfig... candidates) {
    return new LifecycleRequest("rrna", "data/rrna", List.of(candidates), "macro_f1", 0.9, 0.005,
        new ApprovalPolicy("approver", Duration.ofDays(7)), submitter, null);
  }

  static CandidateConfig candidate(String name, String trainer, double score) {
    return new CandidateConfig(name, trainer, null, Map.of("score", Double.toString(score)));
  }

  ModelLifecycleWorkflow start(String runId, LifecycleRequest request) {
    ModelLifecycleWorkflow workflow = client.newWorkflowStub(ModelLifecycleWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(TaskQueues.CPU).build());
    WorkflowClient.start(workflow::run, request);
    return workflow;
  }

  LifecycleResult result(String runId) {
    return WorkflowStub.fromTyped(client.newWorkflowStub(ModelLifecycleWorkflow.class, runId))
        .getResult(LifecycleResult.class);
  }

  /** How a run failed: waits (30 s at most) for it to end and returns what getResult threw. */
  WorkflowFailedException failure(String runId) {
    try {
      LifecycleResult result = WorkflowStub.fromTyped(client.newWorkflowStub(ModelLifecycleWorkflow.class, runId))
          .getResult(30, java.util.concurrent.TimeUnit.SECONDS, LifecycleResult.class);
      throw new AssertionError("run " + runId + " ended " + result.status() + " instead of failing");
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("run " + runId + " did not end within 30 s (a workflow task retrying?)", e);
    } catch (WorkflowFailedException e) {
      return e;
    }
  }

  /** Lets workflow time pass until the run waits for approval (or ends). */
  LifecycleProgress awaitApprovalStep(ModelLifecycleWorkflow workflow) {
    for (int i = 0; i < 200; i++) {
      LifecycleProgress p = workflow.progress();
      if (p.status() != LifecycleStatus.RUNNING) {
        return p;
      }
      env.sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError("run never reached approval: " + workflow.progress());
  }

  /**
   * Lets the run reach its keep-warm window (its last rollout step, {@code keep vN warm}, running),
   * then plays the operator's rollback: production back on {@code champion} in the registry, and
   * the signal the application sends after it.
   */
  void rollBackInsideWindow(ModelLifecycleWorkflow workflow, int champion) {
    awaitKeepingWarm(workflow);
    registry.aliases.put("production", champion);
    workflow.productionMoved();
  }

  /** Waits (on workflow time, a second a step) until the run keeps its old champion warm. */
  LifecycleProgress awaitKeepingWarm(ModelLifecycleWorkflow workflow) {
    for (int i = 0; i < 200; i++) {
      LifecycleProgress p = workflow.progress();
      if (p.rollout() != null && !p.rollout().isEmpty() && p.rollout().getLast().name().startsWith("keep")
          && p.rollout().getLast().outcome().equals("running")) {
        return p;
      }
      env.sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError("run never kept its champion warm: " + workflow.progress());
  }

  @Override
  public void close() {
    env.close();
  }
}
