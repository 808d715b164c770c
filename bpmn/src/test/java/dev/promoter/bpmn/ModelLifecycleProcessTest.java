package dev.promoter.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.bpmn.worker.RegisterVersionWorker;
import dev.promoter.bpmn.worker.ThinWorker;
import dev.promoter.registry.ApprovalRecord;
import dev.promoter.registry.ModelVersion;
import dev.promoter.registry.RunSummary;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import io.camunda.client.api.worker.JobWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model-lifecycle} on the embedded Zeebe engine, served by the real job workers over the
 * real activity implementations, a real registry (embedded Postgres) and real k-mer training on
 * a small synthetic dataset. Each test asserts the path the process took and what the registry
 * holds afterwards.
 */
class ModelLifecycleProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static TestEngine engine;
  @TempDir Path dir;
  private LifecycleFixture fixture;

  @BeforeAll
  static void startEngine() {
    engine = new TestEngine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void open() {
    fixture = new LifecycleFixture(dir);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void anApprovedRunIsPromoted() {
    fixture.open(engine, fixture.workers(engine));
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, LifecycleFixture.request(0.5, 0.0));
    ApprovalRecord pending = fixture.awaitApproval(runId);
    assertThat(pending.engine()).isEqualTo("camunda");
    fixture.decide(engine, runId, true, "bob", "looks good");
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_record_run_started", "service_task_choose_best_candidate", "service_task_evaluate_champion",
        "service_task_register_version", "service_task_stage_version",
        "service_task_smoke_check_staging", "service_task_open_approval",
        "message_catch_approval_decided", "service_task_promote_version",
        "service_task_post_promotion_check", "service_task_record_run_end")
        // the multi-instance body and its one inner instance
        .hasPassedElement("sub_process_train_candidates", 2)
        .hasPassedElement("service_task_train_kmer")
        .hasNotPassedElement("service_task_train_cnn")
        .hasCorrelatedMessageByCorrelationKey(runId, 1);
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("PROMOTED");
    assertThat(run.engine()).isEqualTo("camunda");
    assertThat(run.resultJson()).contains("v1 promoted to production by bob");
    assertThat(fixture.models.audit("rrna")).anySatisfy(a -> {
      assertThat(a.action()).isEqualTo("promote");
      assertThat(a.actor()).isEqualTo("bob");
    });
  }

  @Test
  void aMessagePublishedPastTheRegistryPromotesNothing() {
    fixture.open(engine, fixture.workers(engine));
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, LifecycleFixture.request(0.5, 0.0));
    fixture.awaitApproval(runId);
    // someone with access to the engine skips Promoter's approvals (and the four-eyes rule)
    engine.lifecycles.publishDecision(runId, true, "mallory", "trust me");
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasPassedElement("service_task_withdraw_refused")
        .hasNotPassedElement("service_task_post_promotion_check");
    assertThat(fixture.models.versions("rrna").getFirst().aliases()).doesNotContain("production");
    assertThat(fixture.models.audit("rrna")).noneSatisfy(a -> assertThat(a.actor()).isEqualTo("mallory"));
    assertThat(fixture.runs.get(runId).resultJson()).contains("has no approval recorded in the registry");
  }

  @Test
  void aRejectionPublishedPastTheRegistryWithdrawsNothing() {
    fixture.open(engine, fixture.workers(engine));
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, LifecycleFixture.request(0.5, 0.0));
    fixture.awaitApproval(runId);
    engine.lifecycles.publishDecision(runId, false, "mallory", "sabotage");
    engine.awaitIncident(key, WAIT);

    engine.assertThat(key).hasNotPassedElement("service_task_withdraw_rejected");
    assertThat(fixture.models.version("rrna", 1).aliases()).contains("staging");
    assertThat(fixture.models.audit("rrna")).noneSatisfy(a -> assertThat(a.actor()).isEqualTo("mallory"));
  }

  @Test
  void aRejectedRunWithdrawsItsStagedVersion() {
    fixture.open(engine, fixture.workers(engine));
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, LifecycleFixture.request(0.5, 0.0));
    fixture.awaitApproval(runId);
    fixture.decide(engine, runId, false, "bob", "not this week");
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasPassedElement("service_task_withdraw_rejected")
        .hasNotPassedElement("service_task_promote_version");
    assertThat(fixture.runs.get(runId).status()).isEqualTo("REJECTED");
    assertThat(fixture.runs.get(runId).resultJson()).contains("rejected by bob: not this week");
    assertThat(fixture.models.version("rrna", 1).status().name()).isEqualTo("REJECTED");
    assertThat(fixture.models.version("rrna", 1).aliases()).isEmpty();
  }

  @Test
  void anApprovalNobodyDecidesExpires() {
    fixture.open(engine, fixture.workers(engine));
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, LifecycleFixture.request(0.5, 0.0));
    fixture.awaitApproval(runId);
    engine.awaitEntered(key, "gateway_await_decision", WAIT);
    engine.engine.increaseTime(Duration.ofHours(2));
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasPassedElementsInOrder("timer_catch_approval_expired",
        "service_task_expire_approval", "service_task_withdraw_expired", "service_task_record_run_end");
    assertThat(fixture.runs.get(runId).status()).isEqualTo("EXPIRED");
    assertThat(fixture.approvals.find(runId).orElseThrow().status()).isEqualTo("EXPIRED");
    assertThat(fixture.models.version("rrna", 1).aliases()).isEmpty();
  }

  @Test
  void whenEveryCandidateFailsTheRunFailsWithoutAVersion() {
    fixture.open(engine, fixture.workers(engine));
    String runId = LifecycleFixture.runId();
    LifecycleRequest request = LifecycleFixture.request(0.5, 0.0,
        new CandidateConfig("bad-a", "logreg", "cpu", Map.of("no-such-parameter", "1")),
        new CandidateConfig("bad-b", "forest", "cpu", Map.of("k", "-3")));
    long key = engine.lifecycles.start(runId, request);
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents()
        .hasPassedElement("boundary_event_kmer_failed", 2)
        .hasNotPassedElement("service_task_register_version");
    assertThat(fixture.runs.get(runId).status()).isEqualTo("FAILED");
    assertThat(fixture.runs.get(runId).resultJson()).contains("every candidate failed to train");
    assertThat(fixture.models.models()).isEmpty();
  }

  @Test
  void aFailedStagingSmokeCheckWithdrawsTheStagedVersion() {
    fixture.failSmokeCheck(1, 1);
    fixture.open(engine, fixture.workers(engine));
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, LifecycleFixture.request(0.5, 0.0));
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasPassedElementsInOrder(
        "service_task_stage_version", "boundary_event_staging_smoke_failed",
        "service_task_withdraw_staged", "service_task_record_run_end")
        .hasNotPassedElement("service_task_open_approval");
    assertThat(fixture.runs.get(runId).status()).isEqualTo("FAILED");
    assertThat(fixture.runs.get(runId).resultJson()).contains("classified 0 of 24");
    assertThat(fixture.models.version("rrna", 1).status().name()).isEqualTo("REJECTED");
    assertThat(fixture.models.version("rrna", 1).aliases()).isEmpty();
  }

  @Test
  void aFailedPostPromotionCheckRollsBackThroughTheRollbackProcess() {
    fixture.open(engine, fixture.workers(engine));
    String first = LifecycleFixture.runId();
    long champion = engine.lifecycles.start(first, LifecycleFixture.request(0.5, 0.0));
    fixture.awaitApproval(first);
    fixture.decide(engine, first, true, "bob", "first model");
    engine.awaitCompleted(champion, WAIT);

    fixture.failSmokeCheck(2, 2);
    String second = LifecycleFixture.runId();
    // a negative margin: the challenger wins even against an equal champion
    long key = engine.lifecycles.start(second, LifecycleFixture.request(0.5, -1.0));
    fixture.awaitApproval(second);
    fixture.decide(engine, second, true, "carol", "ship it");
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasPassedElementsInOrder(
        "service_task_promote_version", "boundary_event_post_promotion_failed",
        "gateway_champion_exists",
        "call_activity_rollback", "service_task_record_run_end")
        .hasCalledProcess(Processes.ROLLBACK);
    engine.assertThat(key).extractingLatestCalledProcess(Processes.ROLLBACK).isCompleted()
        .hasPassedElementsInOrder("service_task_rollback_alias", "service_task_smoke_check_restored",
            "end_event_rolled_back");
    assertThat(fixture.runs.get(second).status()).isEqualTo("ROLLED_BACK");
    assertThat(fixture.runs.get(second).resultJson()).contains("production is back on v1");
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
  }

  @Test
  void aRegisterJobRetriedAfterAWorkerCrashDoesNotRegisterASecondVersion() {
    List<ThinWorker> others = fixture.workers(engine).stream()
        .filter(w -> !w.jobType().equals(JobTypes.REGISTER_VERSION)).toList();
    fixture.open(engine, others);
    AtomicInteger crashes = new AtomicInteger();
    JobWorker crashing = engine.client.newWorker().jobType(JobTypes.REGISTER_VERSION)
        .handler((client, job) -> {
          // registers, then dies before it can complete the job
          fixture.registry.register(RegisterVersionWorker.idempotencyKey(job), "rrna",
              LifecycleVariables.trained(job.getVariablesAsMap().get("best")), "alice", "run");
          crashes.incrementAndGet();
        }).timeout(Duration.ofSeconds(1)).open();
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, LifecycleFixture.request(0.5, 0.0));
    TestEngine.await(() -> crashes.get() == 1, WAIT, "the first delivery");
    crashing.close();
    fixture.open(engine, List.of(new RegisterVersionWorker(fixture.registry)));
    fixture.awaitApproval(runId);

    assertThat(fixture.models.versions("rrna")).extracting(ModelVersion::version).containsExactly(1);
    engine.assertThat(key).hasPassedElement("service_task_register_version")
        .hasVariableWithValue("version", 1);
    assertThat(crashes).hasValue(1);
  }
}
