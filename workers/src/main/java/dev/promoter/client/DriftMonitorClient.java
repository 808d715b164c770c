package dev.promoter.client;

import dev.promoter.workflows.drift.DriftMonitorRequest;
import dev.promoter.workflows.drift.DriftMonitorWorkflow;
import dev.promoter.workflows.drift.DriftSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;

/**
 * Starts and stops drift monitors: one {@link DriftMonitorWorkflow} per model, with the workflow id
 * {@link DriftMonitorRequest#workflowId}. A loop with Workflow.sleep rather than a Temporal
 * Schedule, so it runs the same on the embedded test server, which has no Schedules API.
 */
public final class DriftMonitorClient {
  /** A continuation holds at most this many checks: about 2,000 history events. */
  static final int CHECKS_BEFORE_CONTINUE_AS_NEW = 100;
  private final WorkflowClient client;
  private final String cpuQueue;

  DriftMonitorClient(WorkflowClient client, String cpuQueue) {
    this.client = client;
    this.cpuQueue = cpuQueue;
  }

  /** Starts a model's monitor, first stopping the one it has (new settings replace the old loop). */
  public void start(String model, DriftSettings settings, String submittedBy) {
    stop(model, submittedBy);
    DriftMonitorWorkflow monitor = client.newWorkflowStub(DriftMonitorWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(DriftMonitorRequest.workflowId(model))
            .setTaskQueue(cpuQueue).build());
    WorkflowClient.start(monitor::run,
        new DriftMonitorRequest(model, settings, submittedBy, CHECKS_BEFORE_CONTINUE_AS_NEW));
  }

  /** Stops a model's monitor if it runs; retraining runs it started go on (they are abandoned). */
  public void stop(String model, String actor) {
    try {
      client.newUntypedWorkflowStub(DriftMonitorRequest.workflowId(model))
          .terminate("drift monitor stopped by " + actor);
    } catch (WorkflowNotFoundException e) {
      // not running (never started, or a restarted dev server forgot it): nothing to stop
    } catch (io.temporal.client.WorkflowException e) {
      if (!(e.getCause() instanceof io.grpc.StatusRuntimeException g)
          || g.getStatus().getCode() != io.grpc.Status.Code.NOT_FOUND) {
        throw e;
      }
    }
  }
}
