package dev.promoter.serving;

/** Where a loaded version stands in this process. */
public enum ServingState {
  /** Its artifact is being read, verified, loaded and warmed. */
  LOADING,
  /** Loaded and warmed; has answered no live request yet. */
  WARM,
  /** Answering live requests within its error and latency thresholds. */
  ACTIVE,
  /** Answering, but its recent error rate or p95 latency is over a threshold. */
  DEGRADED,
  /** Could not load (corrupt or missing artifact, no loader, store unreachable); retried later. */
  FAILED
}
