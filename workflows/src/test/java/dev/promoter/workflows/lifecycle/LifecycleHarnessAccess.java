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

  public String history(String workflowId) {
    return h.client.fetchHistory(workflowId).toJson(true);
  }

  @Override
  public void close() {
    h.close();
  }
}
