package dev.promoter.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.engine.CamundaLifecycles;
import dev.promoter.cli.StackProperties;
import dev.promoter.client.PromoterClient;
import dev.promoter.identity.TestRegistry;
import dev.promoter.registry.AliasMove;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.stack.EmbeddedTemporalServer;
import dev.promoter.stack.PromoterProperties;
import dev.promoter.stack.TemporalConnection;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import dev.promoter.workflows.lifecycle.RunJson;
import dev.promoter.workflows.rollout.Rollout;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operator's move of {@code production} wakes the model's open blue-green runs, and only those,
 * on a real Temporal server (the app's embedded one) and a real registry: the workflows here are
 * started on a task queue nobody polls, so the signal stays in their histories for the test to
 * read. A wake that cannot reach its engine leaves the rollback done and answered.
 */
class BlueGreenWakeupsTest {
  private static final Actor ADA = new Actor("ada", Set.of("admin"));
  private RegistryDatabase db;
  private ModelRegistry registry;
  private LifecycleRuns runs;
  private EmbeddedTemporalServer server;
  private TemporalConnection temporal;
  private WorkflowClient client;

  @BeforeEach
  void open() throws java.io.IOException {
    db = TestRegistry.fresh();
    registry = new ModelRegistry(db.dataSource());
    runs = new LifecycleRuns(db.dataSource());
    for (int v = 1; v <= 2; v++) {
      registry.register(new NewVersion("rrna", "seed-" + v + "/register", "file:/a" + v, "a".repeat(64), "tribuo",
          Map.of("macro_f1", 0.9), Map.of(), "{}", new Lineage("d".repeat(64), "test", "seed-" + v), "alice"));
      registry.promote("rrna", v, "production", "alice", "v" + v + " takes production");
    }
    int port = StackProperties.freePort();
    server = EmbeddedTemporalServer.startOrAttach(port);
    temporal = TemporalConnection.connect(server.address(),
        new PromoterProperties.Temporal("", "default", false, null, null, null, port));
    client = temporal.client();
  }

  @AfterEach
  void close() {
    temporal.close();
    server.close();
    db.close();
  }

  @Test
  void aRollbackOrAPromotionOfProductionSignalsTheModelsOpenBlueGreenRunsAndNoOthers() {
    temporalRun("bg-open", request("rrna", "blue-green"));
    temporalRun("canary-open", request("rrna", "canary"));
    temporalRun("bg-other-model", request("other", "blue-green"));
    temporalRun("bg-ended", request("rrna", "blue-green"));
    runs.status("bg-ended", "PROMOTED", "{}");
    ModelService models = service(() -> new PromoterClient(client, db.dataSource(), Map.of("cpu", "nobody")),
        () -> {
          throw new AssertionError("no Camunda run is open: Camunda must not be asked");
        });

    AliasMove back = models.rollback(ADA, "rrna", "production", "v2 misbehaves", 2);
    assertThat(back.toVersion()).isEqualTo(1);
    assertThat(signals("bg-open")).isEqualTo(1);
    assertThat(signals("canary-open")).isZero();
    assertThat(signals("bg-other-model")).isZero();

    // a promotion by hand moves production off a run's version too; staging moves nobody's window
    models.promote(ADA, "rrna", "production", 2, "v2 again", 1);
    assertThat(signals("bg-open")).isEqualTo(2);
    models.promote(ADA, "rrna", "staging", 1, "try it", null);
    // a move that changes nothing (v2 already holds production) is no move
    models.promote(ADA, "rrna", "production", 2, "still v2", null);
    assertThat(signals("bg-open")).isEqualTo(2);
  }

  @Test
  void aWakeThatCannotReachItsEngineLeavesTheRollbackDone() {
    temporalRun("bg-temporal", request("rrna", "blue-green"));
    runs.started("bg-camunda", "LIFECYCLE", "rrna", "alice",
        LifecycleVariables.json(LifecycleVariables.of("bg-camunda", request("rrna", "blue-green"))), "camunda");
    ModelService models = service(() -> {
      throw new ServiceException(ErrorKind.UNAVAILABLE, "Temporal is unreachable");
    }, () -> {
      throw new ServiceException(ErrorKind.UNAVAILABLE, "Camunda is unreachable");
    });

    AliasMove back = models.rollback(ADA, "rrna", "production", "v2 misbehaves", 2);
    assertThat(back.changed()).isTrue();
    assertThat(registry.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(registry.audit("rrna")).last().extracting(a -> a.reason()).isEqualTo("v2 misbehaves");
    assertThat(signals("bg-temporal")).isZero();
  }

  private ModelService service(Supplier<PromoterClient> temporalClient, Supplier<CamundaLifecycles> camunda) {
    LifecycleService lifecycles = new LifecycleService(temporalClient, null, runs);
    return new ModelService(registry, new BlueGreenWakeups(runs, lifecycles::rollout, temporalClient, camunda));
  }

  /** A lifecycle workflow open on a queue no worker polls, recorded in the registry as it records itself. */
  private void temporalRun(String runId, LifecycleRequest request) {
    ModelLifecycleWorkflow run = client.newWorkflowStub(ModelLifecycleWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue("nobody").build());
    WorkflowClient.start(run::run, request);
    runs.started(runId, "LIFECYCLE", request.modelName(), "alice", RunJson.request(request));
  }

  private long signals(String runId) {
    return client.fetchHistory(runId).getEvents().stream()
        .filter(e -> e.hasWorkflowExecutionSignaledEventAttributes()
            && e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("productionMoved"))
        .count();
  }

  private static LifecycleRequest request(String model, String strategy) {
    return new LifecycleRequest(model, "data/rrna", List.of(new CandidateConfig("a", "logreg", "cpu", Map.of())),
        "macro_f1", 0.5, 0.0, ApprovalPolicy.DEFAULT, "alice", null,
        new Rollout(strategy, null, null, null, null, null, null, null, null, null, null));
  }
}
