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
 * Reads the gates of the step that just baked, from the prediction log since {@code splitSince}
 * (the same {@code measure} and {@link dev.promoter.workflows.rollout.Gates} as on Temporal), and
 * appends the step to {@code rolloutSteps} and to the run's registry row
 * ({@link RolloutProgress}). Header {@code mode}: {@code canary} decides ({@code gatePassed};
 * a pass moves {@code stepIndex} on, a failure words the run's
 * {@code failure} and {@code verdict}); {@code shadow} only reports, for the approver. It writes
 * only the run's progress, the same for the same steps, so a retried job is safe.
 */
public final class ReadGatesWorker extends ThinWorker {
  private final RolloutActivities rollouts;
  private final RolloutProgress progress;

  public ReadGatesWorker(RolloutActivities rollouts, LifecycleRuns runs) {
    this.rollouts = rollouts;
    this.progress = new RolloutProgress(runs);
  }

  @Override
  public String jobType() {
    return JobTypes.READ_GATES;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    String mode = RolloutJobs.header(job, "mode");
    Rollout rollout = LifecycleVariables.rollout(job.getVariablesAsMap());
    int version = integer(job, "version");
    int champion = RolloutJobs.champion(job);
    GateReading reading = rollouts.measure(string(job, "modelName"), version, mode, champion,
        RolloutJobs.since(job));
    List<String> failed = rollout.gates().failures(reading);
    Map<String, Object> out = new HashMap<>();
    if (Rollout.SHADOW.equals(mode)) {
      List<Object> steps = RolloutJobs.appended(job, RolloutVerdicts.shadowStep(rollout.shadowPercent(), reading, failed));
      progress.record(job, steps);
      out.put("rolloutSteps", steps);
      return out;
    }
    int i = integer(job, "stepIndex");
    int percent = rollout.steps().get(i);
    boolean passed = failed.isEmpty();
    String gates = String.join("; ", failed);
    List<Object> steps = RolloutJobs.appended(job, new RolloutStep("canary " + percent + "%", "canary",
        percent, passed ? "passed" : "failed", reading, passed ? "every gate passed" : gates));
    progress.record(job, steps);
    out.put("rolloutSteps", steps);
    out.put("gatePassed", passed);
    if (passed) {
      out.put("stepIndex", i + 1);
    } else {
      out.put("failure", "canary gate failed at " + percent + "%: " + gates);
      out.put("verdict", RolloutVerdicts.canaryRolledBack(version, i + 1, percent, failed, reading, champion));
    }
    return out;
  }
}
