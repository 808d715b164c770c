package dev.promoter.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.identity.TestRegistry;
import dev.promoter.registry.Approvals;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.registry.Principals;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.workflows.approval.ApprovalRefusedException;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service refuses a decision against the registry before it reaches the engine: the client
 * supplier here fails the test if anything asks for Temporal.
 */
class ApprovalServiceTest {
  private RegistryDatabase db;
  private ApprovalService service;
  private final Actor bob = new Actor("bob", Set.of("approver"));

  @BeforeEach
  void open() {
    db = TestRegistry.fresh();
    new Principals(db.dataSource()).seed(Map.of("alice", Set.of("submitter", "approver"), "bob", Set.of("approver")));
    LifecycleRuns runs = new LifecycleRuns(db.dataSource());
    runs.started("run-1", "LIFECYCLE", "rrna", "alice", "{}");
    runs.started("run-2", "LIFECYCLE", "rrna", "alice", "{}");
    new ModelRegistry(db.dataSource()).register(new NewVersion("rrna", "run-2/register", "file:/a",
        "a".repeat(64), "tribuo", Map.of("macro_f1", 0.99), Map.of(), "{}",
        new Lineage("d".repeat(64), "test", "run-2"), "alice"));
    new Approvals(db.dataSource()).open("run-2", "rrna", 1, "production", "alice", "approver",
        Instant.parse("2027-01-01T00:00:00Z"));
    service = service("2026-06-01T00:00:00Z");
  }

  private ApprovalService service(String now) {
    return new ApprovalService(() -> {
      throw new AssertionError("the engine must not be asked");
    }, new Approvals(db.dataSource()), new LifecycleRuns(db.dataSource()),
        Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void refusalsNameTheRuleAndTheirKind() {
    refused(() -> service.decide(bob, "run-1", true, "lgtm"), ErrorKind.CONFLICT,
        "run run-1 is not waiting for approval (it is RUNNING)");
    refused(() -> service.decide(bob, "nope", true, "lgtm"), ErrorKind.NOT_FOUND, "unknown run 'nope'");
    refused(() -> service.decide(bob, "run-2", true, " "), ErrorKind.BAD_INPUT, "a reason is required");
    refused(() -> service.decide(new Actor("alice", Set.of("approver")), "run-2", true, "mine"),
        ErrorKind.FORBIDDEN, "(four eyes)");
    refused(() -> service.decide(new Actor("carol", Set.of("viewer")), "run-2", true, "x"),
        ErrorKind.FORBIDDEN, "carol does not hold the 'approver' role");
    refused(() -> service("2027-02-01T00:00:00Z").decide(bob, "run-2", true, "late"), ErrorKind.CONFLICT,
        "expired at 2027-01-01");
  }

  /**
   * The registry shows the request open a workflow task before the Temporal run waits for the
   * decision: the run's "not waiting (RUNNING)" in that moment is sent again, not passed on.
   */
  @Test
  void aDecisionTheRunIsNotYetWaitingForIsSentAgainUntilItIs() {
    AtomicInteger calls = new AtomicInteger();
    ApprovalService catchingUp = engine((runId, decision, approve) -> {
      if (calls.incrementAndGet() < 3) {
        throw notWaiting(runId);
      }
      assertThat(decision.actor()).isEqualTo("bob");
      return LifecycleStatus.PROMOTED;
    });
    assertThat(catchingUp.decide(bob, "run-2", true, "lgtm")).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(calls).hasValue(3);
  }

  /** Once someone else has decided (the registry no longer says PENDING) the refusal stands at once. */
  @Test
  void aRefusalAfterSomeoneElseDecidedStandsAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    ApprovalService decidedMeanwhile = engine((runId, decision, approve) -> {
      calls.incrementAndGet();
      new Approvals(db.dataSource()).decide(runId, "APPROVED", "bob", "decided first, from another tab");
      throw notWaiting(runId);
    });
    refused(() -> decidedMeanwhile.decide(bob, "run-2", true, "lgtm"), ErrorKind.CONFLICT,
        "is not waiting for approval");
    assertThat(calls).hasValue(1);
    // a refusal on another rule is never sent again
    calls.set(0);
    ApprovalService fourEyes = engine((runId, decision, approve) -> {
      calls.incrementAndGet();
      throw new ApprovalRefusedException(ApprovalRefusedException.Violation.FOUR_EYES, "four eyes");
    });
    new Approvals(db.dataSource()).open("run-1", "rrna", 1, "production", "alice", "approver",
        Instant.parse("2027-01-01T00:00:00Z"));
    refused(() -> fourEyes.decide(bob, "run-1", true, "lgtm"), ErrorKind.FORBIDDEN, "four eyes");
    assertThat(calls).hasValue(1);
  }

  private ApprovalService engine(ApprovalService.TemporalDecider decider) {
    return new ApprovalService(new Approvals(db.dataSource()), new LifecycleRuns(db.dataSource()),
        Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), () -> {
          throw new AssertionError("not a Camunda run");
        }, decider);
  }

  private static ApprovalRefusedException notWaiting(String runId) {
    return new ApprovalRefusedException(ApprovalRefusedException.Violation.NOT_WAITING,
        "run " + runId + " is not waiting for approval (it is RUNNING)");
  }

  private static void refused(Runnable call, ErrorKind kind, String message) {
    assertThatThrownBy(call::run).isInstanceOf(ServiceException.class).hasMessageContaining(message)
        .extracting(e -> ((ServiceException) e).kind()).isEqualTo(kind);
  }
}
