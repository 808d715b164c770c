package dev.promoter.workflows.retrain;

/** What happens when a retraining time comes while the previous run is still going. */
public enum OverlapPolicy {
  /** Skip this time; the next one is taken as usual. */
  SKIP,
  /** Start right after the running one ends; at most one waits, further times are skipped. */
  BUFFER_ONE
}
