package dev.promoter.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Training, served by both pools: the CPU pool trains k-mer models (Tribuo), the GPU pool the
 * CNN (DJL). Which pool gets a task is decided by the task queue the workflow sends it to.
 */
@ActivityInterface
public interface TrainingActivities {
  /** The activity type of {@link #trainAndEvaluate}, for options a worker sets per type. */
  String TRAIN_AND_EVALUATE = "TrainAndEvaluate";

  /**
   * Trains the candidate on the dataset's training split, evaluates it on the held-out split
   * (the same split for every candidate of a run), and stores the model in the artifact store.
   * Heartbeats while it trains. Idempotent: the artifact is content-addressed, so a retry
   * stores the same bytes at the same address; nothing else is written.
   *
   * @param task what to train; {@code runId} + candidate name identify it
   */
  @ActivityMethod(name = TRAIN_AND_EVALUATE)
  TrainedCandidate trainAndEvaluate(TrainingTask task);
}
