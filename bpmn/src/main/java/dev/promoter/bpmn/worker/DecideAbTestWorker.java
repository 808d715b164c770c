package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.workflows.rollout.AbSampleStop;
import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.RolloutVerdicts;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the A/B test: both arms' online accuracy from feedback since {@code splitSince},
 * compared with the two-proportion test ({@link RolloutVerdicts#ab}, the Temporal workflow's own
 * rule). Sets {@code abOutcome} ({@code decided}), {@code abWon} and {@code abVerdict}; a
 * challenger that does not win words the run's {@code verdict}.
 *
 * <p>Without a header it runs once the test has run its bake time (a test without a sample size).
 * With a sample size the process reads both arms in a timer loop: header {@code until: sample}
 * decides only once each arm has the sample ({@link AbSampleStop}); before that it sets only
 * {@code abOutcome: waiting} and the loop waits {@code abPoll} on the engine's timer. The test took
 * from {@code abStartedAt} (the loop's start) to {@code abCheckedAt} (this job's), both FEEL
 * {@code now()}: the engine's clock, which also runs its timers.
 * Header {@code until: bake} decides when the bake timer ended the loop. Either way the verdict
 * starts with which ended the test, in the Temporal run's words. It writes only the run's progress
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
    boolean untilSample = "sample".equals(job.getCustomHeaders().get("until"));
    if (untilSample && rollout.sampleSize() != null && !AbSampleStop.reached(r, rollout.sampleSize())) {
      return Map.of("abOutcome", "waiting");
    }
    // the loop's own time when the sample stopped it; the bake time when the bake timer did
    Duration took = untilSample ? Duration.between(instant(job, "abStartedAt"), instant(job, "abCheckedAt"))
        : rollout.bake();
    RolloutVerdicts.AbOutcome decided = RolloutVerdicts.ab(r, version, champion, rollout);
    String verdict = AbSampleStop.prefix(r, rollout, took) + decided.verdict();
    int percent = rollout.abPercent();
    Map<String, Object> out = new HashMap<>();
    List<Object> steps = RolloutJobs.appended(job, new RolloutStep("ab " + percent + "%", "ab", percent,
        decided.won() ? "passed" : "failed", r, verdict));
    progress.record(job, steps);
    out.put("rolloutSteps", steps);
    out.put("abOutcome", "decided");
    out.put("abWon", decided.won());
    out.put("abVerdict", verdict);
    if (!decided.won()) {
      out.put("failure", verdict);
      out.put("verdict", verdict + "; v" + champion + " keeps production");
    }
    return out;
  }

  /** A FEEL date and time as Zeebe hands it to a job ({@code 2026-11-30T04:56:03.647Z[Etc/UTC]}). */
  private static Instant instant(ActivatedJob job, String name) {
    return ZonedDateTime.parse(string(job, name)).toInstant();
  }
}
