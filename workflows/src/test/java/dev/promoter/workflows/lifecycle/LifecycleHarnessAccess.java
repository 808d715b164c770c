package dev.promoter.workflows.lifecycle;

import java.util.Set;

/** Opens the package-private test harness to the replay package's recorder. */
public final class LifecycleHarnessAccess implements AutoCloseable {
  private final LifecycleHarness h = new LifecycleHarness();

  public static LifecycleRequest request(String submitter, CandidateConfig... candidates) {
    return LifecycleHarness.request(submitter, candidates);
  }

  public static CandidateConfig candidate(String name, String trainer, double score) {
    return LifecycleHarness.candidate(name, trainer, score);
  }

  public ModelLifecycleWorkflow start(String runId, LifecycleRequest request) {
    return h.start(runId, request);
  }

  public LifecycleProgress awaitApprovalStep(ModelLifecycleWorkflow workflow) {
    return h.awaitApprovalStep(workflow);
  }

  public LifecycleResult result(String runId) {
    return h.result(runId);
  }

  /** A weaker champion holds production at v1. */
  public void championInProduction() {
    h.registry.aliases.put("production", 1);
    h.evaluation.championScore = 0.9;
  }

  /** From now on, smoke checks of these versions fail. */
  public void failSmokeChecksOf(Set<Integer> versions) {
    h.evaluation.failingVersions = versions;
  }

  /** Starts a daily retraining schedule whose runs wait 36 h for approval, and lets 3 days pass. */
  public void runSchedule(String scheduleId) {
    LifecycleRequest run = new LifecycleRequest("rrna", "data/rrna",
        java.util.List.of(candidate("a", "logreg", 0.95)), "macro_f1", 0.9, 0.0,
        new ApprovalPolicy("approver", java.time.Duration.ofHours(36)), "alice", null);
    dev.promoter.workflows.retrain.RetrainScheduleWorkflow schedule = h.client.newWorkflowStub(
        dev.promoter.workflows.retrain.RetrainScheduleWorkflow.class,
        io.temporal.client.WorkflowOptions.newBuilder().setWorkflowId(scheduleId)
            .setTaskQueue(dev.promoter.workflows.TaskQueues.CPU).build());
    io.temporal.client.WorkflowClient.start(schedule::run, new dev.promoter.workflows.retrain.RetrainScheduleRequest(
        scheduleId, "@daily", dev.promoter.workflows.retrain.OverlapPolicy.SKIP, run, 100));
    h.env.sleep(java.time.Duration.ofHours(24 * 3 + 1));
  }

  /** From now on, the registry refuses every rollback (Conflict). */
  public void refuseRollbacks() {
    h.registry.refuseRollback = true;
  }

  /** Waits for a run that must fail. */
  public io.temporal.client.WorkflowFailedException failure(String runId) {
    return h.failure(runId);
  }

  /** A canary request (steps 10, 50, 100; 10-minute bakes; default gates), approved before it. */
  public static LifecycleRequest canaryRequest(String submitter) {
    return CanaryWorkflowTest.canary(ApprovalPolicy.DEFAULT, java.util.List.of(10, 50, 100));
  }

  /** A shadow request (50 % for 10 s), approved after it. */
  public static LifecycleRequest shadowRequest() {
    return CanaryWorkflowTest.shadow();
  }

  /** An A/B request (30 % for 2 h, 100 labels an arm, significance 0.05), approved before it. */
  public static LifecycleRequest abRequest() {
    return CanaryWorkflowTest.ab();
  }

  /** A blue-green request with the defaults (5 min to warm, the champion kept warm 15 min). */
  public static LifecycleRequest blueGreenRequest() {
    return BlueGreenWorkflowTest.blueGreen();
  }

  /** An A/B request that stops once each arm has 150 labels (30 % for at most 2 h). */
  public static LifecycleRequest abSampleSizeRequest() {
    return BlueGreenWorkflowTest.abWithSampleSize();
  }

  /** The next gate readings, in order (healthy once they run out). */
  public void gateReadings(dev.promoter.workflows.rollout.GateReading... readings) {
    h.rollout.readings.addAll(java.util.List.of(readings));
  }

  /** Approves once the Update is accepted, without waiting for the run to end. */
  public void approveAccepted(ModelLifecycleWorkflow run, Decision decision) {
    io.temporal.client.WorkflowStub.fromTyped(run).startUpdate("approve",
        io.temporal.client.WorkflowUpdateStage.ACCEPTED, LifecycleStatus.class, decision);
  }

  /** Rolls production back to v1 inside the run's keep-warm window and signals the run. */
  public void rollBackInsideWindow(ModelLifecycleWorkflow run) {
    h.rollBackInsideWindow(run, 1);
  }

  public String history(String workflowId) {
    return h.client.fetchHistory(workflowId).toJson(true);
  }

  @Override
  public void close() {
    h.close();
  }
}
