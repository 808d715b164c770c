package dev.promoter.workflows.lifecycle;

import java.util.List;

/**
 * A reviewer's decision on a waiting run. The service that sends it fills {@code actor} and
 * {@code roles} from the authenticated principal, never from a field a caller typed.
 *
 * @param actor who decides
 * @param reason why, for the audit log
 * @param roles the roles the actor held when authenticated; null in histories recorded before
 *     roles travelled with the decision (the validator then reads the approvers the run loaded)
 */
public record Decision(String actor, String reason, List<String> roles) {
  /** A decision without roles: only the approvers the run loaded may make it. */
  public Decision(String actor, String reason) {
    this(actor, reason, null);
  }

  /** Copies the roles. */
  public Decision {
    roles = roles == null ? null : List.copyOf(roles);
  }
}
