package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.RegistryActivitiesImpl;
import dev.promoter.registry.RegistryException;
import io.camunda.client.api.response.ActivatedJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts an open run's rollout steps in its registry row as each ends: a Camunda run has no live
 * progress to query (a Temporal run does), and the run page and the API read the steps from the
 * row, so the approver sees a shadow's figures, or the canary's lower steps, before deciding. The
 * row's result is replaced by the run's end. Idempotent: the same steps write the same row.
 */
final class RolloutProgress {
  private final LifecycleRuns runs;

  RolloutProgress(LifecycleRuns runs) {
    this.runs = runs;
  }

  /** Records {@code steps} on the job's run, which is running (no decision is awaited mid-step). */
  void record(ActivatedJob job, List<Object> steps) {
    Map<String, Object> v = job.getVariablesAsMap();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("modelName", v.get("modelName"));
    result.put("version", v.get("version"));
    result.put("rollout", steps);
    try {
      runs.status(ThinWorker.string(job, "runId"), "RUNNING", LifecycleVariables.json(result));
    } catch (RegistryException e) {
      throw RegistryActivitiesImpl.failure(e);
    }
  }
}
