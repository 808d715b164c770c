package dev.promoter.workflows.approval;

import java.time.Instant;

/**
 * Four eyes, the approver role, a reason, not after expiry, not twice: the one rule every engine
 * and front door applies before a decision counts. It reads no clock and no database: callers
 * pass what they know, so a workflow validator can run it deterministically.
 */
public final class ApprovalRule {
  private ApprovalRule() {}

  /**
   * One decision to check.
   *
   * @param runId the run the decision is for (for messages)
   * @param status the approval's status now: {@code PENDING} while it waits
   * @param submittedBy who asked for the approval (may not decide)
   * @param requiredRole the role a decider must hold
   * @param actor who decides: the authenticated principal
   * @param actorHoldsRole whether {@code actor} holds {@code requiredRole}
   * @param reason why, for the audit log
   * @param expiresAt when the approval stops accepting decisions
   * @param now the caller's time
   */
  public record Case(String runId, String status, String submittedBy, String requiredRole,
      String actor, boolean actorHoldsRole, String reason, Instant expiresAt, Instant now) {}

  /** Refuses {@code c} with the first rule it breaks; returns quietly when it may count. */
  public static void check(Case c) {
    if (!"PENDING".equals(c.status())) {
      throw new ApprovalRefusedException(ApprovalRefusedException.Violation.NOT_WAITING,
          "run " + c.runId() + " is not waiting for approval (it is " + c.status() + ")");
    }
    if (c.expiresAt() != null && !c.now().isBefore(c.expiresAt())) {
      throw new ApprovalRefusedException(ApprovalRefusedException.Violation.EXPIRED,
          "the approval of run " + c.runId() + " expired at " + c.expiresAt());
    }
    if (c.actor() == null || c.actor().isBlank()) {
      throw new ApprovalRefusedException(ApprovalRefusedException.Violation.NO_ACTOR,
          "a decision needs an authenticated actor");
    }
    if (c.actor().equals(c.submittedBy())) {
      throw new ApprovalRefusedException(ApprovalRefusedException.Violation.FOUR_EYES,
          c.actor() + " submitted this run and cannot also decide on it (four eyes)");
    }
    if (!c.actorHoldsRole()) {
      throw new ApprovalRefusedException(ApprovalRefusedException.Violation.NO_ROLE,
          c.actor() + " does not hold the '" + c.requiredRole() + "' role");
    }
    if (c.reason() == null || c.reason().isBlank()) {
      throw new ApprovalRefusedException(ApprovalRefusedException.Violation.NO_REASON,
          "a decision needs a reason for the audit log");
    }
  }
}
