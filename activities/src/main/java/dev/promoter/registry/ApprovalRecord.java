package dev.promoter.registry;

import java.time.Instant;

/**
 * An approval request as the registry holds it, with its status.
 *
 * @param runId the run that waits
 * @param modelName the model
 * @param version the staged version
 * @param targetAlias the alias it would get
 * @param requestedBy the submitter (may not decide)
 * @param approverRole the role a decider needs
 * @param status PENDING, APPROVED, REJECTED, EXPIRED or WITHDRAWN
 * @param openedAt when the run asked
 * @param expiresAt when it stops accepting decisions
 * @param engine the engine whose run waits: {@code temporal} or {@code camunda}
 */
public record ApprovalRecord(String runId, String modelName, int version, String targetAlias,
    String requestedBy, String approverRole, String status, Instant openedAt, Instant expiresAt,
    String engine) {

  /** A request of a Temporal run (the form before approvals named their engine). */
  public ApprovalRecord(String runId, String modelName, int version, String targetAlias,
      String requestedBy, String approverRole, String status, Instant openedAt, Instant expiresAt) {
    this(runId, modelName, version, targetAlias, requestedBy, approverRole, status, openedAt,
        expiresAt, "temporal");
  }
}
