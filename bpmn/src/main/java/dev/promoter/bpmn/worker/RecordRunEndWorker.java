package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutVerdicts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the run's end and its result in the same shape as a Temporal run's
 * ({@code status, modelName, version, metrics, verdict}). Idempotent: the last status wins.
 */
public final class RecordRunEndWorker extends ThinWorker {
  private final RegistryActivities registry;

  public RecordRunEndWorker(RegistryActivities registry) {
    this.registry = registry;
  }

  @Override
  public String jobType() {
    return JobTypes.RECORD_RUN_END;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    Map<String, Object> v = job.getVariablesAsMap();
    String status = string(job, "status");
    String verdict = (v.get("verdict") instanceof String s ? s : verdict(status, v)) + rolloutNote(status, v);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", status);
    result.put("modelName", v.get("modelName"));
    result.put("version", v.get("version"));
    result.put("metrics", v.getOrDefault("bestMetrics", Map.of()));
    result.put("verdict", verdict);
    result.put("rollout", rollout(v));
    registry.runFinished(string(job, "runId"), status, LifecycleVariables.json(result));
    return Map.of("verdict", verdict);
  }

  /** The rollout's steps as a Temporal run records them: none for a direct run. */
  static Object rollout(Map<String, Object> v) {
    Object strategy = v.get("strategy");
    if (strategy == null || Rollout.DIRECT.equals(strategy)) {
      return null;
    }
    return v.get("rolloutSteps") instanceof List<?> steps ? steps : List.of();
  }

  /** What a promotion's verdict adds about its rollout, as the Temporal workflow words it. */
  static String rolloutNote(String status, Map<String, Object> v) {
    Object strategy = v.get("strategy");
    if (!"PROMOTED".equals(status) || strategy == null || Rollout.DIRECT.equals(strategy)) {
      return "";
    }
    if (v.get("champion") == null) {
      return RolloutVerdicts.skippedWithoutChampion(String.valueOf(strategy));
    }
    return v.get("abVerdict") instanceof String ab ? " (" + ab + ")" : "";
  }

  /** The verdict of an end whose step did not word it, as the Temporal workflow words it. */
  static String verdict(String status, Map<String, Object> v) {
    Object version = v.get("version");
    // with after-canary approval the decision was awaited with the canary's traffic moved
    boolean duringCanary = Boolean.TRUE.equals(v.get("decideAfterCanary")) && v.get("champion") != null;
    return switch (status) {
      case "PROMOTED" -> "v" + version + " promoted to production by " + v.get("decidedBy");
      case "REJECTED" -> "rejected by " + v.get("decidedBy") + (duringCanary ? " during the canary" : "") + ": "
          + v.get("decisionReason");
      case "EXPIRED" -> "no decision within " + v.get("approvalTimeout") + (duringCanary
          ? "; the canary's traffic went back to v" + v.get("champion") : "; v" + version + " withdrawn from staging");
      case "ROLLED_BACK" -> "v" + version + " failed its post-promotion check (" + v.get("failure")
          + "); production is back on v" + v.get("restoredVersion");
      default -> "v" + version + " failed: " + v.get("failure");
    };
  }
}
