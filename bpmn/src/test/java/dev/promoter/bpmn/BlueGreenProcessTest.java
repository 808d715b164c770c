package dev.promoter.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.bpmn.worker.ThinWorker;
import dev.promoter.registry.RunSummary;
import dev.promoter.registry.ServingReplicas;
import dev.promoter.registry.TrafficSplit;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.rollout.Rollout;
import io.camunda.client.api.worker.JobWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blue-green on {@code model-lifecycle} on the embedded Zeebe engine, with the real job workers
 * over the same {@code RolloutActivitiesImpl}, the same replica reports and the same wording
 * ({@code BlueGreenSteps}) as the Temporal workflow, on a real registry (embedded Postgres) and
 * real k-mer training. The serving replicas are the one thing the test plays: it writes their
 * reports into the registry's {@code serving_replicas} tables every 300 ms, as each
 * {@code promoter server}'s reporter does about once a second. The engine's clock is moved past
 * the keep-warm window and the warm-up timeout, so those timers fire at once; a rollback inside
 * the window ends it by the {@code production-moved} message alone, the clock left where it is.
 */
class BlueGreenProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  static final Duration KEEP_WARM = Duration.ofMinutes(10);
  private static final Duration WARM_TIMEOUT = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestEngine engine;
  @TempDir Path dir;
  private LifecycleFixture fixture;
  private TrafficSplits splits;
  private ServingReplicas replicas;
  private final Map<String, ServingReplicas.Loaded> reported = new ConcurrentHashMap<>();
  private ScheduledExecutorService reporter;
  /** Serves {@code set-traffic-split} in place of the pool's worker, and can hold the old champion's warm split. */
  private JobWorker splitWorker;
  private volatile CountDownLatch keepWarmHeld;
  private volatile CountDownLatch keepWarmReleased;

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
    List<ThinWorker> workers = fixture.workers(engine);
    ThinWorker split = workers.stream().filter(w -> w.jobType().equals(Processes.JobTypes.SET_TRAFFIC_SPLIT))
        .findFirst().orElseThrow();
    workers.remove(split);
    fixture.open(engine, workers);
    // the same worker, which a test can stop just before the keep-warm window opens
    splitWorker = engine.client.newWorker().jobType(split.jobType()).handler((client, job) -> {
      CountDownLatch held = keepWarmHeld;
      if (held != null && "champion".equals(job.getCustomHeaders().get("of"))
          && "warm".equals(job.getCustomHeaders().get("mode"))) {
        held.countDown();
        keepWarmReleased.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      split.handle(client, job);
    }).timeout(split.timeout()).name("test-split").open();
    splits = new TrafficSplits(fixture.db.dataSource());
    replicas = new ServingReplicas(fixture.db.dataSource());
    fixture.promoteChampion(engine);
    reporter = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void close() throws InterruptedException {
    splitWorker.close();
    reporter.shutdownNow();
    reporter.awaitTermination(10, TimeUnit.SECONDS);
    fixture.close();
  }

  @Test
  void theCandidateWarmsBeforeTheSwitchAndTheOldChampionIsKeptWarmForItsWindow() throws Exception {
    replicas("replica-a", "replica-b");
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger());

    // staged: the candidate loads beside the champion before anyone decides, with no traffic
    fixture.awaitApproval(runId);
    assertThat(splits.get("rrna", "production")).extracting(TrafficSplit::version, TrafficSplit::mode,
        TrafficSplit::percent).containsExactly(2, "warm", 0);
    assertThat(JSON.readTree(fixture.runs.get(runId).resultJson()).get("rollout").get(0).get("verdict").asText())
        .as("the approver sees it warming").isEqualTo("loading beside v1 on every serving replica before the decision");
    report("replica-a", 2, "WARM");
    report("replica-b", 2, "LOADING");
    fixture.decide(engine, runId, true, "bob", "switch it");

    // approved, but one replica is still loading: the run checks again, production stays put
    engine.awaitEntered(key, "service_task_check_warm", 3, WAIT);
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(JSON.readTree(engine.variable(key, "rolloutSteps")).get(0).get("verdict").asText())
        .isEqualTo("waiting up to PT5M for every serving replica to load it");
    report("replica-b", 2, "WARM");

    // switched at once; the old champion keeps a warm split for the window
    engine.awaitEntered(key, "message_catch_production_moved", WAIT);
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(2);
    assertThat(splits.get("rrna", "production")).extracting(TrafficSplit::version, TrafficSplit::mode)
        .containsExactly(1, "warm");
    engine.engine.increaseTime(KEEP_WARM);
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_preload_candidate", "service_task_open_approval", "message_catch_approval_decided",
        "service_task_promote_version", "service_task_post_promotion_check", "service_task_keep_champion_warm",
        "boundary_event_keep_warm_over", "service_task_end_keep_warm", "service_task_record_run_end")
        .hasNotPassedElement("service_task_check_warm_last").hasNotPassedElement("service_task_end_keep_warm_early");
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("PROMOTED");
    JsonNode result = JSON.readTree(run.resultJson());
    assertThat(result.get("verdict").asText()).isEqualTo("v2 promoted to production by bob");
    assertThat(result.get("rollout")).extracting(s -> s.get("name").asText() + " " + s.get("outcome").asText()
        + ": " + s.get("verdict").asText()).containsExactly(
            "warm v2 passed: warm on 2 of 2 serving replicas",
            "keep v1 warm passed: window over; v1 unloaded");
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(fixture.models.audit("rrna")).filteredOn(a -> a.action().startsWith("split"))
        .extracting(a -> a.action() + " v" + a.version() + " " + a.reason()).containsExactly(
            "split v2 run " + runId + " blue-green: v2 loads and warms beside v1, no traffic",
            "split v1 run " + runId + " blue-green: v1 stays loaded for PT10M so a rollback is instant",
            "split-clear v1 run " + runId + " blue-green: the keep-warm window of v1 is over");

    // a second run: the operator rolls back inside the window, and Promoter's message wakes the run,
    // which ends ROLLED_BACK at once: the engine's clock never reaches the window's end
    String second = LifecycleFixture.runId();
    long next = engine.lifecycles.start(second, challenger());
    fixture.awaitApproval(second);
    report("replica-a", 3, "WARM");
    report("replica-b", 3, "ACTIVE");
    fixture.decide(engine, second, true, "bob", "again");
    engine.awaitSubscribed(next, Processes.PRODUCTION_MOVED, 1, WAIT);
    // a stale hint first (the candidate still holds production): the run reads it and waits on
    engine.lifecycles.publishProductionMoved(second);
    engine.awaitSubscribed(next, Processes.PRODUCTION_MOVED, 2, WAIT);
    assertThat(splits.get("rrna", "production")).extracting(TrafficSplit::version).isEqualTo(2);
    fixture.models.rollback("rrna", "production", "ada", "v3 misbehaves");
    engine.lifecycles.publishProductionMoved(second);
    engine.awaitCompleted(next, WAIT);
    engine.assertThat(next).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_keep_champion_warm", "message_catch_production_moved", "service_task_end_keep_warm_early",
        "message_catch_production_moved", "service_task_end_keep_warm_early", "end_event_window_cut",
        "service_task_record_run_end")
        .hasNotPassedElement("boundary_event_keep_warm_over").hasNotPassedElement("service_task_end_keep_warm");
    RunSummary rolledBack = fixture.runs.get(second);
    assertThat(rolledBack.status()).isEqualTo("ROLLED_BACK");
    JsonNode back = JSON.readTree(rolledBack.resultJson());
    assertThat(back.get("verdict").asText()).isEqualTo("v3 promoted to production "
        + "by bob; production went back to v2 during the PT10M keep-warm window, answered by the still-loaded version");
    assertThat(back.get("rollout").get(back.get("rollout").size() - 1).get("outcome").asText()).isEqualTo("failed");
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(2);
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(fixture.models.audit("rrna")).filteredOn(a -> a.action().equals("split-clear")).last()
        .extracting(a -> a.reason()).isEqualTo("run " + second + " blue-green: production moved to v2 inside the"
            + " keep-warm window of v2; nothing left to keep warm");
  }

  @Test
  void aRollbackBeforeTheKeepWarmWindowOpensEndsTheRunWhenItOpens() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = switchedBeforeTheWindow(runId);

    // switched, but the window has not opened: the operator rolls back in that moment, and
    // Promoter's message has no subscription to go to yet
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(2);
    fixture.models.rollback("rrna", "production", "ada", "v2 misbehaves");
    engine.lifecycles.publishProductionMoved(runId);
    keepWarmReleased.countDown();

    // the window opens, takes the buffered message and ends the run at once: the engine's clock
    // never reaches the window's end
    engine.awaitCompleted(key, WAIT);
    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_promote_version", "service_task_keep_champion_warm", "message_catch_production_moved",
        "service_task_end_keep_warm_early", "end_event_window_cut", "service_task_record_run_end")
        .hasNotPassedElement("boundary_event_keep_warm_over");
    assertThat(engine.entered(key, "service_task_end_keep_warm_early")).isEqualTo(1);
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("ROLLED_BACK");
    assertThat(JSON.readTree(run.resultJson()).get("verdict").asText()).isEqualTo("v2 promoted to production "
        + "by bob; production went back to v1 during the PT10M keep-warm window, answered by the still-loaded version");
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(splits.of("rrna")).isEmpty();
  }

  @Test
  void aStaleHintBufferedBeforeTheWindowWakesItOnceAndTheWindowRunsOn() throws Exception {
    String runId = LifecycleFixture.runId();
    long key = switchedBeforeTheWindow(runId);
    engine.lifecycles.publishProductionMoved(runId); // production did not move back: a stale hint
    keepWarmReleased.countDown();

    // the window reads the hint once, finds its version in production and waits again, once
    engine.awaitSubscribed(key, Processes.PRODUCTION_MOVED, 2, WAIT);
    Thread.sleep(1_000);
    assertThat(engine.entered(key, "service_task_end_keep_warm_early")).isEqualTo(1);
    assertThat(engine.entered(key, "message_catch_production_moved")).isEqualTo(2);
    engine.engine.increaseTime(KEEP_WARM);
    engine.awaitCompleted(key, WAIT);
    assertThat(fixture.runs.get(runId).status()).isEqualTo("PROMOTED");
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(2);
  }

  @Test
  void aCandidateThatCannotLoadNeverWarmsOrIsRejectedLeavesTheChampionServingWithNoSplit() throws Exception {
    replicas("replica-a");

    // a replica cannot load it: FAILED at once, the warm split given back
    String failed = LifecycleFixture.runId();
    long key = engine.lifecycles.start(failed, challenger());
    fixture.awaitApproval(failed);
    reported.put("replica-a", new ServingReplicas.Loaded("rrna", 2, "FAILED", "out of memory", null));
    fixture.decide(engine, failed, true, "bob", "switch it");
    engine.awaitCompleted(key, WAIT);
    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder("message_catch_approval_decided",
        "service_task_clear_split_cold", "service_task_withdraw_cold", "service_task_record_run_end")
        .hasNotPassedElement("service_task_promote_version");
    assertCold(failed, 2, "v2 cannot load on every serving replica (0 of 1 warm; replica-a: FAILED: out of memory)");

    // never warm: the warm-up timeout ends the wait on the engine's clock, after one last check
    String cold = LifecycleFixture.runId();
    key = engine.lifecycles.start(cold, challenger());
    fixture.awaitApproval(cold);
    report("replica-a", 3, "LOADING");
    fixture.decide(engine, cold, true, "bob", "switch it");
    engine.awaitEntered(key, "timer_catch_warm_poll", 2, WAIT);
    engine.engine.increaseTime(WARM_TIMEOUT);
    engine.awaitCompleted(key, WAIT);
    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder("message_catch_approval_decided",
        "boundary_event_warm_timeout", "service_task_check_warm_last", "service_task_clear_split_cold",
        "service_task_withdraw_cold").hasNotPassedElement("service_task_promote_version");
    assertCold(cold, 3, "v3 was not warm within PT5M on every serving replica (0 of 1 warm; replica-a: LOADING)");

    // rejected: the warm split goes back before the withdrawal
    String rejected = LifecycleFixture.runId();
    key = engine.lifecycles.start(rejected, challenger());
    fixture.awaitApproval(rejected);
    assertThat(splits.get("rrna", "production").version()).isEqualTo(4);
    fixture.decide(engine, rejected, false, "bob", "not today");
    engine.awaitCompleted(key, WAIT);
    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder("service_task_preload_candidate",
        "service_task_open_approval", "service_task_clear_split_rejected", "service_task_withdraw_rejected")
        .hasNotPassedElement("service_task_check_warm");
    assertThat(fixture.runs.get(rejected).status()).isEqualTo("REJECTED");
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
  }

  @Test
  void anApprovalThatExpiresClearsTheCandidatesWarmSplitAndWithdrawsIt() throws Exception {
    replicas("replica-a");
    String runId = LifecycleFixture.runId();
    long key = engine.lifecycles.start(runId, challenger());
    fixture.awaitApproval(runId);
    engine.awaitEntered(key, "gateway_await_decision", WAIT);
    // warm beside the champion while nobody decides, taking no traffic
    report("replica-a", 2, "WARM");
    assertThat(splits.get("rrna", "production")).extracting(TrafficSplit::version, TrafficSplit::mode,
        TrafficSplit::percent).containsExactly(2, "warm", 0);
    engine.engine.increaseTime(Duration.ofHours(2)); // past the one-hour approval timeout
    engine.awaitCompleted(key, WAIT);

    engine.assertThat(key).isCompleted().hasNoIncidents().hasPassedElementsInOrder(
        "service_task_preload_candidate", "service_task_open_approval", "timer_catch_approval_expired",
        "service_task_expire_approval", "service_task_clear_split_expired", "service_task_withdraw_expired",
        "service_task_record_run_end")
        .hasNotPassedElement("message_catch_approval_decided").hasNotPassedElement("service_task_check_warm")
        .hasNotPassedElement("service_task_promote_version");
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("EXPIRED");
    assertThat(JSON.readTree(run.resultJson()).get("verdict").asText())
        .isEqualTo("no decision within PT1H; v2 withdrawn from staging");
    assertThat(fixture.approvals.find(runId).orElseThrow().status()).isEqualTo("EXPIRED");
    // the candidate's warm split is gone (every replica unloads it), the champion never stopped serving
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(fixture.models.version("rrna", 2).aliases()).isEmpty();
    assertThat(fixture.models.audit("rrna")).filteredOn(a -> a.action().startsWith("split"))
        .extracting(a -> a.action() + " v" + a.version() + " " + a.reason()).containsExactly(
            "split v2 run " + runId + " blue-green: v2 loads and warms beside v1, no traffic",
            "split-clear v2 run " + runId + " approval expired");
  }

  /**
   * Starts a blue-green run on one replica, approves it and returns once production has moved to
   * its v2 and the old champion's warm-split job is held: the keep-warm window not yet open.
   */
  private long switchedBeforeTheWindow(String runId) throws Exception {
    replicas("replica-a");
    keepWarmHeld = new CountDownLatch(1);
    keepWarmReleased = new CountDownLatch(1);
    long key = engine.lifecycles.start(runId, challenger());
    fixture.awaitApproval(runId);
    report("replica-a", 2, "WARM");
    fixture.decide(engine, runId, true, "bob", "switch it");
    assertThat(keepWarmHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return key;
  }

  /** The run ended FAILED with {@code why}, the champion serving and no split left. */
  private void assertCold(String runId, int version, String why) throws Exception {
    RunSummary run = fixture.runs.get(runId);
    assertThat(run.status()).isEqualTo("FAILED");
    JsonNode result = JSON.readTree(run.resultJson());
    assertThat(result.get("verdict").asText()).isEqualTo(why + "; production stays on v1");
    assertThat(result.get("rollout")).singleElement().satisfies(s -> {
      assertThat(s.get("outcome").asText()).isEqualTo("failed");
      assertThat(s.get("verdict").asText()).isEqualTo(why);
    });
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
    assertThat(fixture.models.version("rrna", version).status().name()).isEqualTo("REJECTED");
    assertThat(fixture.models.audit("rrna")).anyMatch(a -> a.action().equals("split-clear")
        && a.reason().equals("run " + runId + " blue-green: " + why));
  }

  /** Live replicas, reporting nothing loaded until told, every 300 ms from now on. */
  private void replicas(String... names) {
    Instant started = Instant.now();
    reporter.scheduleAtFixedRate(() -> {
      for (String name : names) {
        ServingReplicas.Loaded l = reported.get(name);
        replicas.report(name, started, l == null ? List.of() : List.of(l));
      }
    }, 0, 300, TimeUnit.MILLISECONDS);
  }

  private void report(String replica, int version, String state) {
    reported.put(replica, new ServingReplicas.Loaded("rrna", version, state, null,
        state.equals("LOADING") ? null : Instant.now()));
  }

  /** Alice's challenger, blue-green: the same trainer, a negative margin so it wins. */
  static LifecycleRequest challenger() {
    return new LifecycleRequest("rrna", "synthetic",
        List.of(new CandidateConfig("logreg-k4", "logreg", "cpu", Map.of("k", "4", "fragments", "1"))),
        "macro_f1", 0.5, -1.0, new ApprovalPolicy("approver", Duration.ofHours(1), null), "alice", null,
        new Rollout("blue-green", null, null, null, null, null, null, null, null, KEEP_WARM, WARM_TIMEOUT));
  }
}
