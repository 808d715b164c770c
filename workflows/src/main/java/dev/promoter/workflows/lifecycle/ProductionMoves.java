package dev.promoter.workflows.lifecycle;

/**
 * The {@code productionMoved} signals a run has received and those it has read. Counted rather
 * than flagged, so a signal that lands while the run is reading the registry for an earlier one
 * wakes it once more instead of being lost. Mutated only by the workflow thread.
 */
final class ProductionMoves {
  private int signalled;
  private int read;

  void signalled() {
    signalled++;
  }

  /** True when a signal came in since the last {@link #read()}. */
  boolean unread() {
    return signalled > read;
  }

  /** Marks every signal so far as read: the registry read that follows covers them all. */
  void read() {
    read = signalled;
  }
}
