package dev.promoter.training;

import java.util.function.Supplier;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Progress read from one Tribuo logger. Tribuo's trainers have no progress hook, but they log
 * (java.util.logging, INFO) on the training thread as they go; a filter on that one logger hands
 * each message to the listener the same thread registered with {@link #reporting}, and so to the
 * right training when several run at once. Reading the log instead of subclassing the trainer
 * leaves the trainer, its provenance and the model exactly as they were.
 *
 * @param <L> what a training registers: it turns a message into progress
 */
final class TribuoLogProgress<L extends TribuoLogProgress.Reader> {

  /** Reads one training's log messages. */
  interface Reader {
    /**
     * @param message a message of the logger, on the training's thread
     * @return whether the message still goes to the logger's handlers
     */
    boolean read(String message);
  }

  /** Held strongly: java.util.logging keeps loggers weakly, and a collected one loses its filter. */
  private final Logger logger;
  private final ThreadLocal<L> current = new ThreadLocal<>();

  /** Installs the filter on {@code loggerName}, after any filter already there. */
  TribuoLogProgress(String loggerName) {
    logger = Logger.getLogger(loggerName);
    // Spring Boot may mirror logback's WARN onto java.util.logging levels; INFO must reach the
    // filter. The bridge to logback still drops INFO, so nothing new reaches the console.
    if (!logger.isLoggable(Level.INFO)) {
      logger.setLevel(Level.INFO);
    }
    Filter previous = logger.getFilter();
    logger.setFilter(record -> {
      L reader = current.get();
      String message = record.getMessage();
      if (reader != null && message != null && !reader.read(message)) {
        return false;
      }
      return previous == null || previous.isLoggable(record);
    });
  }

  /** Runs {@code training} with this thread's messages of the logger read by {@code reader}. */
  <T> T reporting(L reader, Supplier<T> training) {
    L previous = current.get();
    current.set(reader);
    try {
      return training.get();
    } finally {
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
    }
  }
}
