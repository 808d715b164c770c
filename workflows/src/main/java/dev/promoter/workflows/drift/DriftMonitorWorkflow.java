package dev.promoter.workflows.drift;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A model's drift monitor. Runs until terminated (that is how a monitor is stopped); continues as
 * new every so many checks to keep its history short.
 */
@WorkflowInterface
public interface DriftMonitorWorkflow {
  /** Loops: sleep the interval, check, start a retrain when the check claimed one. */
  @WorkflowMethod
  void run(DriftMonitorRequest request);

  /** What it has done and when it checks next. */
  @QueryMethod
  DriftMonitorState state();
}
