package dev.promoter.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.ServingReplicas;
import dev.promoter.registry.TestPostgres;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.Warmth;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blue-green warm-up check as an activity over a real Postgres, with replicas' reports
 * written by the test the way serving writes them.
 */
class WarmCheckTest {
  private final RegistryDatabase db = TestPostgres.freshDatabase();
  private final ServingReplicas replicas = new ServingReplicas(db.dataSource());
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  private final RolloutActivities activities;

  WarmCheckTest() {
    env.registerActivitiesImplementations(new RolloutActivitiesImpl(db.dataSource(), Duration.ofSeconds(5),
        Duration.ofMillis(50)));
    activities = env.newActivityStub(RolloutActivities.class, io.temporal.activity.ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1)).build());
  }

  @AfterEach
  void close() {
    env.close();
    db.close();
  }

  private void report(String replica, String state) {
    replicas.report(replica, Instant.now(), state == null ? List.of()
        : List.of(new ServingReplicas.Loaded("rrna", 3, state, null, Instant.now())));
  }

  @Test
  void waitsUntilEveryLiveReplicaHasTheVersionWarm() throws Exception {
    report("replica-a", "WARM");
    report("replica-b", "LOADING");
    CompletableFuture<Warmth> waited = CompletableFuture.supplyAsync(() -> activities.awaitWarm("rrna", 3, 30_000));
    // the check is still waiting for replica-b; it finishes loading and reports
    long deadline = System.currentTimeMillis() + 5_000;
    while (!waited.isDone() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      report("replica-a", "ACTIVE");
      report("replica-b", System.currentTimeMillis() + 4_000 > deadline ? "WARM" : "LOADING");
    }
    Warmth w = waited.get();
    assertThat(w.ready()).as(w.toString()).isTrue();
    assertThat(w).isEqualTo(new Warmth(2, 2, List.of(), false));
  }

  @Test
  void givesUpAtItsTimeoutOrAtOnceWhenTheVersionFailed() {
    report("replica-a", "WARM");
    report("replica-b", null);
    Warmth cold = activities.awaitWarm("rrna", 3, 300);
    assertThat(cold).isEqualTo(new Warmth(2, 1, List.of("replica-b: not loaded"), false));
    replicas.report("replica-b", Instant.now(), List.of(new ServingReplicas.Loaded("rrna", 3, "FAILED",
        "rrna v3 cannot serve: digest mismatch", null)));
    Warmth failed = activities.awaitWarm("rrna", 3, 60_000);
    assertThat(failed.failed()).isTrue();
    assertThat(failed.waiting()).containsExactly("replica-b: FAILED: rrna v3 cannot serve: digest mismatch");
  }

  @Test
  void withNoLiveReplicaThereIsNothingToWaitFor() {
    assertThat(activities.awaitWarm("rrna", 3, 60_000)).isEqualTo(new Warmth(0, 0, List.of(), false));
  }
}
