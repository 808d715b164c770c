package dev.promoter.gpu.training;

/**
 * Told after every epoch, once its checkpoint is on disk: the activity heartbeats here, so the
 * checkpoint a heartbeat names always exists. Throwing stops training (a test simulates a crash).
 */
@FunctionalInterface
public interface EpochListener {

  /** Does nothing. */
  EpochListener NONE = state -> { };

  /** @param state the state after the epoch, checkpoints written */
  void afterEpoch(TrainingState state);
}
