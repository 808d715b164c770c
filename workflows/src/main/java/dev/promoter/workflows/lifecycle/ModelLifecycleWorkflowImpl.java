package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.EvaluationActivities;
import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.rollback.RollbackRequest;
import dev.promoter.workflows.rollback.RollbackWorkflow;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutVerdicts;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The lifecycle, step by step. Experiment and approval live in their own classes; this one
 * orders the steps and owns the compensations.
 */
public class ModelLifecycleWorkflowImpl implements ModelLifecycleWorkflow {
  static final String SYSTEM_ACTOR = "promoter";
  private static final Logger log = Workflow.getLogger(ModelLifecycleWorkflowImpl.class);

  private final RunState state = new RunState();
  // created when the run starts; an update that arrives earlier finds no approval open
  private Approval approval = Approval.notOpen(state);
  private final ProductionMoves productionMoves = new ProductionMoves();

  @Override
  public LifecycleResult run(LifecycleRequest request) {
    String runId = Workflow.getInfo().getWorkflowId();
    // without a CPU pool the run still records itself (on the workflow's own queue) and then
    // fails for good inside the try below
    String cpu = request.taskQueues().getOrDefault("cpu", Workflow.getInfo().getTaskQueue());
    RegistryActivities registry = ActivityStubs.registry(cpu);
    EvaluationActivities evaluation = ActivityStubs.evaluation(cpu);
    approval = new Approval(request, state);
    registry.runStarted(runId, "LIFECYCLE", request.modelName(), request.submittedBy(),
        RunJson.request(request));
    LifecycleResult result;
    try {
      Pools.requireAll(request);
      result = lifecycle(runId, request, registry, evaluation);
    } catch (TemporalFailure e) {
      // any failure Temporal can carry (an activity, a child workflow, bad input raised here,
      // a cancellation): compensate, record the end, rethrow. Anything else is a bug in this
      // code and fails the workflow task, so a fixed deployment can replay past it.
      compensate(runId, request, registry, e);
      throw e;
    }
    state.finish(result);
    registry.runFinished(runId, result.status().name(), RunJson.result(result));
    log.info("run {} ended {}: {}", runId, result.status(), result.verdict());
    return result;
  }

  /**
   * Takes the half-made version out of staging and records the run's end. Detached, so it also
   * runs when the run was cancelled; a compensation that fails is logged and does not hide the
   * failure that ended the run.
   */
  private void compensate(String runId, LifecycleRequest request, RegistryActivities registry,
      TemporalFailure cause) {
    Integer version = state.progress().version();
    String why = "run failed: " + RunJson.cause(cause);
    Workflow.newDetachedCancellationScope(() -> {
      if (!state.rollout().isEmpty()) {
        // a rollout had moved traffic: it goes back to the champion before anything else
        try {
          ActivityStubs.rollout(request.taskQueues().get("cpu")).clearSplit(request.modelName(),
              "production", SYSTEM_ACTOR, why);
        } catch (ActivityFailure f) {
          log.error("run {}: could not give traffic back to the champion: {}", runId, RunJson.cause(f));
        }
      }
      if (version != null) {
        try {
          registry.withdraw(request.modelName(), version, "staging", SYSTEM_ACTOR, why);
        } catch (ActivityFailure f) {
          log.error("run {}: could not withdraw v{} from staging: {}", runId, version,
              RunJson.cause(f));
        }
      }
      state.finish(end(LifecycleStatus.FAILED, request, version, null, "failed: "
          + RunJson.cause(cause)));
      try {
        registry.runFinished(runId, LifecycleStatus.FAILED.name(), RunJson.result(state.result()));
      } catch (ActivityFailure f) {
        log.error("run {}: could not record its end: {}", runId, RunJson.cause(f));
      }
    }).run();
  }

  private LifecycleResult lifecycle(String runId, LifecycleRequest request,
      RegistryActivities registry, EvaluationActivities evaluation) {
    String model = request.modelName();
    state.step(Steps.EXPERIMENT);
    TrainedCandidate best = new Experiment(request, state).run(runId, registry);
    if (best == null) {
      return end(LifecycleStatus.FAILED, request, null, null, "every candidate failed to train");
    }
    double score = metric(best.metrics(), request.decidingMetric());
    if (score < request.minimumMetric()) {
      return end(LifecycleStatus.NOT_PROMOTED, request, null, best.metrics(), String.format(
          "best candidate %s has %s %.4f, below the minimum %.4f", best.candidate(),
          request.decidingMetric(), score, request.minimumMetric()));
    }

    state.step(Steps.CHAMPION);
    Integer champion = registry.aliasHolder(model, "production");
    if (champion != null) {
      Map<String, Double> heldMetrics = evaluation.evaluateVersion(model, champion, request.dataset());
      state.champion(champion, heldMetrics);
      double held = metric(heldMetrics, request.decidingMetric());
      if (score < held + request.championMargin()) {
        return end(LifecycleStatus.NOT_PROMOTED, request, null, best.metrics(), String.format(
            "champion v%d keeps production: challenger %s %s %.4f does not beat %.4f by %.4f",
            champion, best.candidate(), request.decidingMetric(), score, held,
            request.championMargin()));
      }
    }

    state.step(Steps.REGISTER);
    int version = registry.register(runId + "/register", model, best, request.submittedBy(), runId);
    state.version(version);

    state.step(Steps.STAGING);
    registry.promote(model, version, "staging", SYSTEM_ACTOR, "run " + runId + " staged it",
        null, false);
    String smoke = evaluation.smokeCheck(model, version, request.dataset());
    if (smoke != null) {
      registry.withdraw(model, version, "staging", SYSTEM_ACTOR, "staging smoke check failed: " + smoke);
      return end(LifecycleStatus.FAILED, request, version, best.metrics(),
          "v" + version + " failed its staging smoke check: " + smoke);
    }

    Rollout rollout = request.deployment();
    if (!rollout.direct()) {
      state.strategy(rollout.strategy());
    }
    // a canary with no champion has nothing to compare with or fall back to: it is deployed
    // directly, and the verdict says so
    boolean canary = Rollout.CANARY.equals(rollout.strategy()) && champion != null;
    if (Rollout.SHADOW.equals(rollout.strategy()) && champion != null) {
      state.step(Steps.ROLLOUT);
      new ShadowRollout(request, state, ActivityStubs.rollout(request.taskQueues().get("cpu")))
          .run(runId, version, champion);
    }
    // blue-green loads the candidate beside the champion before the decision, so the switch
    // that follows an approval meets a warm model
    BlueGreenRollout blueGreen = null;
    if (Rollout.BLUE_GREEN.equals(rollout.strategy()) && champion != null) {
      state.step(Steps.ROLLOUT);
      String cpu = request.taskQueues().get("cpu");
      blueGreen = new BlueGreenRollout(request, state, ActivityStubs.rollout(cpu),
          ActivityStubs.warmCheck(cpu, rollout.warmTimeout()), registry, productionMoves);
      blueGreen.preload(runId, version, champion);
    }
    Decision decision = null;
    if (!(canary && request.approval().afterCanary())) {
      decision = approval.await(runId, registry, version);
      List<dev.promoter.workflows.rollout.RolloutStep> steps = rollout.direct() ? null : state.rollout();
      if ((decision == null || approval.rejected()) && blueGreen != null) {
        ActivityStubs.rollout(request.taskQueues().get("cpu")).clearSplit(model, "production", SYSTEM_ACTOR,
            "run " + runId + ": " + (decision == null ? "approval expired" : "rejected"));
      }
      if (decision == null) {
        registry.withdraw(model, version, "staging", SYSTEM_ACTOR, "approval expired");
        return end(LifecycleStatus.EXPIRED, request, version, best.metrics(), "no decision within "
            + request.approval().timeout() + "; v" + version + " withdrawn from staging", steps);
      }
      if (approval.rejected()) {
        registry.withdraw(model, version, "staging", decision.actor(), decision.reason());
        return end(LifecycleStatus.REJECTED, request, version, best.metrics(),
            "rejected by " + decision.actor() + ": " + decision.reason(), steps);
      }
    }
    if (canary) {
      state.step(Steps.ROLLOUT);
      CanaryRollout.Outcome outcome = new CanaryRollout(request, state,
          ActivityStubs.rollout(request.taskQueues().get("cpu")), registry, approval)
          .run(runId, version, champion, decision, best.metrics());
      if (outcome.ended() != null) {
        return outcome.ended();
      }
      decision = outcome.decision();
    }

    String note = "";
    if (Rollout.AB.equals(rollout.strategy()) && champion != null) {
      state.step(Steps.ROLLOUT);
      AbRollout.Outcome ab = new AbRollout(request, state,
          ActivityStubs.rollout(request.taskQueues().get("cpu")), registry)
          .run(runId, version, champion, best.metrics());
      if (ab.ended() != null) {
        return ab.ended();
      }
      note = " (" + ab.verdict() + ")";
    }

    if (blueGreen != null) {
      LifecycleResult cold = blueGreen.awaitWarm(runId, version, champion, best.metrics());
      if (cold != null) {
        return cold;
      }
    }

    state.step(Steps.PROMOTE);
    LifecycleResult promoted = promote(runId, request, registry, evaluation, version, champion,
        decision, best);
    if (blueGreen != null) {
      state.step(Steps.ROLLOUT);
      promoted = blueGreen.keepWarm(runId, version, champion, promoted);
    }
    return rollout.direct() ? promoted : withRollout(promoted, champion == null
        ? RolloutVerdicts.skippedWithoutChampion(rollout.strategy()) : note);
  }

  private LifecycleResult withRollout(LifecycleResult r, String note) {
    return new LifecycleResult(r.status(), r.modelName(), r.version(), r.metrics(),
        r.verdict() + note, state.rollout());
  }

  private LifecycleResult promote(String runId, LifecycleRequest request,
      RegistryActivities registry, EvaluationActivities evaluation, int version, Integer champion,
      Decision decision, TrainedCandidate best) {
    String model = request.modelName();
    try {
      registry.promote(model, version, "production", decision.actor(), decision.reason(),
          champion, true);
    } catch (ActivityFailure e) {
      registry.withdraw(model, version, "staging", SYSTEM_ACTOR, "promotion refused");
      return end(LifecycleStatus.FAILED, request, version, best.metrics(),
          "promotion of v" + version + " refused: " + RunJson.cause(e));
    }
    String smoke = evaluation.smokeCheck(model, version, request.dataset());
    if (smoke == null) {
      return end(LifecycleStatus.PROMOTED, request, version, best.metrics(),
          "v" + version + " promoted to production by " + decision.actor());
    }
    if (champion == null) {
      registry.withdraw(model, version, "production", SYSTEM_ACTOR, "post-promotion check failed: " + smoke);
      return end(LifecycleStatus.FAILED, request, version, best.metrics(),
          "v" + version + " failed its post-promotion check and was withdrawn: " + smoke);
    }
    RollbackWorkflow rollback = Workflow.newChildWorkflowStub(RollbackWorkflow.class,
        ChildWorkflowOptions.newBuilder().setWorkflowId(runId + "/rollback")
            .setTaskQueue(Workflow.getInfo().getTaskQueue()).build());
    rollback.rollback(new RollbackRequest(model, "production", SYSTEM_ACTOR,
        "v" + version + " failed its post-promotion check: " + smoke, version, request.dataset(),
        request.taskQueues()));
    return end(LifecycleStatus.ROLLED_BACK, request, version, best.metrics(), "v" + version
        + " failed its post-promotion check (" + smoke + "); production is back on v" + champion);
  }

  static LifecycleResult end(LifecycleStatus status, LifecycleRequest request, Integer version,
      Map<String, Double> metrics, String verdict) {
    return end(status, request, version, metrics, verdict, null);
  }

  static LifecycleResult end(LifecycleStatus status, LifecycleRequest request, Integer version,
      Map<String, Double> metrics, String verdict, List<dev.promoter.workflows.rollout.RolloutStep> rollout) {
    return new LifecycleResult(status, request.modelName(), version,
        metrics == null ? Map.of() : metrics, verdict, rollout);
  }

  static double metric(Map<String, Double> metrics, String name) {
    Double value = metrics.get(name);
    if (value == null) {
      throw ApplicationFailure.newNonRetryableFailure("metric '" + name + "' is not reported; "
          + "the candidates report " + List.copyOf(metrics.keySet()), "BadInput");
    }
    return value;
  }

  @Override
  public LifecycleStatus approve(Decision decision) {
    return approval.decide(decision, true);
  }

  @Override
  public void validateApprove(Decision decision) {
    approval.validate(decision);
  }

  @Override
  public LifecycleStatus reject(Decision decision) {
    return approval.decide(decision, false);
  }

  @Override
  public void validateReject(Decision decision) {
    approval.validate(decision);
  }

  @Override
  public void productionMoved() {
    productionMoves.signalled();
  }

  @Override
  public LifecycleProgress progress() {
    return state.progress();
  }
}
