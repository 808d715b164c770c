package dev.promoter.registry;

import java.time.Instant;

/**
 * An approval request waiting for a decision.
 *
 * @param runId the run waiting
 * @param modelName the model
 * @param version the staged version
 * @param targetAlias where it goes if approved
 * @param requestedBy who submitted the run (and so may not approve it)
 * @param approverRole the role an approver must hold
 * @param expiresAt when the run stops waiting
 */
public record PendingApproval(String runId, String modelName, int version, String targetAlias,
    String requestedBy, String approverRole, Instant expiresAt) {}
