package dev.promoter.training;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Tree counts of a Tribuo random forest while it grows. Tribuo's trainers have no progress hook,
 * but its {@code BaggingTrainer} logs {@code Building model i} (java.util.logging, INFO) on the
 * training thread before it grows tree {@code i}; a handler on that one logger turns the line
 * into "tree i+1/n" for the listener registered on the same thread. Reading the log instead of
 * subclassing the trainer leaves the trainer, its provenance and the model exactly as they were
 * ({@code ForestTreeProgressTest} proves the model unchanged and every tree reported).
 */
final class ForestTreeProgress {
  private static final String TRIBUO_LOGGER = "org.tribuo.ensemble.BaggingTrainer";
  private static final String PREFIX = "Building model ";
  /** Held strongly: java.util.logging keeps loggers weakly, and a collected one loses its handler. */
  private static final Logger LOGGER = Logger.getLogger(TRIBUO_LOGGER);
  private static final ThreadLocal<Listener> CURRENT = new ThreadLocal<>();

  static {
    // Spring Boot may mirror logback's WARN onto java.util.logging levels; INFO must reach the
    // handler. The bridge to logback still drops the line, so nothing new reaches the console.
    if (!LOGGER.isLoggable(Level.INFO)) {
      LOGGER.setLevel(Level.INFO);
    }
    LOGGER.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        Listener listener = CURRENT.get();
        String message = record.getMessage();
        if (listener != null && message != null && message.startsWith(PREFIX)) {
          listener.treeStarted(message.substring(PREFIX.length()));
        }
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    });
  }

  private ForestTreeProgress() { }

  /**
   * Runs {@code training} with this thread's forest log lines reported to {@code listener}.
   *
   * @param trees the forest's size, for "tree i/n"
   */
  static <T> T reporting(int trees, TrainingListener listener, java.util.function.Supplier<T> training) {
    Listener previous = CURRENT.get();
    CURRENT.set(new Listener(trees, listener));
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

  private record Listener(int trees, TrainingListener listener) {
    void treeStarted(String index) {
      try {
        listener.progress("tree " + (Integer.parseInt(index.trim()) + 1) + "/" + trees);
      } catch (NumberFormatException e) {
        // another line with the same start: not a tree count, nothing to report
      }
    }
  }
}
