package dev.promoter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.cli.StackProperties;
import dev.promoter.registry.Approvals;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.registry.Principals;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RunSummary;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconciliation against a real (embedded) Postgres registry. */
class RunReconcilerTest {
  private EmbeddedPostgres postgres;
  private RegistryDatabase db;
  private LifecycleRuns runs;

  @BeforeEach
  void open() throws IOException {
    postgres = EmbeddedPostgres.builder().setPort(StackProperties.freePort()).start();
    db = RegistryDatabase.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4);
    runs = new LifecycleRuns(db.dataSource());
  }

  @AfterEach
  void close() throws IOException {
    db.close();
    postgres.close();
  }

  @Test
  void endsEveryOpenRunWhoseWorkflowIsGoneAndOnlyThose() {
    ModelRegistry models = new ModelRegistry(db.dataSource());
    new Principals(db.dataSource()).seed(Map.of("alice", Set.of("submitter"), "bob", Set.of("approver")));
    runs.started("waiting", "LIFECYCLE", "rrna", "alice", "{}");
    models.register(new NewVersion("rrna", "waiting/register", "file:/a", "a".repeat(64), "tribuo",
        Map.of("macro_f1", 0.95), Map.of(), "{}", new Lineage("d", "test", "waiting"), "alice"));
    models.promote("rrna", 1, "staging", "promoter", "staged");
    new Approvals(db.dataSource()).open("waiting", "rrna", 1, "production", "alice", "approver",
        Instant.parse("2030-01-01T00:00:00Z"));
    runs.status("waiting", "AWAITING_APPROVAL", null);
    runs.started("training", "LIFECYCLE", "rrna", "alice", "{}");
    runs.started("alive", "LIFECYCLE", "rrna", "alice", "{}");
    runs.started("ended", "LIFECYCLE", "rrna", "alice", "{}");
    runs.status("ended", "PROMOTED", "{}");

    List<String> asked = new ArrayList<>();
    int ended = new RunReconciler(runs).reconcile(id -> {
      asked.add(id);
      return id.equals("alive");
    });

    assertThat(ended).isEqualTo(2);
    assertThat(asked).containsExactlyInAnyOrder("waiting", "training", "alive");
    assertThat(runs.get("waiting").status()).isEqualTo("LOST");
    assertThat(runs.get("training").status()).isEqualTo("LOST");
    assertThat(runs.get("alive").status()).isEqualTo("RUNNING");
    assertThat(runs.get("ended").status()).isEqualTo("PROMOTED");
    assertThat(models.version("rrna", 1).aliases()).doesNotContain("staging");
    assertThat(new Approvals(db.dataSource()).pending()).isEmpty();
    assertThat(runs.open()).extracting(RunSummary::runId).containsExactly("alive");

    assertThat(new RunReconciler(runs).reconcile(id -> false)).isEqualTo(1);
    assertThat(new RunReconciler(runs).reconcile(id -> false)).isZero();
  }

  @Test
  void aRunIsNotEndedWhenTemporalCannotSay() {
    runs.started("unknown", "LIFECYCLE", "rrna", "alice", "{}");
    assertThatThrownBy(() -> new RunReconciler(runs).reconcile(id -> {
      throw new IllegalStateException("Temporal is unreachable");
    })).hasMessageContaining("unreachable");
    assertThat(runs.get("unknown").status()).isEqualTo("RUNNING");
  }
}
