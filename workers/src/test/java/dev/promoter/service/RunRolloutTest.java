package dev.promoter.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.RunJson;
import dev.promoter.workflows.rollout.Gates;
import dev.promoter.workflows.rollout.Rollout;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollout a run page shows beside its figures is read back from what each engine's start
 * recorded in the registry (a Temporal request, a Camunda process's variables), on real Postgres.
 */
class RunRolloutTest {
  private EmbeddedPostgres postgres;
  private RegistryDatabase db;
  private LifecycleRuns runs;
  private LifecycleService service;

  @BeforeEach
  void open() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    db = RegistryDatabase.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 2);
    runs = new LifecycleRuns(db.dataSource());
    service = new LifecycleService(() -> {
      throw new AssertionError("reading a run's rollout must not dial the engine");
    }, null, runs);
  }

  @AfterEach
  void close() throws IOException {
    db.close();
    postgres.close();
  }

  @Test
  void eachEnginesRecordedRequestGivesBackItsRolloutAndADirectRunNone() {
    Rollout canary = new Rollout(Rollout.CANARY, List.of(10, 50, 100), Duration.ofMinutes(3),
        new Gates(0.02, 100.0, 0.95, 0.85, 30, 40), null);
    runs.started("t-canary", "LIFECYCLE", "rrna", "alice", RunJson.request(request(canary)));
    runs.started("c-canary", "LIFECYCLE", "rrna", "alice",
        LifecycleVariables.json(LifecycleVariables.of("c-canary", request(canary))), "camunda");
    runs.started("t-direct", "LIFECYCLE", "rrna", "alice", RunJson.request(request(null)));
    runs.started("c-direct", "LIFECYCLE", "rrna", "alice",
        LifecycleVariables.json(LifecycleVariables.of("c-direct", request(null))), "camunda");
    runs.started("unrecorded", "LIFECYCLE", "rrna", "alice", "{}");
    runs.started("odd-shape", "LIFECYCLE", "rrna", "alice", "{\"candidates\": 7}");

    for (String id : List.of("t-canary", "c-canary")) {
      Rollout read = service.rollout(runs.get(id)).orElseThrow();
      assertThat(read.strategy()).as(id).isEqualTo("canary");
      assertThat(read.steps()).as(id).containsExactly(10, 50, 100);
      assertThat(read.bake()).as(id).isEqualTo(Duration.ofMinutes(3));
      assertThat(read.gates()).as(id).isEqualTo(canary.gates());
    }
    for (String id : List.of("t-direct", "c-direct", "unrecorded", "odd-shape")) {
      assertThat(service.rollout(runs.get(id))).as(id).isEmpty();
    }
  }

  private static LifecycleRequest request(Rollout rollout) {
    return new LifecycleRequest("rrna", "data/rrna", List.of(new CandidateConfig("lr", "logreg", null, Map.of())),
        "macro_f1", 0.5, 0.0, new ApprovalPolicy("approver", Duration.ofDays(7)), "alice", null, rollout);
  }
}
