package dev.promoter.workflows.retrain;

import dev.promoter.workflows.lifecycle.LifecycleResult;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The fallback schedule loop. */
public class RetrainScheduleWorkflowImpl implements RetrainScheduleWorkflow {
  private String cron = "";
  private Instant nextFire;
  private final List<String> started = new ArrayList<>();
  private int skipped;
  private String runningId;
  private Promise<LifecycleResult> running;

  @Override
  public void run(RetrainScheduleRequest request) {
    CronSchedule schedule;
    try {
      schedule = CronSchedule.parse(request.cron());
    } catch (IllegalArgumentException e) {
      // bad input fails the schedule for good; left as it is, it would fail the workflow task
      // and Temporal would retry that forever
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
    cron = request.cron();
    int fires = 0;
    while (fires < request.firesBeforeContinueAsNew() || isRunning()) {
      Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
      nextFire = schedule.next(now);
      Workflow.sleep(Duration.between(now, nextFire));
      Instant fireTime = nextFire;
      fires++;
      if (isRunning()) {
        if (request.overlap() == OverlapPolicy.SKIP) {
          skipped++;
          continue;
        }
        // BUFFER_ONE: this time waits for the running one; times passing meanwhile are skipped
        nextFire = null;
        Instant waitFrom = fireTime;
        Workflow.await(() -> !isRunning());
        skipped += missedSince(schedule, waitFrom);
      }
      start(request, fireTime);
    }
    Workflow.continueAsNew(request);
  }

  private int missedSince(CronSchedule schedule, Instant from) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    int missed = 0;
    for (Instant t = schedule.next(from); !t.isAfter(now); t = schedule.next(t)) {
      missed++;
    }
    return missed;
  }

  private void start(RetrainScheduleRequest request, Instant fireTime) {
    String runId = request.scheduleId() + "/" + fireTime;
    ModelLifecycleWorkflow child = Workflow.newChildWorkflowStub(ModelLifecycleWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(runId)
            .setTaskQueue(Workflow.getInfo().getTaskQueue())
            // a run that waits for approval must outlive a continue-as-new of the loop
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build());
    running = Async.function(child::run, request.lifecycle());
    Workflow.getWorkflowExecution(child).get();
    runningId = runId;
    started.add(runId);
  }

  private boolean isRunning() {
    return running != null && !running.isCompleted();
  }

  @Override
  public ScheduleState state() {
    return new ScheduleState(cron, nextFire == null ? null : nextFire.toString(),
        List.copyOf(started), skipped, isRunning() ? runningId : null);
  }
}
