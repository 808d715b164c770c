package dev.promoter.training;

/**
 * Epochs of a Tribuo SGD training while it runs. Tribuo's SGD trainers have no progress hook,
 * but they log {@code Training SGD model with n examples} (java.util.logging, INFO) on the
 * training thread once the examples are converted, just before the first epoch, and
 * {@code At iteration i, average loss = ...} every {@code loggingInterval} gradient steps. With
 * the interval set to the steps of one epoch ({@link #loggingInterval}), the second line comes at
 * the end of each epoch; {@link TribuoLogProgress} turns both into "epoch e/n" for the listener
 * registered on the same thread, and drops the loss lines so that nothing new is printed. The
 * interval only decides when Tribuo logs: the weights are the same ({@code SgdEpochProgressTest}
 * compares every predicted distribution); the trainer's provenance records the interval.
 */
final class SgdEpochProgress {
  private static final String STARTED = "Training SGD model with ";
  private static final String ITERATION = "At iteration ";
  private static final TribuoLogProgress<Listener> LOG =
      new TribuoLogProgress<>("org.tribuo.common.sgd.AbstractSGDTrainer");

  private SgdEpochProgress() { }

  /**
   * @param examples  training examples
   * @param minibatch examples per gradient step
   * @return the gradient steps of one epoch: Tribuo's logging interval that logs once per epoch
   */
  static int loggingInterval(int examples, int minibatch) {
    return Math.max(1, (examples + minibatch - 1) / minibatch);
  }

  /**
   * Runs {@code training} with this thread's SGD epochs reported to {@code listener}.
   *
   * @param epochs    the training's epochs, for "epoch e/n"
   * @param interval  the trainer's logging interval ({@link #loggingInterval})
   * @param examples  the training set's size, said with each epoch
   */
  static <T> T reporting(int epochs, int interval, int examples, TrainingListener listener,
      java.util.function.Supplier<T> training) {
    return LOG.reporting(new Listener(epochs, interval, String.format(" over %,d examples", examples), listener),
        training);
  }

  private record Listener(int epochs, int interval, String suffix, TrainingListener listener)
      implements TribuoLogProgress.Reader {
    @Override
    public boolean read(String message) {
      if (message.startsWith(ITERATION)) {
        iteration(message.substring(ITERATION.length()));
        return false; // a loss line only exists because of the interval chosen here
      }
      if (message.startsWith(STARTED)) {
        listener.progress("epoch 1/" + epochs + suffix);
      }
      return true;
    }

    private void iteration(String rest) {
      int end = rest.indexOf(',');
      try {
        long done = Long.parseLong((end < 0 ? rest : rest.substring(0, end)).trim()) / interval;
        if (done < epochs) {
          listener.progress("epoch " + (done + 1) + "/" + epochs + suffix);
        }
      } catch (NumberFormatException e) {
        // another line with the same start: not an iteration count, nothing to report
      }
    }
  }
}
