package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.workflows.rollout.BlueGreenSteps;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.List;
import java.util.Map;

/**
 * Gives the run's version its share of production in the header's {@code mode}: the canary's
 * step {@code stepIndex}, the shadow's or the A/B test's share; or, for blue-green ({@code warm}:
 * loaded on every replica, no traffic), the candidate before the approval or, with header
 * {@code of: champion}, the old champion for the keep-warm window after the switch (that step is
 * appended to {@code rolloutSteps} and the run's row). One audited registry transaction;
 * idempotent (setting the split already set changes nothing and returns the same start), so a
 * retried job measures from the same {@code splitSince}.
 */
public final class SetTrafficSplitWorker extends ThinWorker {
  private final RolloutActivities rollouts;
  private final RolloutProgress progress;

  public SetTrafficSplitWorker(RolloutActivities rollouts, LifecycleRuns runs) {
    this.rollouts = rollouts;
    this.progress = new RolloutProgress(runs);
  }

  @Override
  public String jobType() {
    return JobTypes.SET_TRAFFIC_SPLIT;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    String mode = RolloutJobs.header(job, "mode");
    Rollout rollout = LifecycleVariables.rollout(job.getVariablesAsMap());
    String runId = string(job, "runId");
    int version = integer(job, "version");
    if (BlueGreenSteps.WARM.equals(mode)) {
      return warm(job, rollout, runId, version);
    }
    int percent;
    String reason;
    switch (mode) {
      case Rollout.CANARY -> {
        int i = integer(job, "stepIndex");
        percent = rollout.steps().get(i);
        reason = "run " + runId + " canary step " + (i + 1) + " of " + rollout.steps().size() + ": " + percent + "%";
      }
      case Rollout.SHADOW -> {
        percent = rollout.shadowPercent();
        reason = "run " + runId + " shadow: v" + version + " also scores " + percent + "% of production";
      }
      case Rollout.AB -> {
        percent = rollout.abPercent();
        reason = "run " + runId + " A/B: v" + version + " takes " + percent + "% against v"
            + RolloutJobs.champion(job);
      }
      default -> throw new IllegalStateException("job " + job.getElementId() + ": no split mode '" + mode + "'");
    }
    long since = rollouts.setSplit(string(job, "modelName"), RolloutJobs.ALIAS, version, mode, percent,
        Workers.SYSTEM_ACTOR, reason);
    return Map.of("splitSince", since, "trafficMoved", true);
  }

  /** Blue-green's warm split: the candidate beside the champion, or the champion after the switch. */
  private Map<String, Object> warm(ActivatedJob job, Rollout rollout, String runId, int version) {
    int champion = RolloutJobs.champion(job);
    boolean keep = "champion".equals(job.getCustomHeaders().get("of"));
    String reason = keep ? BlueGreenSteps.keepReason(runId, champion, rollout.keepWarm())
        : BlueGreenSteps.preloadReason(runId, version, champion);
    long since = rollouts.setSplit(string(job, "modelName"), RolloutJobs.ALIAS, keep ? champion : version,
        BlueGreenSteps.WARM, 0, Workers.SYSTEM_ACTOR, reason);
    List<Object> steps = RolloutJobs.appended(job, keep ? BlueGreenSteps.keeping(champion, rollout.keepWarm())
        : BlueGreenSteps.preloading(version, champion));
    progress.record(job, steps);
    return Map.of("splitSince", since, "trafficMoved", true, "rolloutSteps", steps);
  }
}
