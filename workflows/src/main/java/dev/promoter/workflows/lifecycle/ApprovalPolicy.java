package dev.promoter.workflows.lifecycle;

import java.time.Duration;

/**
 * Who may approve a promotion, how long they have, and when they decide.
 *
 * @param approverRole the role an approver must hold in the registry's principals
 * @param timeout how long the run waits for a decision before it ends as expired
 * @param decides {@code before-rollout} (default: the human decision comes first, then the
 *     rollout) or {@code after-canary} (the canary runs its steps below 100 % first, and the
 *     approver decides with its gates' figures in front of them before the last step)
 */
public record ApprovalPolicy(String approverRole, Duration timeout, String decides) {
  /** The decision comes before any traffic moves. */
  public static final String BEFORE_ROLLOUT = "before-rollout";
  /** The decision comes after the canary's steps below 100 %. */
  public static final String AFTER_CANARY = "after-canary";
  /** The default: role {@code approver}, seven days, before the rollout. */
  public static final ApprovalPolicy DEFAULT = new ApprovalPolicy("approver", Duration.ofDays(7));

  /** Fills the default of {@code decides}. */
  public ApprovalPolicy {
    decides = decides == null ? BEFORE_ROLLOUT : decides;
  }

  /** Decides before the rollout. */
  public ApprovalPolicy(String approverRole, Duration timeout) {
    this(approverRole, timeout, null);
  }

  /** True when the approver decides after the canary's lower steps. */
  public boolean afterCanary() {
    return AFTER_CANARY.equals(decides);
  }
}
