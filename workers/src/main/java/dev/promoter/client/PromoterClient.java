package dev.promoter.client;

import dev.promoter.registry.Approvals;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.PendingApproval;
import dev.promoter.registry.RunSummary;
import dev.promoter.workflows.approval.ApprovalRefusedException;
import dev.promoter.workflows.lifecycle.Decision;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.LifecycleResult;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import dev.promoter.workflows.retrain.OverlapPolicy;
import dev.promoter.workflows.rollback.RollbackRequest;
import dev.promoter.workflows.rollback.RollbackResult;
import dev.promoter.workflows.rollback.RollbackWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Start and steer model lifecycles from code.
 *
 * <pre>{@code
 * String run = client.startLifecycle(request);
 * client.approve(run, "reviewer", "metrics look right");
 * LifecycleResult result = client.awaitResult(run, Duration.ofMinutes(5));
 * }</pre>
 */
public final class PromoterClient {
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private final WorkflowClient client;
  private final LifecycleRuns runs;
  private final Approvals approvals;
  private final Map<String, String> taskQueues;
  private final Duration decisionAnswer;

  /** A client on a Temporal connection and the registry database. */
  public PromoterClient(WorkflowClient client, DataSource registry, Map<String, String> taskQueues) {
    this(client, registry, taskQueues, DECISION_ANSWER);
  }

  /** The same, waiting at most {@code decisionAnswer} for a run to act on a decision. */
  public PromoterClient(WorkflowClient client, DataSource registry, Map<String, String> taskQueues,
      Duration decisionAnswer) {
    this.decisionAnswer = decisionAnswer;
    this.client = client;
    this.runs = new LifecycleRuns(registry);
    this.approvals = new Approvals(registry);
    this.taskQueues = Map.copyOf(taskQueues);
  }

  /** Starts a lifecycle run and returns its id (the workflow id). */
  public String startLifecycle(LifecycleRequest request) {
    LifecycleRequest routed = new LifecycleRequest(request.modelName(), request.dataset(),
        request.candidates(), request.decidingMetric(), request.minimumMetric(),
        request.championMargin(), request.approval(), request.submittedBy(), taskQueues,
        request.rollout());
    String runId = request.modelName() + "-" + LocalDateTime.now(ZoneOffset.UTC).format(RUN_TIME)
        + "-" + UUID.randomUUID().toString().substring(0, 6);
    ModelLifecycleWorkflow workflow = client.newWorkflowStub(ModelLifecycleWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(taskQueues.get("cpu")).build());
    WorkflowClient.start(workflow::run, routed);
    return runId;
  }

  /**
   * Where a run stands, from the workflow itself (no database polling), with each training
   * candidate's last reported step from its activity's heartbeat.
   */
  public LifecycleProgress progress(String runId) {
    try {
      return TrainingDetails.attach(client, runId, stub(runId).progress());
    } catch (WorkflowNotFoundException e) {
      throw new PromoterClientException(PromoterClientException.Kind.NOT_FOUND,
          "no lifecycle run '" + runId + "' on this Temporal server", e);
    }
  }

  /** Whether the run's workflow is still open (running or waiting), asked of Temporal. */
  public boolean isOpen(String runId) {
    return WorkflowStub.fromTyped(stub(runId)).describe().getStatus()
        == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /** Waits for a run's end. */
  public LifecycleResult awaitResult(String runId, Duration timeout) throws TimeoutException {
    return WorkflowStub.fromTyped(stub(runId))
        .getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, LifecycleResult.class);
  }

  /** How long a decision waits for the run to act on it before answering RUNNING. */
  public static final Duration DECISION_ANSWER = Duration.ofSeconds(60);

  /** Approves a waiting run; answers once the run has acted (promoted, or rolled back). */
  public LifecycleStatus approve(String runId, String actor, String reason) {
    return decide(runId, new Decision(actor, reason), true);
  }

  /** Rejects a waiting run. */
  public LifecycleStatus reject(String runId, String actor, String reason) {
    return decide(runId, new Decision(actor, reason), false);
  }

  /**
   * Sends a decision; answers once the run has acted, or {@link LifecycleStatus#RUNNING} when it
   * is still acting after the answer window ({@link #DECISION_ANSWER} by default; a canary's bake or a blue-green keep-warm
   * window keeps a run going for minutes after its approval: the caller follows it on the run
   * page or with {@code lifecycle watch} instead of holding a request open that long). A decision
   * the run's validator refuses comes back as {@link ApprovalRefusedException} naming the broken
   * rule: the update is only sent on once the validator accepted it.
   */
  public LifecycleStatus decide(String runId, Decision decision, boolean approve) {
    WorkflowStub workflow = WorkflowStub.fromTyped(stub(runId));
    try {
      WorkflowUpdateHandle<LifecycleStatus> handle = workflow.startUpdate(
          approve ? "approve" : "reject", WorkflowUpdateStage.ACCEPTED, LifecycleStatus.class,
          decision);
      try {
        return handle.getResult(decisionAnswer.toMillis(), TimeUnit.MILLISECONDS);
      } catch (WorkflowUpdateTimeoutOrCancelledException stillActing) {
        return LifecycleStatus.RUNNING;
      }
    } catch (WorkflowUpdateException e) {
      // the validator's failure may sit under Temporal's own ApplicationFailure: look at each
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ApplicationFailure failure) {
          for (ApprovalRefusedException.Violation v : ApprovalRefusedException.Violation.values()) {
            if (v.name().equals(failure.getType())) {
              throw new ApprovalRefusedException(v, failure.getOriginalMessage());
            }
          }
        }
      }
      throw new PromoterClientException(PromoterClientException.Kind.REFUSED, reason(e), e);
    } catch (WorkflowNotFoundException e) {
      throw new PromoterClientException(PromoterClientException.Kind.NOT_FOUND,
          "no running lifecycle run '" + runId + "'", e);
    }
  }

  /** Rolls an alias back through {@link RollbackWorkflow}, from the version holding it now. */
  public RollbackResult rollback(String model, String alias, String actor, String reason,
      int fromVersion, String dataset) {
    RollbackWorkflow workflow = client.newWorkflowStub(RollbackWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("rollback-" + model + "-" + UUID.randomUUID())
            .setTaskQueue(taskQueues.get("cpu")).build());
    return workflow.rollback(new RollbackRequest(model, alias, actor, reason, fromVersion, dataset, taskQueues));
  }

  /** Creates a retraining schedule (Schedules API, or the cron-workflow fallback). */
  public ScheduleHandle createRetrainSchedule(String name, String cron, OverlapPolicy overlap,
      LifecycleRequest run) {
    LifecycleRequest routed = new LifecycleRequest(run.modelName(), run.dataset(), run.candidates(),
        run.decidingMetric(), run.minimumMetric(), run.championMargin(), run.approval(),
        run.submittedBy(), taskQueues, run.rollout());
    return new Schedules(client, taskQueues.get("cpu")).create(name, cron, overlap, routed);
  }

  /** Deletes a retraining schedule by id. */
  public void deleteRetrainSchedule(String id, String actor) {
    new Schedules(client, taskQueues.get("cpu")).delete(id, actor);
  }

  /** Drift monitors on this Temporal connection. */
  public DriftMonitorClient driftMonitors() {
    return new DriftMonitorClient(client, taskQueues.get("cpu"));
  }

  /** Recent runs, newest first, from the registry's run index. */
  public List<RunSummary> runs(int limit) {
    return runs.recent(limit);
  }

  /**
   * Tells a lifecycle run that production of its model moved (the {@code productionMoved}
   * signal): a blue-green run in its keep-warm window reads who holds production and ends the
   * window at once if it left the run's version; any other run ignores it.
   *
   * @return false when no open run has that id (it ended meanwhile)
   */
  public boolean productionMoved(String runId) {
    try {
      stub(runId).productionMoved();
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }

  /** Approvals waiting for a decision. */
  public List<PendingApproval> pendingApprovals() {
    return approvals.pending();
  }

  private ModelLifecycleWorkflow stub(String runId) {
    return client.newWorkflowStub(ModelLifecycleWorkflow.class, runId);
  }

  private static ApplicationFailure applicationFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure a) {
        return a;
      }
    }
    return null;
  }

  // the validator's own words, without Temporal's wrapping
  private static String reason(Throwable e) {
    ApplicationFailure failure = applicationFailure(e);
    return failure == null ? e.getMessage() : failure.getOriginalMessage();
  }
}
