package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs whose workflow is gone end LOST, in one transaction, on a real Postgres. */
class LostRunsTest {
  private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");
  private RegistryDatabase db;
  private ModelRegistry models;
  private LifecycleRuns runs;
  private Approvals approvals;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    models = new ModelRegistry(db.dataSource());
    runs = new LifecycleRuns(db.dataSource());
    approvals = new Approvals(db.dataSource());
    new Principals(db.dataSource()).seed(Map.of("alice", Set.of("submitter"), "bob", Set.of("approver")));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aLostRunWaitingForApprovalEndsWithItsRequestAndItsStagedVersion() {
    // v1 holds staging from an older run; run-k2 registered v2, staged it and waits for approval
    models.register(Versions.of("rrna", "k1"));
    models.promote("rrna", 1, "staging", "alice", "older run");
    runs.started("run-k2", "LIFECYCLE", "rrna", "alice", "{}");
    models.register(Versions.of("rrna", "k2"));
    models.promote("rrna", 2, "staging", "promoter", "run-k2 staged it");
    approvals.open("run-k2", "rrna", 2, "production", "alice", "approver", EXPIRES);
    runs.status("run-k2", "AWAITING_APPROVAL", null);
    runs.started("run-k3", "LIFECYCLE", "rrna", "alice", "{}");
    runs.started("run-done", "LIFECYCLE", "rrna", "alice", "{}");
    runs.status("run-done", "NOT_PROMOTED", "{}");

    assertThat(runs.open()).extracting(RunSummary::runId).containsExactly("run-k2", "run-k3");
    int auditBefore = models.audit("rrna").size();

    assertThat(runs.markLost("run-k2", "the server restarted")).isTrue();

    RunSummary lost = runs.get("run-k2");
    assertThat(lost.status()).isEqualTo("LOST");
    assertThat(lost.endedAt()).isNotNull();
    assertThat(lost.resultJson()).contains("\"verdict\": \"the server restarted\"").contains("\"version\": 2");
    assertThat(approvals.pending()).isEmpty();
    assertThat(models.version("rrna", 2).status()).isEqualTo(VersionStatus.REJECTED);
    assertThat(models.holder("rrna", "staging").version()).as("staging back to its previous holder").isEqualTo(1);
    List<AuditEntry> added = models.audit("rrna").subList(auditBefore, models.audit("rrna").size());
    assertThat(added).extracting(AuditEntry::action)
        .containsExactly("withdraw-approval", "withdraw", "reject", "lose-run");
    assertThat(added).extracting(AuditEntry::actor).containsOnly("promoter");
    assertThatThrownBy(() -> approvals.decide("run-k2", "APPROVED", "bob", "too late"))
        .hasMessageContaining("already WITHDRAWN");

    // idempotent: nothing more happens
    assertThat(runs.markLost("run-k2", "again")).isFalse();
    assertThat(models.audit("rrna")).hasSize(auditBefore + 4);
    assertThat(runs.markLost("run-done", "not open")).isFalse();
    assertThat(runs.get("run-done").status()).isEqualTo("NOT_PROMOTED");

    // a run lost before it registered anything just ends
    assertThat(runs.markLost("run-k3", "the server restarted")).isTrue();
    assertThat(runs.get("run-k3").status()).isEqualTo("LOST");
    assertThat(runs.open()).isEmpty();
  }

  @Test
  void productionIsNeverTakenFromALostRunsVersion() {
    runs.started("run-k1", "LIFECYCLE", "rrna", "alice", "{}");
    models.register(Versions.of("rrna", "k1"));
    models.promote("rrna", 1, "staging", "promoter", "staged");
    models.promote("rrna", 1, "production", "bob", "approved");

    assertThat(runs.markLost("run-k1", "the server restarted")).isTrue();

    ModelVersion v1 = models.version("rrna", 1);
    assertThat(v1.aliases()).containsExactly("production");
    assertThat(v1.status()).isEqualTo(VersionStatus.ACTIVE);
  }

  @Test
  void anUnknownRunIsNotFound() {
    assertThatThrownBy(() -> runs.markLost("nope", "gone"))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND));
  }
}
