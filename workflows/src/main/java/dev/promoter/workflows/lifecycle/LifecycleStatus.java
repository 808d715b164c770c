package dev.promoter.workflows.lifecycle;

/** How a lifecycle run stands or ended; the same names as the registry's run status. */
public enum LifecycleStatus {
  /** Training, evaluating, registering or deploying. */
  RUNNING,
  /** Staged; waiting for an approver. */
  AWAITING_APPROVAL,
  /** The new version holds production. */
  PROMOTED,
  /** Ended without a new production version: below the threshold or beaten by the champion. */
  NOT_PROMOTED,
  /** A reviewer rejected it. */
  REJECTED,
  /** Nobody decided in time. */
  EXPIRED,
  /** A step failed for good; compensations ran. */
  FAILED,
  /**
   * Production went back to the champion: the new version failed its post-promotion check, or a
   * rollout gate (its figures are in the verdict).
   */
  ROLLED_BACK
}
