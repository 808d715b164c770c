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
 *
 * <p>Without a header it runs when the window's timer ended it. With header {@code early: true}
 * it runs when a {@code production-moved} message came in during the window (process version 5):
 * the message is only a hint, so when the run's own version still holds production it changes
 * nothing and says {@code windowCut: false} (the process waits on); otherwise it ends the window
 * at once ({@code windowCut: true}).
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
    String runId = string(job, "runId");
    int version = integer(job, "version");
    int champion = RolloutJobs.champion(job);
    boolean early = "true".equals(job.getCustomHeaders().get("early"));
    Integer holder = registry.aliasHolder(model, RolloutJobs.ALIAS);
    Map<String, Object> out = new HashMap<>();
    if (early && holder != null && holder == version) {
      out.put("windowCut", false);
      return out;
    }
    String wentBack = BlueGreenSteps.wentBack(champion, holder, rollout.keepWarm());
    if (early) {
      rollouts.clearSplit(model, RolloutJobs.ALIAS, Workers.SYSTEM_ACTOR,
          BlueGreenSteps.windowCutReason(runId, champion, holder));
      out.put("windowCut", true);
      out.put("rolloutSteps", RolloutJobs.replacedLast(job, BlueGreenSteps.windowCut(champion, holder, wentBack)));
    } else {
      rollouts.clearSplit(model, RolloutJobs.ALIAS, Workers.SYSTEM_ACTOR,
          BlueGreenSteps.windowOverReason(runId, champion));
      out.put("rolloutSteps", RolloutJobs.replacedLast(job, BlueGreenSteps.windowOver(version, champion, holder, wentBack)));
    }
    out.put("trafficMoved", false);
    if (wentBack != null) {
      out.put("status", "ROLLED_BACK");
      out.put("verdict", RecordRunEndWorker.verdict("PROMOTED", v) + "; " + wentBack);
    }
    return out;
  }
}
