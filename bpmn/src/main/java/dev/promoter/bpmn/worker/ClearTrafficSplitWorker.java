package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.rollout.RolloutActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;

/**
 * Gives all of production back to its holder, with the header's {@code why} (and the run's
 * {@code failure}, when one ended it) in the audit row. Only when this run moved traffic
 * ({@code trafficMoved}): a direct run's rejection must not clear another run's split of the same
 * model. Idempotent: clearing what is clear changes nothing.
 */
public final class ClearTrafficSplitWorker extends ThinWorker {
  private final RolloutActivities rollouts;

  public ClearTrafficSplitWorker(RolloutActivities rollouts) {
    this.rollouts = rollouts;
  }

  @Override
  public String jobType() {
    return JobTypes.CLEAR_TRAFFIC_SPLIT;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    Map<String, Object> v = job.getVariablesAsMap();
    if (!Boolean.TRUE.equals(v.get("trafficMoved"))) {
      return Map.of();
    }
    Object failure = v.get("failure");
    rollouts.clearSplit(string(job, "modelName"), RolloutJobs.ALIAS, Workers.SYSTEM_ACTOR,
        "run " + string(job, "runId") + " " + RolloutJobs.header(job, "why")
            + (failure == null ? "" : ": " + failure));
    return Map.of("trafficMoved", false);
  }
}
