package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.rollout.AbSampleStop;
import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.RolloutVerdicts;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/**
 * The A/B test, after the approval: the challenger takes its share of production for the bake
 * time (or, with a sample size, until each arm has that many labels, whichever comes first),
 * then both arms' online accuracy from feedback is compared with a two-proportion z-test.
 * The challenger wins only when it is more accurate at the stated significance with at least the
 * minimum sample in each arm; otherwise the champion keeps production and the run says why, with
 * the p-value.
 */
final class AbRollout {
  private static final String ALIAS = "production";
  private static final String ACTOR = ModelLifecycleWorkflowImpl.SYSTEM_ACTOR;

  /**
   * How the test ended.
   *
   * @param verdict the test's figures in words
   * @param ended the run's end when the champion keeps production; null when the challenger won
   */
  record Outcome(String verdict, LifecycleResult ended) {}

  private final LifecycleRequest request;
  private final RunState state;
  private final RolloutActivities rollouts;
  private final RegistryActivities registry;

  AbRollout(LifecycleRequest request, RunState state, RolloutActivities rollouts, RegistryActivities registry) {
    this.request = request;
    this.state = state;
    this.rollouts = rollouts;
    this.registry = registry;
  }

  Outcome run(String runId, int version, int champion, Map<String, Double> metrics) {
    Rollout rollout = request.deployment();
    String model = request.modelName();
    int percent = rollout.abPercent();
    String name = "ab " + percent + "%";
    long since = rollouts.setSplit(model, ALIAS, version, "ab", percent, ACTOR,
        "run " + runId + " A/B: v" + version + " takes " + percent + "% against v" + champion);
    state.rolloutStep(new RolloutStep(name, "ab", percent, "running", null, "testing for " + rollout.bake()
        + (rollout.sampleSize() == null ? "" : " or until each arm has " + rollout.sampleSize() + " labels")), false);
    GateReading r;
    String stopped = "";
    if (rollout.sampleSize() == null) {
      // the test of old: exactly these commands, so recorded runs replay
      Workflow.sleep(rollout.bake());
      r = rollouts.measure(model, version, "ab", champion, since);
    } else {
      long started = Workflow.currentTimeMillis();
      r = untilSampled(model, version, champion, since, rollout);
      long took = Workflow.currentTimeMillis() - started;
      stopped = AbSampleStop.prefix(r, rollout, Duration.ofMillis(took));
    }
    rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + " A/B test over");
    RolloutVerdicts.AbOutcome decided = RolloutVerdicts.ab(r, version, champion, rollout);
    String verdict = stopped + decided.verdict();
    boolean won = decided.won();
    state.rolloutStep(new RolloutStep(name, "ab", percent, won ? "passed" : "failed", r, verdict), true);
    if (won) {
      return new Outcome(verdict, null);
    }
    registry.withdraw(model, version, "staging", ACTOR, verdict);
    return new Outcome(verdict, ModelLifecycleWorkflowImpl.end(LifecycleStatus.NOT_PROMOTED, request,
        version, metrics, verdict + "; v" + champion + " keeps production", state.rollout()));
  }

  /**
   * Reads both arms at most {@link AbSampleStop#CHECKS} times over the bake time (at least a
   * second apart) and stops as soon as each has the sample size of labels, or when the bake time
   * is up.
   */
  private GateReading untilSampled(String model, int version, int champion, long since, Rollout rollout) {
    long every = AbSampleStop.every(rollout.bake()).toMillis();
    long deadline = Workflow.currentTimeMillis() + rollout.bake().toMillis();
    while (true) {
      Workflow.sleep(Duration.ofMillis(Math.min(every, deadline - Workflow.currentTimeMillis())));
      GateReading r = rollouts.measure(model, version, "ab", champion, since);
      if (AbSampleStop.reached(r, rollout.sampleSize()) || Workflow.currentTimeMillis() >= deadline) {
        return r;
      }
    }
  }
}
