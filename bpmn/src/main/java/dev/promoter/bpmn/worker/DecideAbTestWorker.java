package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.RolloutVerdicts;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the A/B test once it has run its time: both arms' online accuracy from feedback since
 * {@code splitSince}, compared with the two-proportion test ({@link RolloutVerdicts#ab}, the
 * Temporal workflow's own rule). Sets {@code abWon} and {@code abVerdict}; a challenger that does
 * not win words the run's {@code verdict}. It writes only the run's progress
 * ({@link RolloutProgress}), the same for the same figures, so a retried job is safe.
 */
public final class DecideAbTestWorker extends ThinWorker {
  private final RolloutActivities rollouts;
  private final RolloutProgress progress;

  public DecideAbTestWorker(RolloutActivities rollouts, LifecycleRuns runs) {
    this.rollouts = rollouts;
    this.progress = new RolloutProgress(runs);
  }

  @Override
  public String jobType() {
    return JobTypes.DECIDE_AB_TEST;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    Rollout rollout = LifecycleVariables.rollout(job.getVariablesAsMap());
    int version = integer(job, "version");
    int champion = RolloutJobs.champion(job);
    GateReading r = rollouts.measure(string(job, "modelName"), version, Rollout.AB, champion,
        RolloutJobs.since(job));
    RolloutVerdicts.AbOutcome decided = RolloutVerdicts.ab(r, version, champion, rollout);
    int percent = rollout.abPercent();
    Map<String, Object> out = new HashMap<>();
    List<Object> steps = RolloutJobs.appended(job, new RolloutStep("ab " + percent + "%", "ab", percent,
        decided.won() ? "passed" : "failed", r, decided.verdict()));
    progress.record(job, steps);
    out.put("rolloutSteps", steps);
    out.put("abWon", decided.won());
    out.put("abVerdict", decided.verdict());
    if (!decided.won()) {
      out.put("failure", decided.verdict());
      out.put("verdict", decided.verdict() + "; v" + champion + " keeps production");
    }
    return out;
  }
}
