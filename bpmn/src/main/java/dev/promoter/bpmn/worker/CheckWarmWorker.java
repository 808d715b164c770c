package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.workflows.rollout.BlueGreenSteps;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.Warmth;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blue-green's warm-up check, once: what every live serving replica reports of the candidate
 * ({@code checkWarm}, the same reports the Temporal activity polls), decided by the same rule
 * ({@link BlueGreenSteps}). Sets {@code warmOutcome}: {@code waiting} (the process waits on a
 * timer and asks again), {@code passed} (every live replica has it warm, or none is live: the
 * switch goes ahead) or {@code failed} (a replica cannot load it; or, with header
 * {@code last: true}, the check the warm-up timeout makes, anything short of warm), which words
 * the run's {@code failure} and {@code verdict}. A short job: the wait is the engine's timer, never
 * a worker thread. Read-only but for the run's progress, the same for the same reports.
 */
public final class CheckWarmWorker extends ThinWorker {
  private final RolloutActivities rollouts;
  private final RolloutProgress progress;

  public CheckWarmWorker(RolloutActivities rollouts, LifecycleRuns runs) {
    this.rollouts = rollouts;
    this.progress = new RolloutProgress(runs);
  }

  @Override
  public String jobType() {
    return JobTypes.CHECK_WARM;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    Rollout rollout = LifecycleVariables.rollout(job.getVariablesAsMap());
    int version = integer(job, "version");
    Warmth w = rollouts.checkWarm(string(job, "modelName"), version);
    boolean last = "true".equals(job.getCustomHeaders().get("last"));
    Map<String, Object> out = new HashMap<>();
    RolloutStep step = !last && BlueGreenSteps.stillWaiting(w) ? BlueGreenSteps.waiting(version, rollout.warmTimeout())
        : BlueGreenSteps.afterWait(version, rollout.warmTimeout(), w);
    String outcome = step.outcome().equals("running") ? "waiting" : step.outcome();
    out.put("warmOutcome", outcome);
    Map<String, Object> recorded = LifecycleVariables.asMap(step);
    if (!(job.getVariablesAsMap().get("rolloutSteps") instanceof List<?> before && !before.isEmpty()
        && recorded.equals(before.getLast()))) {
      // written when it changes, not on every check of the loop
      List<Object> steps = RolloutJobs.replacedLast(job, step);
      progress.record(job, steps);
      out.put("rolloutSteps", steps);
    }
    if (outcome.equals("failed")) {
      out.put("failure", step.verdict());
      out.put("verdict", BlueGreenSteps.coldVerdict(step.verdict(), RolloutJobs.champion(job)));
    }
    return out;
  }
}
