package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.RolloutVerdicts;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The canary: the approved candidate takes a rising share of production traffic, each step held
 * for the bake time (a durable timer) and then judged on the step's own traffic. A failed gate
 * gives all traffic back to the champion at once; passing every step hands over to the caller,
 * which promotes. With {@code after-canary} approval the approver decides before the last step,
 * with the lower steps' figures on the run.
 */
final class CanaryRollout {
  private static final String ALIAS = "production";
  private static final String ACTOR = ModelLifecycleWorkflowImpl.SYSTEM_ACTOR;

  /**
   * How the canary ended.
   *
   * @param decision the approver's decision (taken before or during the canary) when every step
   *     passed; null otherwise
   * @param ended the run's end when it did not pass (rolled back, rejected, expired); null when
   *     the caller should promote
   */
  record Outcome(Decision decision, LifecycleResult ended) {}

  private final LifecycleRequest request;
  private final RunState state;
  private final RolloutActivities rollouts;
  private final RegistryActivities registry;
  private final Approval approval;

  CanaryRollout(LifecycleRequest request, RunState state, RolloutActivities rollouts,
      RegistryActivities registry, Approval approval) {
    this.request = request;
    this.state = state;
    this.rollouts = rollouts;
    this.registry = registry;
    this.approval = approval;
  }

  Outcome run(String runId, int version, int champion, Decision decided, java.util.Map<String, Double> metrics) {
    Rollout rollout = request.deployment();
    String model = request.modelName();
    Decision decision = decided;
    List<Integer> steps = rollout.steps();
    for (int i = 0; i < steps.size(); i++) {
      int percent = steps.get(i);
      if (decision == null && percent == 100) {
        decision = approval.await(runId, registry, version);
        LifecycleResult refused = refused(runId, version, champion, decision, metrics);
        if (refused != null) {
          return new Outcome(null, refused);
        }
        state.step(Steps.ROLLOUT);
      }
      String name = "canary " + percent + "%";
      long since = rollouts.setSplit(model, ALIAS, version, "canary", percent, ACTOR,
          "run " + runId + " canary step " + (i + 1) + " of " + steps.size() + ": " + percent + "%");
      state.rolloutStep(new RolloutStep(name, "canary", percent, "running", null,
          "baking for " + rollout.bake()), false);
      Workflow.sleep(rollout.bake());
      GateReading reading = rollouts.measure(model, version, "canary", champion, since);
      List<String> failed = rollout.gates().failures(reading);
      if (!failed.isEmpty()) {
        String gates = String.join("; ", failed);
        state.rolloutStep(new RolloutStep(name, "canary", percent, "failed", reading, gates), true);
        // traffic first: the champion answers everything again before anything else happens
        rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + " canary gate failed at " + percent + "%: " + gates);
        registry.withdraw(model, version, "staging", ACTOR, "canary gate failed at " + percent + "%: " + gates);
        return new Outcome(null, ModelLifecycleWorkflowImpl.end(LifecycleStatus.ROLLED_BACK, request,
            version, metrics, RolloutVerdicts.canaryRolledBack(version, i + 1, percent, failed, reading, champion),
            state.rollout()));
      }
      state.rolloutStep(new RolloutStep(name, "canary", percent, "passed", reading, "every gate passed"), true);
    }
    if (decision == null) {
      // steps that stop short of 100 %: the decision still comes before the alias moves
      decision = approval.await(runId, registry, version);
      LifecycleResult refused = refused(runId, version, champion, decision, metrics);
      if (refused != null) {
        return new Outcome(null, refused);
      }
    }
    rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + ": canary passed every step; v" + version
        + " takes production");
    return new Outcome(decision, null);
  }

  /** The run's end when the approver rejected or nobody decided; null when approved. */
  private LifecycleResult refused(String runId, int version, int champion, Decision decision,
      java.util.Map<String, Double> metrics) {
    if (decision != null && !approval.rejected()) {
      return null;
    }
    String model = request.modelName();
    String why = decision == null ? "approval expired" : decision.reason();
    rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + ": " + why);
    registry.withdraw(model, version, "staging", decision == null ? ACTOR : decision.actor(), why);
    return ModelLifecycleWorkflowImpl.end(
        decision == null ? LifecycleStatus.EXPIRED : LifecycleStatus.REJECTED, request, version, metrics,
        decision == null ? "no decision within " + request.approval().timeout()
            + "; the canary's traffic went back to v" + champion
            : "rejected by " + decision.actor() + " during the canary: " + decision.reason(),
        state.rollout());
  }
}
