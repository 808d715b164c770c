package dev.promoter.experiment;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Optional;

/**
 * How a long training reports it is alive and where it got to, whatever engine runs it: a
 * Temporal heartbeat (details travel with it), or a Zeebe job whose timeout is extended and whose
 * checkpoint is kept in a local job variable. A retried attempt reads the last checkpoint back.
 */
public interface TrainingProgress {

  /** The checkpoint an earlier attempt of this task left, if any. */
  <T> Optional<T> lastCheckpoint(Class<T> type);

  /** Says the training is alive and, when {@code checkpoint} is not null, where it got to. */
  void beat(Object checkpoint);

  /** Which attempt this is, from 1. */
  int attempt();

  /** The current Temporal activity's heartbeats. */
  static TrainingProgress temporal() {
    ActivityExecutionContext context = Activity.getExecutionContext();
    return new TrainingProgress() {
      @Override
      public <T> Optional<T> lastCheckpoint(Class<T> type) {
        return context.getHeartbeatDetails(type);
      }

      @Override
      public void beat(Object checkpoint) {
        context.heartbeat(checkpoint);
      }

      @Override
      public int attempt() {
        return context.getInfo().getAttempt();
      }
    };
  }
}
