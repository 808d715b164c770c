package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.RolloutVerdicts;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * The A/B test, after the approval: the challenger takes its share of production for the bake
 * time, then both arms' online accuracy from feedback is compared with a two-proportion z-test.
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
    state.rolloutStep(new RolloutStep(name, "ab", percent, "running", null, "testing for " + rollout.bake()), false);
    Workflow.sleep(rollout.bake());
    GateReading r = rollouts.measure(model, version, "ab", champion, since);
    rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + " A/B test over");
    RolloutVerdicts.AbOutcome decided = RolloutVerdicts.ab(r, version, champion, rollout);
    String verdict = decided.verdict();
    boolean won = decided.won();
    state.rolloutStep(new RolloutStep(name, "ab", percent, won ? "passed" : "failed", r, verdict), true);
    if (won) {
      return new Outcome(verdict, null);
    }
    registry.withdraw(model, version, "staging", ACTOR, verdict);
    return new Outcome(verdict, ModelLifecycleWorkflowImpl.end(LifecycleStatus.NOT_PROMOTED, request,
        version, metrics, verdict + "; v" + champion + " keeps production", state.rollout()));
  }
}
