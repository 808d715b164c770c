package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.RolloutStep;
import dev.promoter.workflows.rollout.RolloutVerdicts;
import io.temporal.workflow.Workflow;

/**
 * The shadow: before the approval, the staged candidate also scores a share of production
 * requests off the request path (never returned) for the bake time; the run then reports its
 * agreement with the champion on those requests, its latency and errors, and its online accuracy
 * beside the champion's, for the approver to decide on. A shadow takes no traffic, so failed
 * gates are reported, not acted on.
 */
final class ShadowRollout {
  private static final String ALIAS = "production";
  private static final String ACTOR = ModelLifecycleWorkflowImpl.SYSTEM_ACTOR;
  private final LifecycleRequest request;
  private final RunState state;
  private final RolloutActivities rollouts;

  ShadowRollout(LifecycleRequest request, RunState state, RolloutActivities rollouts) {
    this.request = request;
    this.state = state;
    this.rollouts = rollouts;
  }

  void run(String runId, int version, int champion) {
    Rollout rollout = request.deployment();
    String model = request.modelName();
    int percent = rollout.shadowPercent();
    String name = "shadow " + percent + "%";
    long since = rollouts.setSplit(model, ALIAS, version, "shadow", percent, ACTOR,
        "run " + runId + " shadow: v" + version + " also scores " + percent + "% of production");
    state.rolloutStep(new RolloutStep(name, "shadow", percent, "running", null,
        "scoring production traffic off the path for " + rollout.bake()), false);
    Workflow.sleep(rollout.bake());
    GateReading reading = rollouts.measure(model, version, "shadow", champion, since);
    rollouts.clearSplit(model, ALIAS, ACTOR, "run " + runId + " shadow done; figures to the approver");
    state.rolloutStep(RolloutVerdicts.shadowStep(percent, reading, rollout.gates().failures(reading)), true);
  }
}
