package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registration, promotion, rollback and their refusals, on a real Postgres. */
class ModelRegistryTest {
  private RegistryDatabase db;
  private ModelRegistry registry;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    registry = new ModelRegistry(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void registrationIsIdempotentByKeyAndNumbersAreGapFree() {
    assertThat(registry.register(Versions.of("rrna", "k1"))).isEqualTo(1);
    assertThat(registry.register(Versions.of("rrna", "k1"))).isEqualTo(1);
    assertThat(registry.register(Versions.of("rrna", "k2"))).isEqualTo(2);
    // a failed registration must not burn a number
    NewVersion bad = new NewVersion("rrna", "k3", "file:/x", Versions.sha("k3"), "tribuo",
        java.util.Map.of(), java.util.Map.of(), "not json", Lineage.NONE, "alice");
    assertThatThrownBy(() -> registry.register(bad)).hasMessageContaining("provenance is not valid JSON");
    assertThat(registry.register(Versions.of("rrna", "k4"))).isEqualTo(3);
    assertThat(registry.versions("rrna")).extracting(ModelVersion::version).containsExactly(1, 2, 3);
    assertThat(registry.audit("rrna")).filteredOn(e -> e.action().equals("register")).hasSize(3);
  }

  @Test
  void sameKeyWithOtherBytesIsRefused() {
    registry.register(Versions.of("rrna", "k1"));
    NewVersion other = new NewVersion("rrna", "k1", "file:/y", Versions.sha("other"), "tribuo",
        null, null, null, null, "alice");
    assertThatThrownBy(() -> registry.register(other))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("idempotency key 'k1' already registered version 1")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.CONFLICT);
  }

  @Test
  void storesMetricsParamsProvenanceAndLineage() {
    registry.register(Versions.of("rrna", "k1"));
    ModelVersion v = registry.version("rrna", 1);
    assertThat(v.metrics()).containsEntry("macro_f1", 0.97);
    assertThat(v.params()).containsEntry("trainer", "logreg");
    assertThat(v.provenanceJson()).contains("sgd");
    assertThat(v.lineage().parentRun()).isEqualTo("run-k1");
    assertThat(v.status()).isEqualTo(VersionStatus.REGISTERED);
    assertThat(v.createdBy()).isEqualTo("alice");
  }

  @Test
  void promotionMovesAliasArchivesPreviousAndAudits() {
    registry.register(Versions.of("rrna", "k1"));
    registry.register(Versions.of("rrna", "k2"));
    AliasMove first = registry.promote("rrna", 1, "production", "bob", "first release");
    assertThat(first.fromVersion()).isNull();
    AliasMove second = registry.promote("rrna", 2, "production", "bob", "better F1");
    assertThat(second.fromVersion()).isEqualTo(1);
    assertThat(registry.version("rrna", 1).status()).isEqualTo(VersionStatus.ARCHIVED);
    assertThat(registry.version("rrna", 2).status()).isEqualTo(VersionStatus.ACTIVE);
    assertThat(registry.holder("rrna", "production").version()).isEqualTo(2);
    assertThat(registry.models()).singleElement()
        .satisfies(m -> assertThat(m.aliases()).containsEntry("production", 2));
    AuditEntry last = registry.audit("rrna").getLast();
    assertThat(last).extracting(AuditEntry::action, AuditEntry::version, AuditEntry::fromVersion,
        AuditEntry::actor, AuditEntry::reason).containsExactly("promote", 2, 1, "bob", "better F1");
  }

  @Test
  void promotingTheHolderAgainChangesNothing() {
    registry.register(Versions.of("rrna", "k1"));
    registry.promote("rrna", 1, "production", "bob", "release");
    int auditRows = registry.audit("rrna").size();
    AliasMove again = registry.promote("rrna", 1, "production", "bob", "retry");
    assertThat(again.changed()).isFalse();
    assertThat(registry.audit("rrna")).hasSize(auditRows);
  }

  @Test
  void aVersionMayHoldSeveralAliasesAndStaysActiveWhileItHoldsOne() {
    registry.register(Versions.of("rrna", "k1"));
    registry.register(Versions.of("rrna", "k2"));
    registry.promote("rrna", 1, "staging", "bob", "stage");
    registry.promote("rrna", 1, "production", "bob", "ship");
    registry.promote("rrna", 2, "staging", "bob", "stage next");
    assertThat(registry.version("rrna", 1).status()).isEqualTo(VersionStatus.ACTIVE);
    assertThat(registry.version("rrna", 1).aliases()).containsExactly("production");
  }

  @Test
  void rollbackWalksBackThroughTheAuditHistory() {
    for (int i = 1; i <= 3; i++) {
      registry.register(Versions.of("rrna", "k" + i));
      registry.promote("rrna", i, "production", "bob", "release " + i);
    }
    assertThat(registry.rollback("rrna", "production", "carol", "v3 misbehaves").toVersion()).isEqualTo(2);
    assertThat(registry.rollback("rrna", "production", "carol", "v2 too").toVersion()).isEqualTo(1);
    assertThat(registry.holder("rrna", "production").version()).isEqualTo(1);
    assertThatThrownBy(() -> registry.rollback("rrna", "production", "carol", "again"))
        .hasMessageContaining("no earlier holder");
    // a new promotion after rollbacks starts a new history on top of what is left
    registry.promote("rrna", 3, "production", "bob", "fixed v3");
    assertThat(registry.rollback("rrna", "production", "carol", "no").toVersion()).isEqualTo(1);
    assertThat(registry.version("rrna", 3).status()).isEqualTo(VersionStatus.ARCHIVED);
  }

  @Test
  void rollbackSkipsRejectedVersions() {
    for (int i = 1; i <= 3; i++) {
      registry.register(Versions.of("rrna", "k" + i));
      registry.promote("rrna", i, "production", "bob", "release " + i);
    }
    registry.reject("rrna", 2, "carol", "found a data leak in v2");
    assertThat(registry.rollback("rrna", "production", "carol", "v3 bad").toVersion()).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWithAClearMessageAndChangesNothing() {
    registry.register(Versions.of("rrna", "k1"));
    registry.register(Versions.of("rrna", "k2"));
    registry.reject("rrna", 2, "carol", "fails the smoke test");
    List<AuditEntry> before = registry.audit("rrna");

    assertRefused(() -> registry.promote("nope", 1, "production", "bob", "x"),
        RegistryException.Reason.NOT_FOUND, "unknown model 'nope'");
    assertRefused(() -> registry.promote("rrna", 9, "production", "bob", "x"),
        RegistryException.Reason.NOT_FOUND, "has no version 9");
    assertRefused(() -> registry.promote("rrna", 2, "production", "bob", "x"),
        RegistryException.Reason.CONFLICT, "was rejected");
    assertRefused(() -> registry.promote("bad name!", 1, "production", "bob", "x"),
        RegistryException.Reason.INVALID, "invalid model name 'bad name!'");
    assertRefused(() -> registry.promote("rrna", 1, "Prod Uction", "bob", "x"),
        RegistryException.Reason.INVALID, "invalid alias");
    assertRefused(() -> registry.promote("rrna", 1, "production", " ", "x"),
        RegistryException.Reason.INVALID, "an actor is required");
    assertRefused(() -> registry.promote("rrna", 1, "production", "bob", ""),
        RegistryException.Reason.INVALID, "a reason is required");
    assertRefused(() -> registry.rollback("rrna", "production", "bob", "x"),
        RegistryException.Reason.NOT_FOUND, "has no alias 'production'");
    assertRefused(() -> registry.promote("rrna", 0, "production", "bob", "x"),
        RegistryException.Reason.INVALID, "versions start at 1");

    assertThat(registry.audit("rrna")).isEqualTo(before);
    assertThat(registry.version("rrna", 1).status()).isEqualTo(VersionStatus.REGISTERED);
    assertThat(registry.models().getFirst().aliases()).isEmpty();
  }

  @Test
  void aDecisionOnAStaleViewIsRefused() {
    registry.register(Versions.of("rrna", "k1"));
    registry.register(Versions.of("rrna", "k2"));
    registry.register(Versions.of("rrna", "k3"));
    registry.promote("rrna", 1, "production", "bob", "v1");
    registry.promote("rrna", 2, "production", "bob", "v2");
    // carol looked when v2 held production; bob promoted v3 meanwhile
    registry.promote("rrna", 3, "production", "bob", "v3");
    assertRefused(() -> registry.rollback("rrna", "production", "carol", "v2 is bad", 2),
        RegistryException.Reason.CONFLICT, "is now held by version 3, not version 2");
    assertThat(registry.holder("rrna", "production").version()).isEqualTo(3);
  }

  @Test
  void rejectingAVersionThatHoldsAnAliasGivesTheAliasBackAndARollbackNeverRestoresIt() {
    registry.register(Versions.of("rrna", "k1"));
    registry.register(Versions.of("rrna", "k2"));
    registry.promote("rrna", 1, "production", "bob", "v1");
    // v2 waits for review in staging; someone promotes it by hand meanwhile
    registry.promote("rrna", 2, "staging", "promoter", "staged");
    registry.promote("rrna", 2, "production", "alice", "hand-promoted while waiting");
    registry.reject("rrna", 2, "carol", "reviewer rejects");

    assertThat(registry.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(registry.version("rrna", 2).status()).isEqualTo(VersionStatus.REJECTED);
    assertThat(registry.version("rrna", 2).aliases()).isEmpty();
    assertThat(registry.audit("rrna")).extracting(AuditEntry::action)
        .containsSubsequence("withdraw", "withdraw", "reject");
    // production is back on v1, and v1 is the first holder: nothing older to roll back to
    assertRefused(() -> registry.rollback("rrna", "production", "bob", "again"),
        RegistryException.Reason.CONFLICT, "has no earlier holder");
    registry.reject("rrna", 2, "carol", "again");   // idempotent
  }

  @Test
  void operatorMovesAreAuditedAsSuchAndModelsAndAuditArePaged() {
    for (int i = 0; i < 7; i++) {
      registry.register(Versions.of("m" + i, "k" + i));
    }
    registry.promoteAsOperator("m3", 1, "production", "ops", "hotfix", 0);
    registry.promote("m4", 1, "production", "promoter", "a lifecycle's promotion");
    assertThat(registry.audit("m3").getLast()).extracting(AuditEntry::actor, AuditEntry::operator)
        .containsExactly("ops", true);
    assertThat(registry.audit("m4").getLast().operator()).isFalse();
    Page<ModelSummary> page = registry.models(1, 3);
    assertThat(page.total()).isEqualTo(7);
    assertThat(page.items()).extracting(ModelSummary::name).containsExactly("m3", "m4", "m5");
    assertThat(page.items().getFirst().aliases()).containsEntry("production", 1);
    assertThat(registry.audit("m3", 0, 1).total()).isEqualTo(registry.audit("m3").size());
    assertThat(registry.audit("m3", 0, 1).items()).hasSize(1);
    Slice<ModelSummary> first = registry.modelsAfter("", 4);
    assertThat(first.items()).extracting(ModelSummary::name).containsExactly("m0", "m1", "m2", "m3");
    assertThat(first.next()).isEqualTo("m3");
    assertThat(first.items().get(3).aliases()).containsEntry("production", 1);
    Slice<ModelSummary> last = registry.modelsAfter(first.next(), 4);
    assertThat(last.items()).extracting(ModelSummary::name).containsExactly("m4", "m5", "m6");
    assertThat(last.next()).isNull();
    assertRefused(() -> registry.models(0, 0), RegistryException.Reason.INVALID, "size must be");
    assertRefused(() -> registry.models(-1, 5), RegistryException.Reason.INVALID, "page must be");
  }

  private static void assertRefused(Runnable call, RegistryException.Reason reason, String message) {
    assertThatThrownBy(call::run).isInstanceOf(RegistryException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(reason);
  }
}
