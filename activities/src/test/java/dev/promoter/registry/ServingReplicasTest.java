package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Serving replicas' reports of what they have loaded, on a real Postgres. */
class ServingReplicasTest {
  private RegistryDatabase db;
  private ServingReplicas replicas;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    replicas = new ServingReplicas(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachReportReplacesTheReplicasLastAndEveryLiveReplicaIsListed() {
    Instant start = Instant.parse("2026-11-29T10:00:00Z");
    replicas.report("replica-a", start, List.of(new ServingReplicas.Loaded("rrna", 2, "ACTIVE", null, start),
        new ServingReplicas.Loaded("rrna", 3, "LOADING", null, null)));
    replicas.report("replica-b", start, List.of(new ServingReplicas.Loaded("rrna", 2, "ACTIVE", null, start)));
    assertThat(replicas.of("rrna", 3, Duration.ofSeconds(5))).containsExactly(
        new ServingReplicas.Seen("replica-a", "LOADING", null), new ServingReplicas.Seen("replica-b", null, null));

    replicas.report("replica-a", start, List.of(new ServingReplicas.Loaded("rrna", 3, "WARM", null, start)));
    replicas.report("replica-b", start, List.of(new ServingReplicas.Loaded("rrna", 3, "FAILED", "digest mismatch", null)));
    assertThat(replicas.of("rrna", 3, Duration.ofSeconds(5))).containsExactly(
        new ServingReplicas.Seen("replica-a", "WARM", null), new ServingReplicas.Seen("replica-b", "FAILED", "digest mismatch"));
    // v2 is gone from replica-a's report: replaced, not merged
    assertThat(replicas.of("rrna", 2, Duration.ofSeconds(5))).extracting(ServingReplicas.Seen::state)
        .containsExactly(null, null);
  }

  @Test
  void aReplicaUnseenForTheLiveWindowOrStoppedIsNotWaitedFor() throws Exception {
    Instant start = Instant.now();
    replicas.report("replica-a", start, List.of(new ServingReplicas.Loaded("rrna", 3, "WARM", null, start)));
    replicas.report("replica-b", start, List.of());
    Thread.sleep(300); // the database's clock moves on; replica-b reports again, replica-a does not
    replicas.report("replica-b", start, List.of());
    assertThat(replicas.of("rrna", 3, Duration.ofMillis(200))).extracting(ServingReplicas.Seen::replica)
        .containsExactly("replica-b");
    replicas.forget("replica-b");
    replicas.forget("replica-b");
    assertThat(replicas.of("rrna", 3, Duration.ofMillis(200))).isEmpty();
    assertThat(replicas.of("rrna", 3, Duration.ofMinutes(1))).extracting(ServingReplicas.Seen::replica)
        .containsExactly("replica-a");
  }

  @Test
  void aNamelessReplicaIsRefused() {
    assertThatThrownBy(() -> replicas.report(" ", Instant.now(), List.of()))
        .isInstanceOf(RegistryException.class).hasMessage("a replica name must be 1-200 characters");
  }
}
