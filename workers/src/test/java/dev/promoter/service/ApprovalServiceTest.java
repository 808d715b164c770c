package dev.promoter.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.identity.TestRegistry;
import dev.promoter.registry.Approvals;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.registry.Principals;
import dev.promoter.registry.RegistryDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
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

  private static void refused(Runnable call, ErrorKind kind, String message) {
    assertThatThrownBy(call::run).isInstanceOf(ServiceException.class).hasMessageContaining(message)
        .extracting(e -> ((ServiceException) e).kind()).isEqualTo(kind);
  }
}
