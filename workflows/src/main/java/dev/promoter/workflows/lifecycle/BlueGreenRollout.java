package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
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
  private static final String WARM = "warm";

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
    rollouts.setSplit(request.modelName(), ALIAS, version, WARM, 0, ACTOR, "run " + runId
        + " blue-green: v" + version + " loads and warms beside v" + champion + ", no traffic");
    // recorded at once: a run that fails from here on gives the split back in its compensation
    state.rolloutStep(new RolloutStep("warm v" + version, WARM, 0, "running", null,
        "loading beside v" + champion + " on every serving replica before the decision"), false);
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
    String name = "warm v" + version;
    state.rolloutStep(new RolloutStep(name, WARM, 0, "running", null,
        "waiting up to " + rollout.warmTimeout() + " for every serving replica to load it"), true);
    Warmth w = warmChecks.awaitWarm(model, version, rollout.warmTimeout().toMillis());
    if (w.replicas() == 0) {
      // no replica serves: no request can meet a cold model, so the switch need not wait
      state.rolloutStep(new RolloutStep(name, WARM, 0, "passed", null,
          "no serving replica reported in the last seconds; nothing to warm"), true);
      return null;
    }
    if (w.ready()) {
      state.rolloutStep(new RolloutStep(name, WARM, 0, "passed", null,
          "warm on " + w.warm() + " of " + w.replicas() + " serving replicas"), true);
      return null;
    }
    String why = (w.failed() ? "v" + version + " cannot load" : "v" + version + " was not warm within "
        + rollout.warmTimeout()) + " on every serving replica (" + w.warm() + " of " + w.replicas()
        + " warm; " + String.join("; ", w.waiting()) + ")";
    state.rolloutStep(new RolloutStep(name, WARM, 0, "failed", null, why), true);
    rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + " blue-green: " + why);
    registry.withdraw(model, version, "staging", ACTOR, why);
    return ModelLifecycleWorkflowImpl.end(LifecycleStatus.FAILED, request, version, metrics,
        why + "; production stays on v" + champion, state.rollout());
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
    String name = "keep v" + champion + " warm";
    rollouts.setSplit(model, ALIAS, champion, WARM, 0, ACTOR, "run " + runId + " blue-green: v"
        + champion + " stays loaded for " + rollout.keepWarm() + " so a rollback is instant");
    state.rolloutStep(new RolloutStep(name, WARM, 0, "running", null, "v" + champion
        + " stays loaded for " + rollout.keepWarm() + "; promoter rollback answers from it at once"), false);
    Workflow.sleep(rollout.keepWarm());
    Integer holder = registry.aliasHolder(model, ALIAS);
    rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + " blue-green: the keep-warm window of v"
        + champion + " is over");
    if (holder != null && holder == champion) {
      String why = "production went back to v" + champion + " during the " + rollout.keepWarm()
          + " keep-warm window, answered by the still-loaded version";
      state.rolloutStep(new RolloutStep(name, WARM, 0, "failed", null, why), true);
      return ModelLifecycleWorkflowImpl.end(LifecycleStatus.ROLLED_BACK, request, version,
          promoted.metrics(), promoted.verdict() + "; " + why, state.rollout());
    }
    state.rolloutStep(new RolloutStep(name, WARM, 0, "passed", null, "window over; v" + champion
        + " unloaded" + (holder != null && holder == version ? "" : "; production is now on "
            + (holder == null ? "no version" : "v" + holder))), true);
    return promoted;
  }
}
