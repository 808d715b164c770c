package dev.promoter.workflows.lifecycle;

import static dev.promoter.workflows.lifecycle.LifecycleHarness.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Gates;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutStep;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The canary's step logic on Temporal's time-skipping test server, with the traffic boundary
 * faked: steps in order, each held for the bake time, gates read after each, a failed gate
 * giving traffic back at once, approval before or after the canary. (End to end with real
 * requests: {@code RolloutEndToEndTest} in workers.)
 */
class CanaryWorkflowTest {
  private final LifecycleHarness h = new LifecycleHarness();

  @AfterEach
  void close() {
    h.close();
  }

  static LifecycleRequest canary(ApprovalPolicy approval, List<Integer> steps) {
    // approval after the canary: short bakes, so the test's one-second steps of time reach it
    Duration bake = approval.afterCanary() ? Duration.ofSeconds(10) : Duration.ofMinutes(10);
    return new LifecycleRequest("rrna", "data/rrna", List.of(candidate("a", "logreg", 0.99)), "macro_f1",
        0.9, 0.005, approval, "alice", null, new Rollout("canary", steps, bake, Gates.DEFAULT, null));
  }

  /**
   * Approves without waiting on the calling thread: the Update answers only when the run ends,
   * and the canary's bake timers fire only while a result is awaited (time skipping).
   */
  private java.util.concurrent.CompletableFuture<LifecycleStatus> decide(ModelLifecycleWorkflow run,
      boolean approve, String reason) {
    // accepted before the result is awaited, so skipped time cannot expire the approval first
    return io.temporal.client.WorkflowStub.fromTyped(run).startUpdate(approve ? "approve" : "reject",
        io.temporal.client.WorkflowUpdateStage.ACCEPTED, LifecycleStatus.class,
        new Decision("reviewer", reason)).getResultAsync();
  }

  private static String runId(ModelLifecycleWorkflow run) {
    return io.temporal.client.WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
  }

  private void championInProduction() {
    h.registry.aliases.put("production", 7);
    h.evaluation.championScore = 0.9;
  }

  @Test
  void aHealthyCanaryStepsUpAndPromotes() {
    championInProduction();
    ModelLifecycleWorkflow run = h.start("canary-good", canary(ApprovalPolicy.DEFAULT, null));
    LifecycleProgress waiting = h.awaitApprovalStep(run);
    assertThat(waiting.strategy()).isEqualTo("canary");
    var decided = decide(run, true, "ship it");
    h.result(runId(run));
    assertThat(decided.join()).isEqualTo(LifecycleStatus.PROMOTED);
    LifecycleResult result = h.result("canary-good");
    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.rollout()).extracting(RolloutStep::percent).containsExactly(10, 25, 50, 100);
    assertThat(result.rollout()).extracting(RolloutStep::outcome).containsOnly("passed");
    assertThat(result.rollout().getFirst().reading()).isEqualTo(FakeRollout.HEALTHY);
    assertThat(h.rollout.calls).containsExactly(
        "split v1 canary 10", "measure v1 canary vs v7",
        "split v1 canary 25", "measure v1 canary vs v7",
        "split v1 canary 50", "measure v1 canary vs v7",
        "split v1 canary 100", "measure v1 canary vs v7",
        "clear: run canary-good: canary passed every step; v1 takes production");
    assertThat(h.registry.aliases).containsEntry("production", 1);
  }

  @Test
  void aFailedGateGivesTrafficBackAtOnceAndEndsRolledBackWithItsFigures() {
    championInProduction();
    GateReading bad = new GateReading(120, 0, 3, 0, 4.0, 120, 0.05, 0, null, 0, null);
    h.rollout.readings.add(FakeRollout.HEALTHY);
    h.rollout.readings.add(bad);
    ModelLifecycleWorkflow run = h.start("canary-bad", canary(ApprovalPolicy.DEFAULT, null));
    h.awaitApprovalStep(run);
    var decided = decide(run, true, "try it");
    h.result(runId(run));
    assertThat(decided.join()).isEqualTo(LifecycleStatus.ROLLED_BACK);
    LifecycleResult result = h.result("canary-bad");
    assertThat(result.status()).isEqualTo(LifecycleStatus.ROLLED_BACK);
    assertThat(result.verdict()).contains("rolled back at canary step 2 (25%)")
        .contains("agreement with the champion 0.050 under 0.900 (120 requests compared)")
        .contains("3 unavailable").contains("production stays on v7");
    assertThat(result.rollout()).extracting(RolloutStep::outcome).containsExactly("passed", "failed");
    assertThat(h.rollout.calls.getLast()).startsWith("clear: run canary-bad canary gate failed at 25%");
    assertThat(h.rollout.calls).doesNotContain("split v1 canary 50");
    assertThat(h.registry.aliases).containsEntry("production", 7);
    assertThat(h.registry.calls).contains("withdraw v1 staging");
    assertThat(h.registry.runStatus).containsEntry("canary-bad", "ROLLED_BACK");
  }

  @Test
  void tooLittleTrafficIsTooLittleEvidence() {
    championInProduction();
    h.rollout.readings.add(new GateReading(3, 0, 0, 0, 1.0, 3, 1.0, 0, null, 0, null));
    ModelLifecycleWorkflow run = h.start("canary-quiet", canary(ApprovalPolicy.DEFAULT, List.of(50, 100)));
    h.awaitApprovalStep(run);
    decide(run, true, "go");
    assertThat(h.result("canary-quiet").verdict()).contains("only 3 requests reached the candidate (at least 20 needed)");
  }

  @Test
  void approvalAfterTheCanaryComesBeforeTheLastStepWithTheFiguresOnTheRun() {
    championInProduction();
    ModelLifecycleWorkflow run = h.start("canary-after", canary(
        new ApprovalPolicy("approver", Duration.ofDays(1), ApprovalPolicy.AFTER_CANARY), List.of(10, 50, 100)));
    LifecycleProgress waiting = h.awaitApprovalStep(run);
    assertThat(waiting.status()).isEqualTo(LifecycleStatus.AWAITING_APPROVAL);
    assertThat(waiting.rollout()).extracting(RolloutStep::percent).containsExactly(10, 50);
    assertThat(waiting.rollout()).extracting(RolloutStep::outcome).containsOnly("passed");
    assertThat(h.registry.aliases).containsEntry("production", 7);
    var decided = decide(run, true, "the canary looks right");
    h.result(runId(run));
    assertThat(decided.join()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(h.rollout.calls).contains("split v1 canary 100");
    assertThat(h.registry.calls).contains("promote v1 production by reviewer");
  }

  @Test
  void rejectedAfterTheCanaryGivesTrafficBack() {
    championInProduction();
    ModelLifecycleWorkflow run = h.start("canary-rejected", canary(
        new ApprovalPolicy("approver", Duration.ofDays(1), ApprovalPolicy.AFTER_CANARY), List.of(10, 100)));
    h.awaitApprovalStep(run);
    var decided = decide(run, false, "agreement too low for my taste");
    h.result(runId(run));
    assertThat(decided.join()).isEqualTo(LifecycleStatus.REJECTED);
    assertThat(h.rollout.calls.getLast()).isEqualTo("clear: run canary-rejected: agreement too low for my taste");
    assertThat(h.registry.aliases).containsEntry("production", 7);
  }

  static LifecycleRequest shadow() {
    return new LifecycleRequest("rrna", "data/rrna", List.of(candidate("a", "logreg", 0.99)), "macro_f1",
        0.9, 0.005, ApprovalPolicy.DEFAULT, "alice", null,
        new Rollout("shadow", null, Duration.ofSeconds(10), Gates.DEFAULT, 50));
  }

  @Test
  void aShadowReportsItsFiguresBeforeTheApprovalAndTakesNoTraffic() {
    championInProduction();
    GateReading disagreeing = new GateReading(300, 0, 0, 0, 2.0, 300, 0.62, 30, 0.7, 30, 0.93);
    h.rollout.readings.add(disagreeing);
    ModelLifecycleWorkflow run = h.start("shadow-run", shadow());
    LifecycleProgress waiting = h.awaitApprovalStep(run);
    assertThat(waiting.status()).isEqualTo(LifecycleStatus.AWAITING_APPROVAL);
    assertThat(waiting.rollout()).singleElement().satisfies(step -> {
      assertThat(step.name()).isEqualTo("shadow 50%");
      assertThat(step.outcome()).isEqualTo("failed");
      assertThat(step.reading()).isEqualTo(disagreeing);
      assertThat(step.verdict()).contains("agreement with the champion 0.620 under 0.900")
          .contains("online accuracy 0.700 under 0.800 (30 labels)").endsWith("(reported to the approver)");
    });
    assertThat(h.rollout.calls).containsExactly("split v1 shadow 50", "measure v1 shadow vs v7",
        "clear: run shadow-run shadow done; figures to the approver");
    assertThat(h.registry.aliases).containsEntry("production", 7);
    var decided = decide(run, false, "the shadow disagrees too often");
    h.result(runId(run));
    assertThat(decided.join()).isEqualTo(LifecycleStatus.REJECTED);
    assertThat(h.result("shadow-run").rollout()).hasSize(1);
  }

  static LifecycleRequest ab() {
    return new LifecycleRequest("rrna", "data/rrna", List.of(candidate("a", "logreg", 0.99)), "macro_f1",
        0.9, 0.005, ApprovalPolicy.DEFAULT, "alice", null,
        new Rollout("ab", null, Duration.ofHours(2), Gates.DEFAULT, null, 30, 100, 0.05));
  }

  @Test
  void anAbTestPromotesTheChallengerOnlyWhenItIsSignificantlyMoreAccurate() {
    championInProduction();
    h.rollout.readings.add(new GateReading(400, 0, 0, 0, 2.0, 0, null, 400, 0.95, 400, 0.85));
    ModelLifecycleWorkflow run = h.start("ab-won", ab());
    h.awaitApprovalStep(run);
    var decided = decide(run, true, "test it");
    h.result(runId(run));
    assertThat(decided.join()).isEqualTo(LifecycleStatus.PROMOTED);
    LifecycleResult won = h.result("ab-won");
    assertThat(won.verdict()).contains("A/B: v1 accuracy 0.950 on 400 labels, v7 0.850 on 400")
        .contains("p-value").contains("v1 wins");
    assertThat(h.rollout.calls).startsWith("split v1 ab 30", "measure v1 ab vs v7");
    assertThat(h.registry.aliases).containsEntry("production", 1);
  }

  @Test
  void anAbTestWithoutASignificantDifferenceKeepsTheChampion() {
    championInProduction();
    h.rollout.readings.add(new GateReading(300, 0, 0, 0, 2.0, 0, null, 200, 0.90, 200, 0.89));
    ModelLifecycleWorkflow run = h.start("ab-even", ab());
    h.awaitApprovalStep(run);
    var decided = decide(run, true, "test it");
    h.result(runId(run));
    assertThat(decided.join()).isEqualTo(LifecycleStatus.NOT_PROMOTED);
    assertThat(h.result("ab-even").verdict()).contains("no significant difference").endsWith("v7 keeps production");
    assertThat(h.registry.aliases).containsEntry("production", 7);
    assertThat(h.registry.calls).contains("withdraw v1 staging");
  }

  @Test
  void anAbTestWithTooFewLabelsDecidesNothing() {
    championInProduction();
    h.rollout.readings.add(new GateReading(300, 0, 0, 0, 2.0, 0, null, 40, 1.0, 60, 0.5));
    ModelLifecycleWorkflow run = h.start("ab-thin", ab());
    h.awaitApprovalStep(run);
    decide(run, true, "test it");
    assertThat(h.result("ab-thin").verdict()).startsWith("too few labels to decide: v1 40, v7 60 (at least 100 each)");
  }

  @Test
  void withoutAChampionTheCanaryIsSkippedAndSaysSo() {
    ModelLifecycleWorkflow run = h.start("canary-first", canary(ApprovalPolicy.DEFAULT, null));
    h.awaitApprovalStep(run);
    decide(run, true, "first one");
    LifecycleResult result = h.result("canary-first");
    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.verdict()).endsWith("(canary skipped: no production version to compare with)");
    assertThat(h.rollout.calls).isEmpty();
  }
}
