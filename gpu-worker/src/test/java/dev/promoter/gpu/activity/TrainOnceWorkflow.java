package dev.promoter.gpu.activity;

import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingTask;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A test workflow: trains one candidate on the gpu queue, retrying as the lifecycle does. */
@WorkflowInterface
public interface TrainOnceWorkflow {

  /** @param task the candidate @return the trained candidate */
  @WorkflowMethod
  TrainedCandidate train(TrainingTask task);
}
