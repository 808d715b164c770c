package dev.promoter.gpu.training;

/**
 * Told after every epoch, once its checkpoint is on disk: the activity heartbeats here, so the
 * checkpoint a heartbeat names always exists. Throwing stops training (a test simulates a crash).
 */
@FunctionalInterface
public interface EpochListener {

  /** Does nothing. */
  EpochListener NONE = state -> { };

  /** Seconds between {@link #duringEpoch} calls. */
  int PROGRESS_INTERVAL_SECONDS = 10;

  /** @param state the state after the epoch, checkpoints written */
  void afterEpoch(TrainingState state);

  /**
   * Told every {@value #PROGRESS_INTERVAL_SECONDS} s within an epoch: an epoch on a CPU can outlast
   * a heartbeat timeout, so the activity heartbeats here too (with the last finished epoch's
   * checkpoint). Throwing stops training, e.g. when Temporal cancels the activity.
   *
   * @param epoch    the epoch under way, 1-based
   * @param examples examples of it trained so far
   * @param total    examples in it
   */
  default void duringEpoch(int epoch, int examples, int total) {}
}
