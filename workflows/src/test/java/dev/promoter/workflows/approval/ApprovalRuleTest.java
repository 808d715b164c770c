package dev.promoter.workflows.approval;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalRuleTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(3600);

  private static ApprovalRule.Case decision(String status, String actor, boolean holdsRole,
      String reason, Instant expiresAt) {
    return new ApprovalRule.Case("run-1", status, "alice", "approver", actor, holdsRole, reason,
        expiresAt, NOW);
  }

  @Test
  void aSecondApproverWithAReasonBeforeExpiryMayDecide() {
    assertThatCode(() -> ApprovalRule.check(decision("PENDING", "bob", true, "metrics look right", LATER)))
        .doesNotThrowAnyException();
  }

  @Test
  void eachPartOfTheRuleRefusesWithItsOwnViolation() {
    refused(decision("APPROVED", "bob", true, "again", LATER), ApprovalRefusedException.Violation.NOT_WAITING,
        "run run-1 is not waiting for approval (it is APPROVED)");
    refused(decision("PENDING", "bob", true, "late", NOW), ApprovalRefusedException.Violation.EXPIRED,
        "expired at 2026-11-29T12:00:00Z");
    refused(decision("PENDING", " ", true, "x", LATER), ApprovalRefusedException.Violation.NO_ACTOR,
        "authenticated actor");
    refused(decision("PENDING", "alice", true, "mine", LATER), ApprovalRefusedException.Violation.FOUR_EYES,
        "alice submitted this run and cannot also decide on it (four eyes)");
    refused(decision("PENDING", "mallory", false, "lgtm", LATER), ApprovalRefusedException.Violation.NO_ROLE,
        "mallory does not hold the 'approver' role");
    refused(decision("PENDING", "bob", true, "  ", LATER), ApprovalRefusedException.Violation.NO_REASON,
        "a decision needs a reason");
  }

  private static void refused(ApprovalRule.Case c, ApprovalRefusedException.Violation violation, String message) {
    assertThatThrownBy(() -> ApprovalRule.check(c)).isInstanceOf(ApprovalRefusedException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((ApprovalRefusedException) e).violation()).isEqualTo(violation);
  }
}
