package dev.promoter.workflows.approval;

/** A decision the {@link ApprovalRule} refuses; nothing was recorded. */
public final class ApprovalRefusedException extends RuntimeException {

  /** Which part of the rule a decision broke. */
  public enum Violation {
    /** The approval is not pending: never opened, already decided, expired or withdrawn. */
    NOT_WAITING,
    /** The approval's deadline has passed. */
    EXPIRED,
    /** No one is named as the decider. */
    NO_ACTOR,
    /** The decider asked for the approval. */
    FOUR_EYES,
    /** The decider lacks the approver role. */
    NO_ROLE,
    /** No reason was given. */
    NO_REASON;

    /** Whether this is the caller's lack of right (as opposed to bad input or the run's state). */
    public boolean forbidden() {
      return this == FOUR_EYES || this == NO_ROLE;
    }
  }

  private final Violation violation;

  /** A refusal of one kind, with the message a user reads. */
  public ApprovalRefusedException(Violation violation, String message) {
    super(message);
    this.violation = violation;
  }

  /** The rule that was broken. */
  public Violation violation() {
    return violation;
  }
}
