package dev.promoter.training;

/**
 * Tree counts of a Tribuo random forest while it grows: its {@code BaggingTrainer} logs
 * {@code Building model i} on the training thread before it grows tree {@code i}, which
 * {@link TribuoLogProgress} turns into "tree i+1/n" for the listener registered on the same
 * thread ({@code ForestTreeProgressTest} proves the model unchanged and every tree reported).
 */
final class ForestTreeProgress {
  private static final String PREFIX = "Building model ";
  private static final TribuoLogProgress<Listener> LOG =
      new TribuoLogProgress<>("org.tribuo.ensemble.BaggingTrainer");

  private ForestTreeProgress() { }

  /**
   * Runs {@code training} with this thread's forest log lines reported to {@code listener}.
   *
   * @param trees the forest's size, for "tree i/n"
   */
  static <T> T reporting(int trees, TrainingListener listener, java.util.function.Supplier<T> training) {
    return LOG.reporting(new Listener(trees, listener), training);
  }

  private record Listener(int trees, TrainingListener listener) implements TribuoLogProgress.Reader {
    @Override
    public boolean read(String message) {
      if (message.startsWith(PREFIX)) {
        try {
          listener.progress("tree " + (Integer.parseInt(message.substring(PREFIX.length()).trim()) + 1) + "/" + trees);
        } catch (NumberFormatException e) {
          // another line with the same start: not a tree count, nothing to report
        }
      }
      return true;
    }
  }
}
