package dev.promoter.gpu.training;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a training run stands after an epoch: what a checkpoint records and what a resumed run
 * starts from.
 *
 * @param epochsDone         epochs finished
 * @param bestValidationLoss lowest validation loss so far ({@code +Infinity} before the first epoch)
 * @param bestEpoch          the epoch that reached it (0 before the first)
 * @param epochsSinceBest    epochs since then, for early stopping
 * @param lastParameters     directory with the parameters after {@code epochsDone}, or null
 * @param bestParameters     directory with the parameters of {@code bestEpoch}, or null
 * @param log                every finished epoch, in order, each once
 */
public record TrainingState(int epochsDone, double bestValidationLoss, int bestEpoch, int epochsSinceBest,
    Path lastParameters, Path bestParameters, List<EpochStats> log) {

  /** Copies the log. */
  public TrainingState {
    log = List.copyOf(log);
  }

  /** @return the state before the first epoch */
  public static TrainingState fresh() {
    return new TrainingState(0, Double.POSITIVE_INFINITY, 0, 0, null, null, List.of());
  }

  /** @return whether no epoch has run yet */
  public boolean isFresh() {
    return epochsDone == 0;
  }
}
