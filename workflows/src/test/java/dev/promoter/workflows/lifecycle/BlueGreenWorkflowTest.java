package dev.promoter.workflows.lifecycle;

import static dev.promoter.workflows.lifecycle.LifecycleHarness.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Gates;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.Warmth;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Blue-green and the A/B test's sample size on Temporal's time-skipping test server, with the
 * traffic boundary faked: the candidate warmed before the decision, checked warm again after it,
 * the switch, the champion kept warm for the window, a rollback inside it that wakes the run at
 * once (and one whose signal is lost, caught when the window ends), a signal that finds nothing
 * moved, a candidate that never warms, no replica at all; an A/B test that stops at its sample size or runs out its time. (End
 * to end with real requests: {@code BlueGreenEndToEndTest} in workers.)
 */
class BlueGreenWorkflowTest {
  private final LifecycleHarness h = new LifecycleHarness();

  @AfterEach
  void close() {
    h.close();
  }

  static LifecycleRequest blueGreen() {
    return new LifecycleRequest("rrna", "data/rrna", List.of(candidate("a", "logreg", 0.99)), "macro_f1",
        0.9, 0.005, ApprovalPolicy.DEFAULT, "alice", null,
        new Rollout("blue-green", null, null, null, null, null, null, null, null, null, null));
  }

  static LifecycleRequest abWithSampleSize() {
    return new LifecycleRequest("rrna", "data/rrna", List.of(candidate("a", "logreg", 0.99)), "macro_f1",
        0.9, 0.005, ApprovalPolicy.DEFAULT, "alice", null,
        new Rollout("ab", null, Duration.ofHours(2), Gates.DEFAULT, null, 30, 100, 0.05, 150, null, null));
  }

  private void championInProduction() {
    h.registry.aliases.put("production", 7);
    h.evaluation.championScore = 0.9;
  }

  private CompletableFuture<LifecycleStatus> decide(ModelLifecycleWorkflow run, boolean approve) {
    return WorkflowStub.fromTyped(run).startUpdate(approve ? "approve" : "reject", WorkflowUpdateStage.ACCEPTED,
        LifecycleStatus.class, new Decision("reviewer", approve ? "switch it" : "not now")).getResultAsync();
  }

  @Test
  void theCandidateWarmsBeforeTheDecisionThenTrafficSwitchesAndTheChampionStaysWarmForTheWindow() {
    championInProduction();
    ModelLifecycleWorkflow run = h.start("bg-promoted", blueGreen());
    LifecycleProgress waiting = h.awaitApprovalStep(run);
    assertThat(waiting.strategy()).isEqualTo("blue-green");
    assertThat(waiting.rollout()).singleElement().satisfies(step -> {
      assertThat(step.name()).isEqualTo("warm v1");
      assertThat(step.mode()).isEqualTo("warm");
      assertThat(step.outcome()).isEqualTo("running");
    });
    // loaded beside the champion before anyone decides; production has not moved
    assertThat(h.rollout.calls).containsExactly("split v1 warm 0");
    assertThat(h.registry.aliases).containsEntry("production", 7);

    CompletableFuture<LifecycleStatus> decided = decide(run, true);
    LifecycleResult result = h.result("bg-promoted");
    assertThat(decided.join()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.verdict()).isEqualTo("v1 promoted to production by reviewer");
    assertThat(h.rollout.calls).containsExactly("split v1 warm 0", "await warm v1", "split v7 warm 0",
        "clear: run bg-promoted blue-green: the keep-warm window of v7 is over");
    assertThat(result.rollout()).extracting(RolloutStep::name).containsExactly("warm v1", "keep v7 warm");
    assertThat(result.rollout()).extracting(RolloutStep::outcome).containsOnly("passed");
    assertThat(result.rollout().getFirst().verdict()).isEqualTo("warm on 2 of 2 serving replicas");
    assertThat(h.registry.aliases).containsEntry("production", 1);
    // the champion was kept warm for the default window: after the approval's 7-day timer, the 15 minutes
    assertThat(h.client.fetchHistory("bg-promoted").getEvents().stream()
        .filter(io.temporal.api.history.v1.HistoryEvent::hasTimerStartedEventAttributes)
        .map(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds()))
        .containsExactly(Duration.ofDays(7).toSeconds(), Duration.ofMinutes(15).toSeconds());
  }

  @Test
  void aRollbackInsideTheWindowWakesTheRunWhichEndsRolledBackAtOnce() {
    championInProduction();
    ModelLifecycleWorkflow run = h.start("bg-woken", blueGreen());
    h.awaitApprovalStep(run);
    decide(run, true);
    // the operator's rollback two seconds into the window, and the signal the application sends after it
    h.env.sleep(Duration.ofSeconds(2));
    h.rollBackInsideWindow(run, 7);
    LifecycleResult result = h.result("bg-woken");

    assertThat(result.status()).isEqualTo(LifecycleStatus.ROLLED_BACK);
    assertThat(result.verdict()).isEqualTo("v1 promoted to production by reviewer; production went back to v7"
        + " during the PT15M keep-warm window, answered by the still-loaded version");
    assertThat(result.rollout().getLast()).satisfies(step -> {
      assertThat(step.name()).isEqualTo("keep v7 warm");
      assertThat(step.outcome()).isEqualTo("failed");
    });
    // the old champion's split is cleared at once: it is production again, nothing is left to keep warm
    assertThat(h.rollout.calls).containsExactly("split v1 warm 0", "await warm v1", "split v7 warm 0",
        "clear: run bg-woken blue-green: production moved to v7 inside the keep-warm window of v7; nothing left to keep warm");
    assertThat(h.registry.aliases).containsEntry("production", 7);
    // the window's 15-minute timer never fired: the run ended within a minute of the window's start
    List<io.temporal.api.history.v1.HistoryEvent> events = h.client.fetchHistory("bg-woken").getEvents();
    io.temporal.api.history.v1.HistoryEvent window = events.stream()
        .filter(e -> e.hasTimerStartedEventAttributes() && e.getTimerStartedEventAttributes()
            .getStartToFireTimeout().getSeconds() == Duration.ofMinutes(15).toSeconds()).findFirst().orElseThrow();
    assertThat(events).noneMatch(e -> e.hasTimerFiredEventAttributes() && e.getTimerFiredEventAttributes()
        .getTimerId().equals(window.getTimerStartedEventAttributes().getTimerId()));
    assertThat(Duration.ofSeconds(events.getLast().getEventTime().getSeconds() - window.getEventTime().getSeconds()))
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void aSignalThatFindsTheCandidateStillInProductionLetsTheWindowRunOn() {
    championInProduction();
    ModelLifecycleWorkflow run = h.start("bg-stale", blueGreen());
    h.awaitApprovalStep(run);
    // a move of production before the decision (another operator's act) signals every blue-green run
    run.productionMoved();
    decide(run, true);
    h.awaitKeepingWarm(run);
    // and one inside the window whose move was undone before the run read the registry
    run.productionMoved();
    LifecycleResult result = h.result("bg-stale");

    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.rollout().getLast().verdict()).isEqualTo("window over; v7 unloaded");
    assertThat(h.rollout.calls.getLast()).isEqualTo("clear: run bg-stale blue-green: the keep-warm window of v7 is over");
    // the window ran its full 15 minutes: its timer fired
    List<io.temporal.api.history.v1.HistoryEvent> events = h.client.fetchHistory("bg-stale").getEvents();
    assertThat(events).filteredOn(io.temporal.api.history.v1.HistoryEvent::hasTimerFiredEventAttributes).isNotEmpty();
    io.temporal.api.history.v1.HistoryEvent window = events.stream()
        .filter(e -> e.hasTimerStartedEventAttributes() && e.getTimerStartedEventAttributes()
            .getStartToFireTimeout().getSeconds() >= Duration.ofMinutes(14).toSeconds()
            && e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds()
            <= Duration.ofMinutes(15).toSeconds()).findFirst().orElseThrow();
    assertThat(Duration.ofSeconds(events.getLast().getEventTime().getSeconds() - window.getEventTime().getSeconds()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(14));
  }

  @Test
  void anOperatorsPromotionOfAnotherVersionEndsTheWindowEarlyWithTheRunPromoted() {
    championInProduction();
    ModelLifecycleWorkflow run = h.start("bg-replaced", blueGreen());
    h.awaitApprovalStep(run);
    decide(run, true);
    h.awaitKeepingWarm(run);
    h.registry.aliases.put("production", 5);
    run.productionMoved();
    LifecycleResult result = h.result("bg-replaced");

    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.verdict()).isEqualTo("v1 promoted to production by reviewer");
    assertThat(result.rollout().getLast().verdict()).isEqualTo("window ended early: production moved to v5; v7 unloaded");
    assertThat(h.rollout.calls.getLast()).isEqualTo("clear: run bg-replaced blue-green: production moved to v5"
        + " inside the keep-warm window of v7; nothing left to keep warm");
  }

  @Test
  void aRollbackThatNoSignalReportsIsStillCaughtWhenTheWindowEnds() {
    championInProduction();
    // the operator's rollback, right after the switch, but the signal is lost (the application could
    // not reach Temporal): the window's end reads production back on the champion
    h.rollout.afterSplit.put("split v7 warm 0", () -> h.registry.aliases.put("production", 7));
    ModelLifecycleWorkflow run = h.start("bg-rolled-back", blueGreen());
    h.awaitApprovalStep(run);
    decide(run, true);
    LifecycleResult result = h.result("bg-rolled-back");
    assertThat(result.status()).isEqualTo(LifecycleStatus.ROLLED_BACK);
    assertThat(result.verdict()).isEqualTo("v1 promoted to production by reviewer; production went back to v7"
        + " during the PT15M keep-warm window, answered by the still-loaded version");
    assertThat(result.rollout().getLast().outcome()).isEqualTo("failed");
    assertThat(h.rollout.calls.getLast()).isEqualTo("clear: run bg-rolled-back blue-green: the keep-warm window of v7 is over");
    assertThat(h.registry.aliases).containsEntry("production", 7);
  }

  @Test
  void aCandidateThatNeverWarmsEndsTheRunWithTheChampionServing() {
    championInProduction();
    h.rollout.warmths.add(new Warmth(2, 1, List.of("replica-b: LOADING"), false));
    ModelLifecycleWorkflow run = h.start("bg-cold", blueGreen());
    h.awaitApprovalStep(run);
    decide(run, true);
    LifecycleResult result = h.result("bg-cold");
    assertThat(result.status()).isEqualTo(LifecycleStatus.FAILED);
    assertThat(result.verdict()).isEqualTo("v1 was not warm within PT5M on every serving replica "
        + "(1 of 2 warm; replica-b: LOADING); production stays on v7");
    assertThat(h.rollout.calls).containsExactly("split v1 warm 0", "await warm v1",
        "clear: run bg-cold blue-green: v1 was not warm within PT5M on every serving replica (1 of 2 warm; replica-b: LOADING)");
    assertThat(h.registry.aliases).containsEntry("production", 7);
    assertThat(h.registry.calls).contains("withdraw v1 staging");
  }

  @Test
  void aCandidateThatFailsToLoadEndsAtOnceAndSaysSo() {
    championInProduction();
    h.rollout.warmths.add(new Warmth(1, 0, List.of("replica-a: FAILED: rrna v1 cannot serve: digest mismatch"), true));
    ModelLifecycleWorkflow run = h.start("bg-broken", blueGreen());
    h.awaitApprovalStep(run);
    decide(run, true);
    LifecycleResult result = h.result("bg-broken");
    assertThat(result.status()).isEqualTo(LifecycleStatus.FAILED);
    assertThat(result.verdict()).startsWith("v1 cannot load on every serving replica (0 of 1 warm; replica-a: FAILED");
    assertThat(h.registry.aliases).containsEntry("production", 7);
  }

  @Test
  void withNoServingReplicaThereIsNothingToWarmAndTheSwitchSaysSo() {
    championInProduction();
    h.rollout.warmths.add(new Warmth(0, 0, List.of(), false));
    ModelLifecycleWorkflow run = h.start("bg-unserved", blueGreen());
    h.awaitApprovalStep(run);
    decide(run, true);
    LifecycleResult result = h.result("bg-unserved");
    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.rollout().getFirst().verdict()).isEqualTo("no serving replica reported in the last seconds; nothing to warm");
  }

  @Test
  void aRejectionGivesTheWarmSplitBack() {
    championInProduction();
    ModelLifecycleWorkflow run = h.start("bg-rejected", blueGreen());
    h.awaitApprovalStep(run);
    decide(run, false);
    LifecycleResult result = h.result("bg-rejected");
    assertThat(result.status()).isEqualTo(LifecycleStatus.REJECTED);
    assertThat(h.rollout.calls).containsExactly("split v1 warm 0", "clear: run bg-rejected: rejected");
    assertThat(h.registry.aliases).containsEntry("production", 7);
  }

  @Test
  void withoutAChampionThereIsNothingToKeepWarm() {
    ModelLifecycleWorkflow run = h.start("bg-first", blueGreen());
    h.awaitApprovalStep(run);
    decide(run, true);
    LifecycleResult result = h.result("bg-first");
    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.verdict()).endsWith("(blue-green skipped: no production version to keep warm)");
    assertThat(h.rollout.calls).isEmpty();
  }

  @Test
  void anAbTestStopsOnceBothArmsReachTheSampleSize() {
    championInProduction();
    h.rollout.readings.add(new GateReading(200, 0, 0, 0, 2.0, 0, null, 60, 0.95, 70, 0.85));
    h.rollout.readings.add(new GateReading(500, 0, 0, 0, 2.0, 0, null, 160, 0.96, 170, 0.80));
    ModelLifecycleWorkflow run = h.start("ab-sampled", abWithSampleSize());
    h.awaitApprovalStep(run);
    decide(run, true);
    LifecycleResult result = h.result("ab-sampled");
    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    // read every fiftieth of the two hours: 144 s, then 288 s, when both arms had 150 labels
    assertThat(result.verdict()).contains("(stopped at the sample size of 150 labels an arm after PT4M48S; "
        + "A/B: v1 accuracy 0.960 on 160 labels, v7 0.800 on 170").contains("v1 wins");
    // two readings and done: the rest of the two hours was not waited out (the verdict's time says so;
    // the test server's clock itself may skip on once the run has ended)
    assertThat(h.rollout.calls).containsExactly("split v1 ab 30", "measure v1 ab vs v7", "measure v1 ab vs v7",
        "clear: run ab-sampled A/B test over");
  }

  @Test
  void anAbTestShortOfItsSampleSizeRunsOutItsTime() {
    championInProduction(); // every reading: 40 labels an arm (the fake's healthy default)
    ModelLifecycleWorkflow run = h.start("ab-short", abWithSampleSize());
    h.awaitApprovalStep(run);
    decide(run, true);
    LifecycleResult result = h.result("ab-short");
    assertThat(result.status()).isEqualTo(LifecycleStatus.NOT_PROMOTED);
    assertThat(result.verdict()).startsWith("sample size of 150 labels an arm not reached in PT2H; "
        + "too few labels to decide: v1 40, v7 40 (at least 100 each)");
    assertThat(h.rollout.calls.stream().filter(c -> c.startsWith("measure"))).hasSize(50);
  }
}
