package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.rollout.BlueGreenSteps;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.Warmth;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/**
 * Blue-green, as Argo Rollouts' preview stack works: the staged candidate is loaded and warmed
 * beside the champion on every serving replica (a {@code warm} split: loaded, no traffic) before
 * the approver decides; after the decision the warm-up is checked again and production switches at
 * once through the usual audited promotion; the old champion then stays loaded (a {@code warm}
 * split of its own) for the keep-warm window, so an operator's {@code promoter rollback} inside it
 * is answered by a model that is already loaded. When the window ends the split is cleared and the
 * replicas unload the old champion. A rollback inside the window signals the run
 * ({@code productionMoved}), which then ends at once: the old champion is production again, so
 * there is nothing left to keep warm.
 */
final class BlueGreenRollout {
  private static final String ALIAS = "production";
  private static final String ACTOR = ModelLifecycleWorkflowImpl.SYSTEM_ACTOR;
  private static final String WARM = BlueGreenSteps.WARM;
  /** The change that lets a signal cut the keep-warm window short (it was a plain timer). */
  static final String ROLLBACK_WAKES = "blue-green-rollback-wakes";

  private final LifecycleRequest request;
  private final RunState state;
  private final RolloutActivities rollouts;
  private final RolloutActivities warmChecks;
  private final RegistryActivities registry;
  private final ProductionMoves moves;

  BlueGreenRollout(LifecycleRequest request, RunState state, RolloutActivities rollouts,
      RolloutActivities warmChecks, RegistryActivities registry, ProductionMoves moves) {
    this.request = request;
    this.state = state;
    this.rollouts = rollouts;
    this.warmChecks = warmChecks;
    this.registry = registry;
    this.moves = moves;
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
   * only clears the split. The window ends early when production leaves this run's version inside
   * it (the operator's rollback signals the run).
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
    WindowEnd end;
    if (Workflow.getVersion(ROLLBACK_WAKES, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      // runs started before the change: the window is a plain timer, as they recorded it
      Workflow.sleep(rollout.keepWarm());
      end = new WindowEnd(registry.aliasHolder(model, ALIAS), false);
    } else {
      end = awaitWindow(model, version, rollout.keepWarm());
    }
    Integer holder = end.holder();
    String wentBack = BlueGreenSteps.wentBack(champion, holder, rollout.keepWarm());
    if (end.early()) {
      rollouts.clearSplit(model, ALIAS, ACTOR, BlueGreenSteps.windowCutReason(runId, champion, holder));
      state.rolloutStep(BlueGreenSteps.windowCut(champion, holder, wentBack), true);
    } else {
      rollouts.clearSplit(model, ALIAS, ACTOR, BlueGreenSteps.windowOverReason(runId, champion));
      state.rolloutStep(BlueGreenSteps.windowOver(version, champion, holder, wentBack), true);
    }
    if (wentBack != null) {
      return ModelLifecycleWorkflowImpl.end(LifecycleStatus.ROLLED_BACK, request, version,
          promoted.metrics(), promoted.verdict() + "; " + wentBack, state.rollout());
    }
    return promoted;
  }

  /** Who held production when the window ended, and whether a move cut it short. */
  private record WindowEnd(Integer holder, boolean early) {}

  /**
   * Waits out the window, or until a {@code productionMoved} signal finds production on another
   * version than {@code version}. The signal is only a hint, so the registry decides: a signal
   * that finds this run's version still in production (one sent before the window, or a move
   * already undone) lets the window run on to its planned end.
   */
  private WindowEnd awaitWindow(String model, int version, Duration keepWarm) {
    long endsAt = Workflow.currentTimeMillis() + keepWarm.toMillis();
    while (true) {
      long left = endsAt - Workflow.currentTimeMillis();
      boolean moved = left > 0 ? Workflow.await(Duration.ofMillis(left), moves::unread) : moves.unread();
      moves.read();
      Integer holder = registry.aliasHolder(model, ALIAS);
      if (!moved) {
        return new WindowEnd(holder, false);
      }
      if (holder == null || holder != version) {
        return new WindowEnd(holder, true);
      }
    }
  }
}
