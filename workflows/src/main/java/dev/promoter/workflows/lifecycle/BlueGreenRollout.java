package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.rollout.BlueGreenSteps;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.Warmth;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Blue-green, as Argo Rollouts' preview stack works: the staged candidate is loaded and warmed
 * beside the champion on every serving replica (a {@code warm} split: loaded, no traffic) before
 * the approver decides; after the decision the warm-up is checked again and production switches at
 * once through the usual audited promotion; the old champion then stays loaded (a {@code warm}
 * split of its own) for the keep-warm window, so an operator's {@code promoter rollback} inside it
 * is answered by a model that is already loaded. When the window ends the split is cleared and the
 * replicas unload the old champion.
 */
final class BlueGreenRollout {
  private static final String ALIAS = "production";
  private static final String ACTOR = ModelLifecycleWorkflowImpl.SYSTEM_ACTOR;
  private static final String WARM = BlueGreenSteps.WARM;

  private final LifecycleRequest request;
  private final RunState state;
  private final RolloutActivities rollouts;
  private final RolloutActivities warmChecks;
  private final RegistryActivities registry;

  BlueGreenRollout(LifecycleRequest request, RunState state, RolloutActivities rollouts,
      RolloutActivities warmChecks, RegistryActivities registry) {
    this.request = request;
    this.state = state;
    this.rollouts = rollouts;
    this.warmChecks = warmChecks;
    this.registry = registry;
  }

  /** Loads the candidate beside the champion, before the approval. */
  void preload(String runId, int version, int champion) {
    rollouts.setSplit(request.modelName(), ALIAS, version, WARM, 0, ACTOR,
        BlueGreenSteps.preloadReason(runId, version, champion));
    // recorded at once: a run that fails from here on gives the split back in its compensation
    state.rolloutStep(BlueGreenSteps.preloading(version, champion), false);
  }

  /**
   * Waits until every live serving replica has the candidate warm; called after the approval, so
   * a replica that started while the approver thought it over counts too.
   *
   * @return the run's end when the candidate did not warm in time (the champion still serves
   *     everything); null when production may switch
   */
  LifecycleResult awaitWarm(String runId, int version, int champion, Map<String, Double> metrics) {
    Rollout rollout = request.deployment();
    String model = request.modelName();
    state.rolloutStep(BlueGreenSteps.waiting(version, rollout.warmTimeout()), true);
    Warmth w = warmChecks.awaitWarm(model, version, rollout.warmTimeout().toMillis());
    RolloutStep step = BlueGreenSteps.afterWait(version, rollout.warmTimeout(), w);
    state.rolloutStep(step, true);
    if (step.outcome().equals("passed")) {
      return null;
    }
    String why = step.verdict();
    rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + " blue-green: " + why);
    registry.withdraw(model, version, "staging", ACTOR, why);
    return ModelLifecycleWorkflowImpl.end(LifecycleStatus.FAILED, request, version, metrics,
        BlueGreenSteps.coldVerdict(why, champion), state.rollout());
  }

  /**
   * After the switch: keeps the old champion loaded for the keep-warm window, then clears the
   * split. A promotion that did not hold (its smoke check failed and the lifecycle rolled it back)
   * only clears the split.
   *
   * @return the run's end: the promotion's, or ROLLED_BACK when production was back on the
   *     champion when the window ended
   */
  LifecycleResult keepWarm(String runId, int version, int champion, LifecycleResult promoted) {
    Rollout rollout = request.deployment();
    String model = request.modelName();
    if (promoted.status() != LifecycleStatus.PROMOTED) {
      rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + " blue-green: " + promoted.verdict());
      return promoted;
    }
    rollouts.setSplit(model, ALIAS, champion, WARM, 0, ACTOR,
        BlueGreenSteps.keepReason(runId, champion, rollout.keepWarm()));
    state.rolloutStep(BlueGreenSteps.keeping(champion, rollout.keepWarm()), false);
    Workflow.sleep(rollout.keepWarm());
    Integer holder = registry.aliasHolder(model, ALIAS);
    rollouts.clearSplit(model, ALIAS, ACTOR, BlueGreenSteps.windowOverReason(runId, champion));
    String wentBack = BlueGreenSteps.wentBack(champion, holder, rollout.keepWarm());
    state.rolloutStep(BlueGreenSteps.windowOver(version, champion, holder, wentBack), true);
    if (wentBack != null) {
      return ModelLifecycleWorkflowImpl.end(LifecycleStatus.ROLLED_BACK, request, version,
          promoted.metrics(), promoted.verdict() + "; " + wentBack, state.rollout());
    }
    return promoted;
  }
}
