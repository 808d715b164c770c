package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.rollout.BlueGreenSteps;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.HashMap;
import java.util.Map;

/**
 * Ends blue-green's keep-warm window, as the Temporal workflow does: reads who holds production,
 * clears the old champion's warm split (the replicas then unload it), and when production went
 * back to the old champion during the window (an operator's rollback) the run ends
 * {@code ROLLED_BACK}, worded by {@link BlueGreenSteps}. Idempotent: a retry reads the holder
 * again and clears what is already clear.
 */
public final class EndKeepWarmWorker extends ThinWorker {
  private final RegistryActivities registry;
  private final RolloutActivities rollouts;

  public EndKeepWarmWorker(RegistryActivities registry, RolloutActivities rollouts) {
    this.registry = registry;
    this.rollouts = rollouts;
  }

  @Override
  public String jobType() {
    return JobTypes.END_KEEP_WARM;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    Map<String, Object> v = job.getVariablesAsMap();
    Rollout rollout = LifecycleVariables.rollout(v);
    String model = string(job, "modelName");
    int version = integer(job, "version");
    int champion = RolloutJobs.champion(job);
    Integer holder = registry.aliasHolder(model, RolloutJobs.ALIAS);
    rollouts.clearSplit(model, RolloutJobs.ALIAS, Workers.SYSTEM_ACTOR,
        BlueGreenSteps.windowOverReason(string(job, "runId"), champion));
    String wentBack = BlueGreenSteps.wentBack(champion, holder, rollout.keepWarm());
    Map<String, Object> out = new HashMap<>();
    out.put("trafficMoved", false);
    out.put("rolloutSteps", RolloutJobs.replacedLast(job, BlueGreenSteps.windowOver(version, champion, holder, wentBack)));
    if (wentBack != null) {
      out.put("status", "ROLLED_BACK");
      out.put("verdict", RecordRunEndWorker.verdict("PROMOTED", v) + "; " + wentBack);
    }
    return out;
  }
}
