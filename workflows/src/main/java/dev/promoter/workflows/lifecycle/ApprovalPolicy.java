package dev.promoter.workflows.lifecycle;

import java.time.Duration;

/**
 * Who may approve a promotion and how long they have.
 *
 * @param approverRole the role an approver must hold in the registry's principals
 * @param timeout how long the run waits for a decision before it ends as expired
 */
public record ApprovalPolicy(String approverRole, Duration timeout) {
  /** The default: role {@code approver}, seven days. */
  public static final ApprovalPolicy DEFAULT = new ApprovalPolicy("approver", Duration.ofDays(7));
}
