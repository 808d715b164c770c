package dev.promoter.workflows.lifecycle;

import static dev.promoter.workflows.lifecycle.LifecycleHarness.candidate;
import static dev.promoter.workflows.lifecycle.LifecycleHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lifecycle's paths, on Temporal's time-skipping test server. */
class ModelLifecycleWorkflowTest {
  private final LifecycleHarness h = new LifecycleHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void happyPathTrainsOnBothPoolsPicksTheBestStagesAndPromotesOnApproval() {
    ModelLifecycleWorkflow run = h.start("run-1", request("alice",
        candidate("logreg", "logreg", 0.95), candidate("cnn", "cnn", 0.97),
        candidate("forest", "forest", 0.96)));
    LifecycleProgress waiting = h.awaitApprovalStep(run);
    assertThat(waiting.status()).isEqualTo(LifecycleStatus.AWAITING_APPROVAL);
    assertThat(waiting.best()).isEqualTo("cnn");
    assertThat(waiting.version()).isEqualTo(1);
    assertThat(waiting.candidates()).extracting(CandidateProgress::state).containsOnly("DONE");
    assertThat(waiting.candidates()).extracting(CandidateProgress::taskQueue)
        .containsExactly("cpu", "gpu", "cpu");
    assertThat(h.trainedBy).containsEntry("cnn", "gpu").containsEntry("logreg", "cpu");
    assertThat(h.registry.aliases).containsEntry("staging", 1).doesNotContainKey("production");

    assertThat(run.approve(new Decision("reviewer", "metrics look right"))).isEqualTo(LifecycleStatus.PROMOTED);
    LifecycleResult result = h.result("run-1");
    assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.metrics()).containsEntry("macro_f1", 0.97);
    assertThat(h.registry.aliases).containsEntry("production", 1);
    assertThat(h.registry.calls).contains("promote v1 production by reviewer");
    assertThat(h.registry.approvals).containsEntry("run-1", "APPROVED by reviewer");
    assertThat(h.registry.runStatus).containsEntry("run-1", "PROMOTED");
  }

  @Test
  void rejectionWithdrawsTheStagedVersion() {
    ModelLifecycleWorkflow run = h.start("run-2", request("alice", candidate("a", "logreg", 0.95)));
    h.awaitApprovalStep(run);
    assertThat(run.reject(new Decision("reviewer", "fragments look weak"))).isEqualTo(LifecycleStatus.REJECTED);
    LifecycleResult result = h.result("run-2");
    assertThat(result.status()).isEqualTo(LifecycleStatus.REJECTED);
    assertThat(result.verdict()).contains("rejected by reviewer: fragments look weak");
    assertThat(h.registry.calls).contains("withdraw v1 staging");
    assertThat(h.registry.aliases).doesNotContainKey("production");
  }

  @Test
  void approvalExpiresAfterSevenDaysOfWorkflowTime() {
    long start = h.env.currentTimeMillis();
    h.start("run-3", request("alice", candidate("a", "logreg", 0.95)));
    LifecycleResult result = h.result("run-3");
    assertThat(result.status()).isEqualTo(LifecycleStatus.EXPIRED);
    assertThat(h.env.currentTimeMillis() - start).isGreaterThanOrEqualTo(Duration.ofDays(7).toMillis());
    assertThat(h.registry.approvals).containsEntry("run-3", "EXPIRED by promoter");
    assertThat(h.registry.calls).contains("withdraw v1 staging");
  }

  @Test
  void fourEyesAndRoleAreEnforcedBeforeADecisionIsAccepted() {
    ModelLifecycleWorkflow run = h.start("run-4", request("alice", candidate("a", "logreg", 0.95)));
    h.awaitApprovalStep(run);
    assertThatThrownBy(() -> run.approve(new Decision("alice", "lgtm")))
        .isInstanceOf(WorkflowUpdateException.class)
        .hasStackTraceContaining("alice submitted this run and cannot also decide on it (four eyes)");
    assertThatThrownBy(() -> run.approve(new Decision("mallory", "lgtm")))
        .isInstanceOf(WorkflowUpdateException.class)
        .hasStackTraceContaining("mallory does not hold the 'approver' role");
    assertThatThrownBy(() -> run.approve(new Decision("reviewer", " ")))
        .hasStackTraceContaining("needs a reason");
    assertThat(run.progress().status()).isEqualTo(LifecycleStatus.AWAITING_APPROVAL);
    assertThat(run.approve(new Decision("reviewer", "ok"))).isEqualTo(LifecycleStatus.PROMOTED);
    // The run completes right after PROMOTED: a late decision meets either the validator (the
    // run is still closing) or the server's refusal to update a closed workflow.
    Throwable late = catchThrowable(() -> run.approve(new Decision("reviewer", "again")));
    if (late instanceof WorkflowUpdateException) {
      assertThat(late).hasStackTraceContaining("is not waiting for approval");
    } else {
      assertThat(late).isInstanceOf(WorkflowNotFoundException.class);
    }
    assertThat(h.result("run-4").status()).isEqualTo(LifecycleStatus.PROMOTED);
  }

  @Test
  void theRunSaysItWaitsOnlyOnceItsApproversAreKnown() throws Exception {
    h.registry.approvalGate = new java.util.concurrent.CountDownLatch(1);
    ModelLifecycleWorkflow run = h.start("run-11", request("alice", candidate("a", "logreg", 0.95)));
    for (int i = 0; i < 20; i++) {
      assertThat(run.progress().status()).isEqualTo(LifecycleStatus.RUNNING);
      Thread.sleep(50);
    }
    assertThatThrownBy(() -> run.approve(new Decision("reviewer", "early")))
        .hasStackTraceContaining("is not waiting for approval (it is RUNNING)");
    h.registry.approvalGate.countDown();
    assertThat(h.awaitApprovalStep(run).status()).isEqualTo(LifecycleStatus.AWAITING_APPROVAL);
    assertThat(run.approve(new Decision("reviewer", "now"))).isEqualTo(LifecycleStatus.PROMOTED);
  }

  @Test
  void theChampionKeepsProductionWhenTheChallengerDoesNotBeatItByTheMargin() {
    h.registry.aliases.put("production", 7);
    h.evaluation.championScore = 0.948;
    h.start("run-5", request("alice", candidate("a", "logreg", 0.95)));
    LifecycleResult result = h.result("run-5");
    assertThat(result.status()).isEqualTo(LifecycleStatus.NOT_PROMOTED);
    assertThat(result.verdict()).contains("champion v7 keeps production");
    assertThat(h.registry.calls).noneMatch(c -> c.startsWith("register"));
  }

  @Test
  void aCandidateBelowTheMinimumIsNeverRegistered() {
    h.start("run-6", request("alice", candidate("a", "logreg", 0.5)));
    LifecycleResult result = h.result("run-6");
    assertThat(result.status()).isEqualTo(LifecycleStatus.NOT_PROMOTED);
    assertThat(result.verdict()).contains("below the minimum 0.9000");
  }

  @Test
  void aFailedCandidateIsReportedAndTheOthersGoOn() {
    ModelLifecycleWorkflow run = h.start("run-7", request("alice",
        new CandidateConfig("broken", "logreg", "cpu", java.util.Map.of()),
        candidate("ok", "forest", 0.95)));
    LifecycleProgress p = h.awaitApprovalStep(run);
    assertThat(p.candidates()).extracting(CandidateProgress::name, CandidateProgress::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("broken", "FAILED"),
            org.assertj.core.groups.Tuple.tuple("ok", "DONE"));
    assertThat(p.candidates().getFirst().error()).contains("training diverged");
  }

  @Test
  void aStagingSmokeFailureIsCompensated() {
    h.evaluation.failingVersions = Set.of(1);
    h.start("run-8", request("alice", candidate("a", "logreg", 0.95)));
    LifecycleResult result = h.result("run-8");
    assertThat(result.status()).isEqualTo(LifecycleStatus.FAILED);
    assertThat(result.verdict()).contains("failed its staging smoke check");
    assertThat(h.registry.calls).contains("withdraw v1 staging");
    assertThat(h.registry.aliases).isEmpty();
  }

  @Test
  void aPostPromotionFailureRollsProductionBackToTheChampion() {
    h.registry.aliases.put("production", 1);
    h.registry.versions = 1;
    h.evaluation.championScore = 0.90;
    ModelLifecycleWorkflow run = h.start("run-9", request("alice", candidate("a", "logreg", 0.95)));
    h.awaitApprovalStep(run);
    h.evaluation.failingVersions = Set.of(2);
    assertThat(run.approve(new Decision("reviewer", "ship it"))).isEqualTo(LifecycleStatus.ROLLED_BACK);
    LifecycleResult result = h.result("run-9");
    assertThat(result.verdict()).contains("production is back on v1");
    assertThat(h.registry.calls).contains("promote v2 production by reviewer", "rollback production from v2");
    assertThat(h.registry.aliases).containsEntry("production", 1);
  }

  @Test
  void everyCandidateFailingFailsTheRun() {
    h.start("run-10", request("alice", new CandidateConfig("broken", "logreg", "cpu", java.util.Map.of())));
    assertThat(h.result("run-10").status()).isEqualTo(LifecycleStatus.FAILED);
    assertThat(h.registry.runStatus).containsEntry("run-10", "FAILED");
  }

  @Test
  void anUnknownPoolFailsTheRunForGoodAndRecordsItsEnd() {
    h.start("run-12", request("alice", candidate("a", "logreg", 0.95),
        new CandidateConfig("b", "logreg", "tpu", java.util.Map.of("score", "0.99"))));
    WorkflowFailedException failed = h.failure("run-12");
    assertThat(failed.getCause()).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.isNonRetryable()).isTrue();
      assertThat(f.getType()).isEqualTo("BadInput");
      assertThat(f.getOriginalMessage()).contains("candidate 'b' needs pool 'tpu'")
          .contains("[cpu, gpu]");
    });
    assertThat(h.registry.runStatus).containsEntry("run-12", "FAILED");
    assertThat(h.trainedBy).as("nothing trains when one candidate's pool is unknown").isEmpty();
  }

  @Test
  void aRequestWithoutACpuPoolIsRecordedAndFailsForGood() {
    LifecycleRequest base = request("alice", new CandidateConfig("c", "cnn", "gpu",
        java.util.Map.of("score", "0.95")));
    h.start("run-13", new LifecycleRequest(base.modelName(), base.dataset(), base.candidates(),
        base.decidingMetric(), base.minimumMetric(), base.championMargin(), base.approval(),
        base.submittedBy(), java.util.Map.of("gpu", "gpu")));
    assertThat(h.failure("run-13").getCause()).hasMessageContaining("needs pool 'cpu'");
    assertThat(h.registry.runStatus).containsEntry("run-13", "FAILED");
  }

  @Test
  void aMissingDecidingMetricFailsTheRunAndRecordsItsEnd() {
    h.registry.aliases.put("production", 7);
    h.evaluation.championMetrics = java.util.Map.of("accuracy", 0.9);
    h.start("run-14", request("alice", candidate("a", "logreg", 0.95)));
    assertThat(h.failure("run-14").getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
        f -> assertThat(f.getOriginalMessage()).contains("metric 'macro_f1' is not reported"));
    assertThat(h.registry.runStatus).containsEntry("run-14", "FAILED");
  }

  @Test
  void aFailedRollbackWithdrawsTheStagedVersionAndRecordsTheEnd() {
    h.registry.aliases.put("production", 1);
    h.registry.versions = 1;
    h.evaluation.championScore = 0.90;
    ModelLifecycleWorkflow run = h.start("run-15", request("alice", candidate("a", "logreg", 0.95)));
    h.awaitApprovalStep(run);
    h.evaluation.failingVersions = Set.of(2);
    h.registry.refuseRollback = true;
    run.approve(new Decision("reviewer", "ship it"));
    WorkflowFailedException failed = h.failure("run-15");
    assertThat(failed.getCause()).isInstanceOf(ChildWorkflowFailure.class)
        .hasStackTraceContaining("has no earlier holder to roll back to");
    assertThat(h.registry.calls).contains("withdraw v2 staging");
    assertThat(h.registry.runStatus).containsEntry("run-15", "FAILED");
    assertThat(run.progress().verdict()).contains("no earlier holder");
  }

  @Test
  void aCancelledRunStillWithdrawsWhatItStagedAndRecordsItsEnd() {
    ModelLifecycleWorkflow run = h.start("run-16", request("alice", candidate("a", "logreg", 0.95)));
    h.awaitApprovalStep(run);
    WorkflowStub.fromTyped(run).cancel();
    assertThat(h.failure("run-16").getCause()).isInstanceOf(CanceledFailure.class);
    assertThat(h.registry.calls).contains("withdraw v1 staging");
    assertThat(h.registry.aliases).doesNotContainKey("staging");
    assertThat(h.registry.runStatus).containsEntry("run-16", "FAILED");
  }
}
