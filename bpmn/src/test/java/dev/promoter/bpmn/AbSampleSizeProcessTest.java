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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A/B test's stop at a sample size on {@code model-lifecycle} (version 4) on the embedded
 * Zeebe engine: both arms are read every {@code abPoll} (the bake over 50, at least a second) by a
 * short {@code decide-ab-test} job in a timer loop, which decides as soon as each arm has its
 * labels; the bake timer bounds the loop. Real job workers, registry, prediction log and k-mer
 * training, as in {@link ModelRolloutProcessTest}; the test writes both arms' labelled traffic
 * and moves the engine's clock.
 */
class AbSampleSizeProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration BAKE = Duration.ofMinutes(10);
  /** The bake over 50: how often the loop reads both arms. */
  private static final Duration POLL = Duration.ofSeconds(12);
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
  void theTestStopsAtItsSampleSizeBeforeTheBakeEndsWithThePValue() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger(40));
    fixture.awaitApproval(runId);
    fixture.decide(engine, runId, true, "bob", "test it");

    engine.awaitEntered(key, "timer_catch_ab_poll", 1, WAIT);
    TrafficSplit split = splits.get("rrna", "production");
    assertThat(split).extracting(TrafficSplit::mode, TrafficSplit::percent).containsExactly("ab", 50);
    // half the sample: the first reading waits for more
    traffic.twoArms(split, 1, 20, 19, 12);
    engine.engine.increaseTime(POLL);
    engine.awaitEntered(key, "timer_catch_ab_poll", 2, WAIT);
    assertThat(engine.variable(key, "abOutcome")).isEqualTo("\"waiting\"");
    // the other half: 38 of 40 right against 24 of 40, z 3.75; decided 24 s in, long before the bake
    traffic.twoArms(split, 1, 20, 19, 12);
    engine.engine.increaseTime(POLL);
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_start_ab_test", "service_task_check_ab_sample", "service_task_check_ab_sample",
        "end_event_ab_sampled",
        "service_task_end_ab_test", "service_task_promote_version")
        .hasNotPassedElement("boundary_event_ab_bake_over").hasNotPassedElement("timer_catch_ab_test_runs");
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("PROMOTED");
    String verdict = JSON.readTree(run.resultJson()).get("verdict").asText();
    Matcher m = Pattern.compile("v2 promoted to production by bob \\(stopped at the sample size of 40 labels an arm "
        + "after PT(\\d+)S; (A/B: .*)\\)").matcher(verdict);
    assertThat(m.matches()).as(verdict).isTrue();
    // two polls of the engine's clock, plus the real seconds the jobs and the test took meanwhile
    assertThat(Integer.parseInt(m.group(1))).isBetween(24, 24 + (int) WAIT.toSeconds());
    double p = TwoProportionTest.test(38, 40, 24, 40).pValue();
    assertThat(m.group(2)).isEqualTo(String.format(Locale.ROOT, "A/B: v2 accuracy 0.950 on 40 labels, "
        + "v1 0.600 on 40, z 3.75, p-value %.3g at significance 0.050: v2 wins", p));
    JsonNode step = JSON.readTree(run.resultJson()).get("rollout").get(0);
    assertThat(step.get("outcome").asText()).isEqualTo("passed");
    assertThat(step.get("verdict").asText()).startsWith("stopped at the sample size of 40 labels an arm after PT");
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(2);
    assertThat(splits.of("rrna")).isEmpty();
  }

  @Test
  void theBakeTimeEndsTheTestWhenTheSampleIsNotReached() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger(40));
    fixture.awaitApproval(runId);
    fixture.decide(engine, runId, true, "bob", "test it");

    engine.awaitEntered(key, "timer_catch_ab_poll", 1, WAIT);
    TrafficSplit split = splits.get("rrna", "production");
    // 30 labels an arm, short of 40 (but over the minimum sample of 20): 16 of 30 against 15 of 30
    traffic.twoArms(split, 1, 30, 16, 15);
    engine.engine.increaseTime(BAKE);
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_start_ab_test", "boundary_event_ab_bake_over", "service_task_decide_ab_test_last",
        "service_task_end_ab_test", "service_task_withdraw_ab_lost")
        .hasNotPassedElement("end_event_ab_sampled").hasNotPassedElement("service_task_promote_version");
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("NOT_PROMOTED");
    TwoProportionTest.Result t = TwoProportionTest.test(16, 30, 15, 30);
    assertThat(t.pValue()).isGreaterThan(0.05);
    assertThat(JSON.readTree(run.resultJson()).get("verdict").asText()).isEqualTo(String.format(Locale.ROOT,
        "sample size of 40 labels an arm not reached in PT10M; A/B: v2 accuracy 0.533 on 30 labels, "
            + "v1 0.500 on 30, z %.2f, p-value %.3g at significance 0.050: no significant difference; "
            + "v1 keeps production", t.z(), t.pValue()));
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(fixture.models.version("rrna", 2).aliases()).isEmpty();
    assertThat(splits.of("rrna")).isEmpty();
  }

  /** Alice's challenger in an A/B test of 50 % with a minimum sample of 20 and {@code sampleSize}. */
  private static LifecycleRequest challenger(int sampleSize) {
    return new LifecycleRequest("rrna", "synthetic",
        List.of(new CandidateConfig("logreg-k4", "logreg", "cpu", Map.of("k", "4", "fragments", "1"))),
        "macro_f1", 0.5, -1.0, new ApprovalPolicy("approver", Duration.ofHours(1), null), "alice", null,
        new Rollout("ab", null, BAKE, Gates.DEFAULT, null, 50, 20, 0.05, sampleSize, null, null));
  }
}
