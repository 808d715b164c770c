package dev.promoter.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.RunSummary;
import dev.promoter.registry.TrafficSplit;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.rollout.Gates;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.TwoProportionTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary, shadow and A/B rollouts of {@code model-lifecycle} on the embedded Zeebe engine, with
 * the real job workers over the same {@code RolloutActivitiesImpl} and gates as the Temporal
 * workflow, a real registry and prediction log (embedded Postgres) and real k-mer training. Each
 * test first promotes a champion (a direct run), then rolls a challenger out; while a step bakes
 * the test writes the traffic serving would log ({@link Traffic}), then moves the engine's clock
 * past the bake so the step's timer fires and its gates are read.
 */
class ModelRolloutProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration BAKE = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestEngine engine;
  @TempDir Path dir;
  private LifecycleFixture fixture;
  private TrafficSplits splits;
  private Traffic traffic;

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
    fixture.open(engine, fixture.workers(engine));
    splits = new TrafficSplits(fixture.db.dataSource());
    traffic = new Traffic(new PredictionLog(fixture.db.dataSource()), "rrna");
    fixture.promoteChampion(engine);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aCanaryDecidedAfterItsLowerStepsIsPromotedWhenEveryGatePasses() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger(new Rollout("canary", List.of(50, 100), BAKE,
        Gates.DEFAULT, null), ApprovalPolicy.AFTER_CANARY));

    // step 1 runs before anyone decides: 50 % of production, gated on what it served
    bake(key, "timer_catch_canary_bake", 1, "canary", 50, 29, 30);
    engine.awaitPassed(key, "service_task_open_approval", WAIT);
    assertThat(splits.get("rrna", "production").percent()).as("the split holds while the approver decides")
        .isEqualTo(50);
    JsonNode before = JSON.readTree(engine.variable(key, "rolloutSteps"));
    assertThat(before).hasSize(1);
    assertThat(before.get(0).get("outcome").asText()).isEqualTo("passed");
    assertThat(before.get(0).get("reading").get("agreement").asDouble()).isCloseTo(29 / 30.0,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(JSON.readTree(fixture.runs.get(runId).resultJson()).get("rollout").get(0).get("name").asText())
        .as("the lower step's figures on the run's row for the approver").isEqualTo("canary 50%");
    fixture.decide(engine, runId, true, "bob", "the canary looks fine");

    // the last step, after the decision
    bake(key, "timer_catch_canary_bake", 2, "canary", 100, 30, 30);
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_set_canary_split", "service_task_read_canary_gates", "service_task_open_approval", "message_catch_approval_decided", "service_task_set_canary_split",
        "service_task_read_canary_gates", "service_task_end_canary", "service_task_promote_version")
        .hasPassedElement("service_task_read_canary_gates", 2)
        .hasNotPassedElement("service_task_clear_split_gate_failed");
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("PROMOTED");
    JsonNode result = JSON.readTree(run.resultJson());
    assertThat(result.get("verdict").asText()).isEqualTo("v2 promoted to production by bob");
    assertThat(result.get("rollout")).extracting(s -> s.get("name").asText())
        .containsExactly("canary 50%", "canary 100%");
    assertThat(result.get("rollout").get(1).get("reading").get("answered").asLong()).isEqualTo(30);
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(2);
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(fixture.models.audit("rrna")).filteredOn(a -> a.action().startsWith("split"))
        .extracting(a -> a.action() + " " + a.reason()).containsExactly(
            "split run " + runId + " canary step 1 of 2: 50%",
            "split run " + runId + " canary step 2 of 2: 100%",
            "split-clear run " + runId + " canary passed every step; the version takes production");
  }

  @Test
  void aRejectionAfterTheCanarysLowerStepsGivesItsTrafficBack() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger(new Rollout("canary", List.of(50, 100), BAKE,
        Gates.DEFAULT, null), ApprovalPolicy.AFTER_CANARY));
    bake(key, "timer_catch_canary_bake", 1, "canary", 50, 30, 30);
    fixture.awaitApproval(runId);
    fixture.decide(engine, runId, false, "bob", "not on a Friday");
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_read_canary_gates", "service_task_open_approval", "service_task_clear_split_rejected",
        "service_task_withdraw_rejected", "service_task_record_run_end")
        .hasPassedElement("service_task_set_canary_split", 1);
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("REJECTED");
    assertThat(JSON.readTree(run.resultJson()).get("verdict").asText())
        .isEqualTo("rejected by bob during the canary: not on a Friday");
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(fixture.models.audit("rrna")).anyMatch(a -> a.action().equals("split-clear")
        && a.reason().equals("run " + runId + " rejected"));
  }

  @Test
  void anApprovalThatExpiresAfterTheCanarysLowerStepsGivesItsTrafficBack() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger(new Rollout("canary", List.of(50, 100), BAKE,
        Gates.DEFAULT, null), ApprovalPolicy.AFTER_CANARY));
    bake(key, "timer_catch_canary_bake", 1, "canary", 50, 30, 30);
    fixture.awaitApproval(runId);
    engine.awaitEntered(key, "gateway_await_decision", WAIT);
    assertThat(splits.get("rrna", "production").percent()).as("the lower step's share while nobody decides")
        .isEqualTo(50);
    engine.engine.increaseTime(Duration.ofHours(2)); // past the one-hour approval timeout
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_read_canary_gates", "service_task_open_approval", "timer_catch_approval_expired",
        "service_task_expire_approval", "service_task_clear_split_expired", "service_task_withdraw_expired",
        "service_task_record_run_end")
        .hasPassedElement("service_task_set_canary_split", 1);
    assertThat(fixture.runs.get(runId).status()).isEqualTo("EXPIRED");
    assertThat(fixture.approvals.find(runId).orElseThrow().status()).isEqualTo("EXPIRED");
    assertThat(splits.of("rrna")).as("no share left with the candidate").isEmpty();
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(fixture.models.version("rrna", 2).aliases()).isEmpty();
    assertThat(fixture.models.audit("rrna")).anyMatch(a -> a.action().equals("split-clear")
        && a.reason().contains(runId));
  }

  @Test
  void aFailedGateGivesTrafficBackAndEndsRolledBackWithItsFigures() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger(new Rollout("canary", List.of(25, 100), BAKE,
        Gates.DEFAULT, null), null));
    fixture.awaitApproval(runId);
    fixture.decide(engine, runId, true, "bob", "try it");

    // the challenger disagrees with the champion on 20 of 30 requests, and is wrong on them
    bake(key, "timer_catch_canary_bake", 1, "canary", 25, 10, 30);
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_read_canary_gates", "service_task_clear_split_gate_failed",
        "service_task_withdraw_rolled_back", "service_task_record_run_end")
        .hasPassedElement("service_task_set_canary_split", 1)
        .hasNotPassedElement("service_task_promote_version");
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("ROLLED_BACK");
    JsonNode result = JSON.readTree(run.resultJson());
    assertThat(result.get("verdict").asText()).startsWith("v2 rolled back at canary step 1 (25%): ")
        .contains("agreement with the champion 0.333 under 0.900 (30 requests compared)")
        .contains("online accuracy 0.333 under 0.800 (30 labels)")
        .contains("figures: 30 answered, error rate 0.0000")
        .endsWith("production stays on v1");
    JsonNode step = result.get("rollout").get(0);
    assertThat(step.get("outcome").asText()).isEqualTo("failed");
    assertThat(step.get("reading").get("compared").asLong()).isEqualTo(30);
    assertThat(step.get("reading").get("championAccuracy").asDouble()).isEqualTo(1.0);
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(fixture.models.version("rrna", 2).status().name()).isEqualTo("REJECTED");
    assertThat(fixture.models.audit("rrna")).anyMatch(a -> a.action().equals("split-clear")
        && a.reason().contains("canary rolled back: canary gate failed at 25%"));
  }

  @Test
  void aShadowReportsItsAgreementBeforeTheApproval() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger(new Rollout("shadow", null, BAKE,
        Gates.DEFAULT, 100), null));

    // the challenger scores every production request off the path; the champion answers them
    engine.awaitEntered(key, "timer_catch_shadow_bake", 1, WAIT);
    TrafficSplit split = splits.get("rrna", "production");
    assertThat(split.mode()).isEqualTo("shadow");
    traffic.sameRequests(split, 1, "shadow", "primary", 40, 38, 40);
    engine.engine.increaseTime(BAKE);
    fixture.awaitApproval(runId);
    engine.awaitPassed(key, "service_task_open_approval", WAIT);

    JsonNode reported = JSON.readTree(engine.variable(key, "rolloutSteps")).get(0);
    assertThat(reported.get("name").asText()).isEqualTo("shadow 100%");
    assertThat(reported.get("outcome").asText()).isEqualTo("passed");
    assertThat(reported.get("verdict").asText()).isEqualTo("every gate passed; for the approver");
    assertThat(reported.get("reading").get("agreement").asDouble()).isEqualTo(0.95);
    assertThat(reported.get("reading").get("compared").asLong()).isEqualTo(40);
    assertThat(reported.get("reading").get("accuracy").asDouble()).isEqualTo(0.95);
    assertThat(splits.of("rrna")).as("a shadow's split ends before the decision").isEmpty();
    // the approver reads them from the run's row (the run page, the API) while it waits
    RunSummary waiting = fixture.runs.get(runId);
    assertThat(waiting.status()).isEqualTo("AWAITING_APPROVAL");
    assertThat(JSON.readTree(waiting.resultJson()).get("rollout").get(0).get("reading").get("agreement")
        .asDouble()).isEqualTo(0.95);

    fixture.decide(engine, runId, true, "bob", "the shadow agrees");
    engine.awaitCompleted(key, WAIT);
    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_start_shadow", "timer_catch_shadow_bake", "service_task_read_shadow_gates",
        "service_task_end_shadow", "service_task_open_approval", "service_task_promote_version");
    assertThat(fixture.runs.get(runId).status()).isEqualTo("PROMOTED");
    assertThat(JSON.readTree(fixture.runs.get(runId).resultJson()).get("rollout").get(0).get("reading")
        .get("agreement").asDouble()).isEqualTo(0.95);
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(2);
  }

  @Test
  void anAbTestDecidesWithAPValueAfterTheApproval() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger(new Rollout("ab", null, BAKE, Gates.DEFAULT, null,
        50, 20, 0.05), null));
    fixture.awaitApproval(runId);
    fixture.decide(engine, runId, true, "bob", "test it");

    engine.awaitEntered(key, "timer_catch_ab_test_runs", 1, WAIT);
    TrafficSplit split = splits.get("rrna", "production");
    assertThat(split).extracting(TrafficSplit::mode, TrafficSplit::percent).containsExactly("ab", 50);
    // 38 of 40 right against 24 of 40: z 3.75
    traffic.twoArms(split, 1, 40, 38, 24);
    engine.engine.increaseTime(BAKE);
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "message_catch_approval_decided", "service_task_start_ab_test", "timer_catch_ab_test_runs",
        "service_task_decide_ab_test", "service_task_end_ab_test", "service_task_promote_version");
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("PROMOTED");
    double p = TwoProportionTest.test(38, 40, 24, 40).pValue();
    assertThat(p).isLessThan(0.001);
    assertThat(JSON.readTree(run.resultJson()).get("verdict").asText()).isEqualTo(String.format(
        java.util.Locale.ROOT, "v2 promoted to production by bob (A/B: v2 accuracy 0.950 on 40 labels, "
            + "v1 0.600 on 40, z 3.75, p-value %.3g at significance 0.050: v2 wins)", p));
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(2);
    assertThat(splits.of("rrna")).isEmpty();
  }

  /**
   * Waits for the {@code times}-th bake of a step, writes its traffic, and moves the engine's clock
   * past the bake.
   */
  private void bake(long key, String timer, int times, String mode, int percent, int candidateRight,
      int championRight) {
    engine.awaitEntered(key, timer, times, WAIT);
    TrafficSplit split = splits.get("rrna", "production");
    assertThat(split).extracting(TrafficSplit::mode, TrafficSplit::percent).containsExactly(mode, percent);
    traffic.sameRequests(split, 1, mode, "shadow", 30, candidateRight, championRight);
    engine.engine.increaseTime(BAKE);
  }

  /** Alice's challenger: the same trainer, a negative margin so it wins against an equal champion. */
  private static LifecycleRequest challenger(Rollout rollout, String decides) {
    return new LifecycleRequest("rrna", "synthetic",
        List.of(new CandidateConfig("logreg-k4", "logreg", "cpu", Map.of("k", "4", "fragments", "1"))),
        "macro_f1", 0.5, -1.0, new ApprovalPolicy("approver", Duration.ofHours(1), decides), "alice", null,
        rollout);
  }
}
