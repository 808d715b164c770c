package dev.promoter.workflows.drift;

import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** The monitor loop. */
public class DriftMonitorWorkflowImpl implements DriftMonitorWorkflow {
  private static final Logger log = Workflow.getLogger(DriftMonitorWorkflowImpl.class);
  private final DriftActivities drift = Workflow.newActivityStub(DriftActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          // an outage retries for a while; a check that still fails is logged and the next
          // interval tries again, so a database blink never stops the monitor
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(10)
              .setInitialInterval(Duration.ofSeconds(1)).setMaximumInterval(Duration.ofMinutes(1))
              .setDoNotRetry("BadInput", "NotFound").build())
          .build());
  private String model = "";
  private Instant nextCheck;
  private int checks;
  private String lastVerdict;
  private final List<String> started = new ArrayList<>();

  @Override
  public void run(DriftMonitorRequest request) {
    DriftSettings settings;
    try {
      settings = request.settings().check();
    } catch (IllegalArgumentException e) {
      // bad input fails the monitor for good instead of failing the workflow task forever
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
    model = request.modelName();
    String self = Workflow.getInfo().getWorkflowId();
    for (int i = 0; i < request.checksBeforeContinueAsNew(); i++) {
      nextCheck = Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(settings.interval());
      Workflow.sleep(settings.interval());
      long now = Workflow.currentTimeMillis();
      long cool = settings.coolDown().toMillis();
      DriftCheckRequest check = new DriftCheckRequest(self + "/" + Instant.ofEpochMilli(now), model, now,
          settings, now - Math.floorMod(now, cool), request.submittedBy());
      DriftCheckOutcome outcome;
      try {
        outcome = drift.check(check);
      } catch (TemporalFailure e) {
        log.warn("drift check {} failed: {}", check.checkKey(), e.getMessage());
        continue;
      }
      checks++;
      lastVerdict = outcome.verdict();
      if (outcome.retrainRunId() != null) {
        startRetrain(outcome);
      }
    }
    Workflow.continueAsNew(request);
  }

  private void startRetrain(DriftCheckOutcome outcome) {
    ModelLifecycleWorkflow child = Workflow.newChildWorkflowStub(ModelLifecycleWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(outcome.retrainRunId())
            .setTaskQueue(Workflow.getInfo().getTaskQueue())
            // a run that waits days for approval outlives the monitor's continue-as-new or stop
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            // the id names the model and the window: a second start in one window is refused
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build());
    Async.function(child::run, outcome.retrain());
    try {
      Workflow.getWorkflowExecution(child).get();
      started.add(outcome.retrainRunId());
    } catch (TemporalFailure e) {
      log.warn("drift check {} could not start {}: {}", outcome.checkId(), outcome.retrainRunId(),
          e.getMessage());
    }
  }

  @Override
  public DriftMonitorState state() {
    return new DriftMonitorState(model, nextCheck == null ? null : nextCheck.toString(), checks,
        lastVerdict, List.copyOf(started));
  }
}
