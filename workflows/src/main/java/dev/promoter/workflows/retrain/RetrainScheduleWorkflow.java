package dev.promoter.workflows.retrain;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The cron fallback for servers without the Schedules API. Runs until cancelled (that is how a
 * schedule is deleted). Catch-up: if workers are down over several fire times, one run starts
 * when they return and the missed times are not replayed.
 */
@WorkflowInterface
public interface RetrainScheduleWorkflow {
  /** Loops: sleep until the next cron time, start a lifecycle run, repeat. */
  @WorkflowMethod
  void run(RetrainScheduleRequest request);

  /** What it has done and what comes next. */
  @QueryMethod
  ScheduleState state();
}
