package dev.promoter.training;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Epochs of a Tribuo SGD training while it runs. Tribuo's SGD trainers have no progress hook,
 * but they log {@code Training SGD model with n examples} (java.util.logging, INFO) on the
 * training thread once the examples are converted, just before the first epoch, and
 * {@code At iteration i, average loss = ...} every {@code loggingInterval} gradient steps. With
 * the interval set to the steps of one epoch ({@link #loggingInterval}), the second line comes at
 * the end of each epoch; a filter on that one logger turns both into "epoch e/n" for the listener
 * registered on the same thread, and drops the loss lines so that nothing new is printed. The
 * interval only decides when Tribuo logs: the weights are the same ({@code SgdEpochProgressTest}
 * compares every predicted distribution); the trainer's provenance records the interval.
 */
final class SgdEpochProgress {
  private static final String TRIBUO_LOGGER = "org.tribuo.common.sgd.AbstractSGDTrainer";
  private static final String STARTED = "Training SGD model with ";
  private static final String ITERATION = "At iteration ";
  /** Held strongly: java.util.logging keeps loggers weakly, and a collected one loses its filter. */
  private static final Logger LOGGER = Logger.getLogger(TRIBUO_LOGGER);
  private static final ThreadLocal<Listener> CURRENT = new ThreadLocal<>();

  static {
    // Spring Boot may mirror logback's WARN onto java.util.logging levels; INFO must reach the filter.
    if (!LOGGER.isLoggable(Level.INFO)) {
      LOGGER.setLevel(Level.INFO);
    }
    Filter previous = LOGGER.getFilter();
    LOGGER.setFilter(record -> {
      String message = record.getMessage();
      if (message != null && message.startsWith(ITERATION)) {
        Listener listener = CURRENT.get();
        if (listener != null) {
          listener.iteration(message.substring(ITERATION.length()));
        }
        return false; // a loss line only exists because of the interval chosen here
      }
      if (message != null && message.startsWith(STARTED)) {
        Listener listener = CURRENT.get();
        if (listener != null) {
          listener.started();
        }
      }
      return previous == null || previous.isLoggable(record);
    });
  }

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
    Listener previous = CURRENT.get();
    CURRENT.set(new Listener(epochs, interval, String.format(" over %,d examples", examples), listener));
    try {
      return training.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  private record Listener(int epochs, int interval, String suffix, TrainingListener listener) {
    void started() {
      listener.progress("epoch 1/" + epochs + suffix);
    }

    void iteration(String rest) {
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
