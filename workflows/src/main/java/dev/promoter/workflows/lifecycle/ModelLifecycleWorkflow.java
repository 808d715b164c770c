package dev.promoter.workflows.lifecycle;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One model's lifecycle: experiment, champion/challenger, register, stage, approve, promote.
 * The workflow id is the run id.
 */
@WorkflowInterface
public interface ModelLifecycleWorkflow {

  /** Runs the lifecycle to its end and says how it ended. */
  @WorkflowMethod
  LifecycleResult run(LifecycleRequest request);

  /** Approves the staged version; the run then promotes it to production. */
  @UpdateMethod
  LifecycleStatus approve(Decision decision);

  /**
   * Refuses an approval from the submitter (four eyes), from someone without the approver role,
   * or on a run that is not waiting for one.
   */
  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(Decision decision);

  /** Rejects the staged version; the run withdraws it and ends. */
  @UpdateMethod
  LifecycleStatus reject(Decision decision);

  /** The same rules as {@link #validateApprove}. */
  @UpdateValidatorMethod(updateName = "reject")
  void validateReject(Decision decision);

  /**
   * Production of this run's model moved by an operator (a rollback or a promotion by hand). A
   * hint, not a fact: a blue-green run in its keep-warm window reads who holds production now and
   * ends the window at once when it is no longer this run's version; any other run ignores it.
   * A signal, not an Update, so the operator's rollback never waits on the run.
   */
  @SignalMethod
  void productionMoved();

  /** Current step, candidates and verdict. */
  @QueryMethod
  LifecycleProgress progress();
}
