package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Principals, runs, approvals, experiments and withdrawal, on a real Postgres. */
class LifecycleRegistryTest {
  private RegistryDatabase db;
  private ModelRegistry models;
  private LifecycleRuns runs;
  private Approvals approvals;
  private Principals principals;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    models = new ModelRegistry(db.dataSource());
    runs = new LifecycleRuns(db.dataSource());
    approvals = new Approvals(db.dataSource());
    principals = new Principals(db.dataSource());
    principals.seed(Map.of("alice", Set.of("submitter", "approver"), "bob", Set.of("approver"),
        "carol", Set.of("submitter")));
    models.register(Versions.of("rrna", "k1"));
    runs.started("run-1", "LIFECYCLE", "rrna", "alice", "{\"candidates\":3}");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void principalsAreSeededAndReseeded() {
    assertThat(principals.withRole("approver")).containsExactly("alice", "bob");
    principals.seed(Map.of("bob", Set.of("admin")));
    assertThat(principals.withRole("approver")).containsExactly("alice");
    assertThat(principals.has("bob", "admin")).isTrue();
    assertThatThrownBy(() -> principals.seed(Map.of("x y", Set.of("approver"))))
        .hasMessageContaining("invalid principal name 'x y'");
  }

  @Test
  void runsAreIndexedIdempotentlyAndEndWithTheirResult() {
    runs.started("run-1", "LIFECYCLE", "rrna", "alice", "{}");
    runs.status("run-1", "AWAITING_APPROVAL", null);
    assertThat(runs.get("run-1").endedAt()).isNull();
    runs.status("run-1", "PROMOTED", "{\"version\":1}");
    RunSummary run = runs.get("run-1");
    assertThat(run.status()).isEqualTo("PROMOTED");
    assertThat(run.endedAt()).isNotNull();
    assertThat(run.resultJson()).contains("\"version\": 1");
    assertThat(runs.recent(10)).extracting(RunSummary::runId).containsExactly("run-1");
    assertThatThrownBy(() -> runs.get("nope")).hasMessageContaining("unknown run 'nope'");
    assertThatThrownBy(() -> runs.started("r2", "PARTY", "rrna", "alice", "{}"))
        .hasMessageContaining("unknown run kind");
  }

  @Test
  void approvalsOpenOnceListPendingAndRecordOneDecision() {
    Instant expires = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(approvals.open("run-1", "rrna", 1, "production", "alice", "approver", expires))
        .containsExactly("bob");
    approvals.open("run-1", "rrna", 1, "production", "alice", "approver", expires);
    assertThat(runs.get("run-1").status()).isEqualTo("AWAITING_APPROVAL");
    assertThat(approvals.pending()).singleElement()
        .satisfies(p -> assertThat(p).extracting(PendingApproval::runId, PendingApproval::version,
            PendingApproval::requestedBy).containsExactly("run-1", 1, "alice"));

    approvals.decide("run-1", "APPROVED", "bob", "looks right");
    approvals.decide("run-1", "APPROVED", "bob", "looks right");
    assertThat(approvals.pending()).isEmpty();
    assertThat(runs.get("run-1").status()).isEqualTo("RUNNING");
    assertThatThrownBy(() -> approvals.decide("run-1", "REJECTED", "bob", "changed my mind"))
        .hasMessageContaining("was already APPROVED");
    assertThat(models.audit("rrna")).extracting(AuditEntry::action)
        .containsExactly("register", "request-approval", "approved");
    assertThatThrownBy(() -> approvals.decide("run-9", "APPROVED", "bob", "x"))
        .hasMessageContaining("run 'run-9' has no approval request");
  }

  @Test
  void theRegistryAppliesTheApprovalRuleItselfWhateverEngineAsks() {
    approvals.open("run-1", "rrna", 1, "production", "alice", "approver", Instant.parse("2030-01-01T00:00:00Z"));
    assertThatThrownBy(() -> approvals.decide("run-1", "APPROVED", "alice", "mine"))
        .isInstanceOf(RegistryException.class).hasMessageContaining("(four eyes)")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.FORBIDDEN);
    assertThatThrownBy(() -> approvals.decide("run-1", "APPROVED", "mallory", "lgtm"))
        .hasMessageContaining("mallory does not hold the 'approver' role")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.FORBIDDEN);
    assertThat(approvals.pending()).hasSize(1);

    runs.started("run-2", "LIFECYCLE", "rrna", "alice", "{}");
    approvals.open("run-2", "rrna", 1, "production", "alice", "approver", Instant.parse("2001-01-01T00:00:00Z"));
    assertThatThrownBy(() -> approvals.decide("run-2", "APPROVED", "bob", "late"))
        .hasMessageContaining("expired at 2001-01-01T00:00:00Z")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.CONFLICT);
    approvals.decide("run-2", "EXPIRED", "promoter", "no decision in time");
    assertThat(models.audit("rrna")).extracting(AuditEntry::action).doesNotContain("approved");
  }

  @Test
  void withdrawRestoresThePreviousHolderOrUnsetsAndRejects() {
    models.register(Versions.of("rrna", "k2"));
    models.register(Versions.of("rrna", "k3"));
    models.promote("rrna", 1, "staging", "ci", "stage v1");
    models.promote("rrna", 2, "staging", "ci", "stage v2");
    models.withdraw("rrna", 2, "staging", "ci", "smoke check failed");
    assertThat(models.holder("rrna", "staging").version()).isEqualTo(1);
    assertThat(models.version("rrna", 2).status()).isEqualTo(VersionStatus.REJECTED);
    models.withdraw("rrna", 2, "staging", "ci", "retry");
    assertThat(models.audit("rrna")).filteredOn(e -> e.action().equals("withdraw")).hasSize(1);

    models.promote("rrna", 3, "canary", "ci", "canary v3");
    models.withdraw("rrna", 3, "canary", "ci", "no earlier holder");
    assertThatThrownBy(() -> models.holder("rrna", "canary")).hasMessageContaining("has no alias 'canary'");
    assertThat(models.version("rrna", 3).status()).isEqualTo(VersionStatus.REJECTED);
    // history stays consistent: staging can still be rolled back... to nothing earlier
    assertThatThrownBy(() -> models.rollback("rrna", "staging", "ci", "x"))
        .hasMessageContaining("no earlier holder");
  }

  @Test
  void promoteCanRequireTheAliasToBeUnset() {
    models.register(Versions.of("rrna", "k2"));
    models.promote("rrna", 1, "production", "ci", "first", 0);
    assertThatThrownBy(() -> models.promote("rrna", 2, "production", "ci", "second", 0))
        .hasMessageContaining("is now held by version 1, not unset");
  }

  @Test
  void experimentsKeepEveryCandidateOnce() {
    Experiments experiments = new Experiments(db.dataSource());
    Experiments.Candidate c = new Experiments.Candidate("run-1", "logreg", "logreg", "tribuo",
        "file:/a", Versions.sha("a"), Map.of("macro_f1", 0.98), Map.of("k", "6"), "d");
    experiments.record(c);
    experiments.record(c);
    assertThat(experiments.of("run-1")).containsExactly(c);
  }
}
