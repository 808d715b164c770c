package dev.promoter.bpmn;

import static dev.promoter.bpmn.Processes.Errors.CANDIDATE_FAILED;
import static dev.promoter.bpmn.Processes.Errors.PROMOTION_REFUSED;
import static dev.promoter.bpmn.Processes.Errors.SMOKE_CHECK_FAILED;

import dev.promoter.bpmn.Processes.JobTypes;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.model.bpmn.builder.ExclusiveGatewayBuilder;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Error boundary events map the error's {@code failure} variable out: Zeebe keeps error variables
 * on the catch event unless an output mapping takes them into the process.
 *
 * <p>Drew the process files with the model API's builder, which also lays out the diagram (so
 * Camunda Modeler opens them). The committed files are canonical: edit them in Modeler, or here
 * and write them anew ({@code java ... ProcessFileWriter bpmn/src/main/resources/bpmn}) while
 * nobody has edited them in Modeler. Version 2 of {@code model-lifecycle} (the rollouts) was
 * written anew here: version 1 was still this builder's output, byte for byte but for generated
 * ids. Version 1 is kept in the test resources ({@code LifecycleVersionsTest}). Version 3 (blue-green)
 * was written anew here too; version 2 is kept beside version 1. So was version 4 (the A/B test's
 * stop at a sample size); version 3 is kept beside them. So was version 5 (a move of production
 * ends blue-green's keep-warm window early); version 4 is kept beside them.
 */
public final class ProcessFileWriter {
  /** Blue-green runs its steps only against a champion (without one the version moves directly). */
  private static final String BLUE_GREEN = "=strategy = \"blue-green\" and champion != null";
  /** Between warm-up checks: replicas report about once a second. */
  private static final String WARM_POLL = "PT1S";

  private ProcessFileWriter() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "bpmn/src/main/resources/bpmn");
    Files.createDirectories(dir);
    write(dir.resolve("model-lifecycle.bpmn"), lifecycle());
    write(dir.resolve("model-rollback.bpmn"), rollback());
    write(dir.resolve("model-retrain.bpmn"), retrain());
  }

  private static void write(Path file, BpmnModelInstance model) throws Exception {
    Bpmn.validateModel(model);
    Files.writeString(file, Bpmn.convertToString(model) + "\n");
  }

  private static ServiceTaskBuilder job(ServiceTaskBuilder t, String type) {
    return t.zeebeJobType(type).zeebeJobRetries("5");
  }

  static BpmnModelInstance lifecycle() {
    AbstractFlowNodeBuilder<?, ?> p = Bpmn.createExecutableProcess(Processes.LIFECYCLE).name("Model lifecycle")
        .startEvent("start_event_lifecycle_requested").name("Lifecycle requested")
        .serviceTask("service_task_record_run_started", t -> job(t.name("Record run started"), JobTypes.RECORD_RUN_STARTED))
        .subProcess("sub_process_train_candidates", s -> s.name("Train candidates")
            .zeebeInputExpression("null", "trained")
            .multiInstance().parallel().zeebeInputCollectionExpression("candidates")
            .zeebeInputElement("candidate").zeebeOutputCollection("trainedCandidates")
            .zeebeOutputElementExpression("trained").multiInstanceDone())
        .embeddedSubProcess()
          .startEvent("start_event_train_candidate")
          .exclusiveGateway("gateway_candidate_pool").name("Pool?")
            .condition("gpu", "=candidate.pool = \"gpu\"")
            .serviceTask("service_task_train_cnn", t -> t.name("Train CNN (GPU pool)")
                .zeebeJobType(JobTypes.TRAIN_CNN).zeebeJobRetries("3"))
            .exclusiveGateway("gateway_candidate_trained")
            .endEvent("end_event_candidate_trained").name("Candidate trained")
          .moveToNode("gateway_candidate_pool").condition("cpu", "=candidate.pool != \"gpu\"")
            .serviceTask("service_task_train_kmer", t -> t.name("Train k-mer model (CPU pool)")
                .zeebeJobType(JobTypes.TRAIN_KMER).zeebeJobRetries("3"))
            .connectTo("gateway_candidate_trained")
          .moveToActivity("service_task_train_cnn").boundaryEvent("boundary_event_cnn_failed").error(CANDIDATE_FAILED).zeebeOutputExpression("failure", "failure")
            .endEvent("end_event_cnn_failed").name("Candidate failed")
          .moveToActivity("service_task_train_kmer").boundaryEvent("boundary_event_kmer_failed").error(CANDIDATE_FAILED).zeebeOutputExpression("failure", "failure")
            .endEvent("end_event_kmer_failed").name("Candidate failed")
        .subProcessDone()
        .serviceTask("service_task_choose_best_candidate", t -> job(t.name("Choose best candidate"), JobTypes.CHOOSE_BEST_CANDIDATE))
        .exclusiveGateway("gateway_candidate_chosen").name("Good enough?")
          .condition("yes", "=best != null")
          .serviceTask("service_task_evaluate_champion", t -> job(t.name("Evaluate champion"), JobTypes.EVALUATE_CHAMPION))
          .exclusiveGateway("gateway_challenger_wins").name("Challenger wins?")
          .condition("yes", "=challengerWins")
          .serviceTask("service_task_register_version", t -> job(t.name("Register version"), JobTypes.REGISTER_VERSION))
          .serviceTask("service_task_stage_version", t -> job(t.name("Stage version"), JobTypes.STAGE_VERSION))
          .serviceTask("service_task_smoke_check_staging", t -> job(t.name("Smoke check in staging"), JobTypes.SMOKE_CHECK))
          // a shadow scores production off the path before the decision, and reports
          .exclusiveGateway("gateway_shadow_first").name("Shadow first?").defaultFlow()
          .exclusiveGateway("gateway_approval_due").name("Decide now?")
          .condition("yes", "=approved != true and (decideAfterCanary != true or champion = null"
              + " or stepIndex >= count(canarySteps) - 1)")
          .serviceTask("service_task_open_approval", t -> job(t.name("Open approval"), JobTypes.OPEN_APPROVAL))
          .eventBasedGateway("gateway_await_decision").name("Decided or expired?")
          .intermediateCatchEvent("message_catch_approval_decided", e -> e.name("Approval decided")
              .message(m -> m.name(Processes.APPROVAL_DECIDED).zeebeCorrelationKeyExpression("runId")))
          .exclusiveGateway("gateway_approved").name("Approved?")
          .condition("yes", "=approved")
          .exclusiveGateway("gateway_rollout_next").name("Next rollout step?").defaultFlow()
          .exclusiveGateway("gateway_ready_to_promote")
          .serviceTask("service_task_promote_version", t -> job(t.name("Promote to production"), JobTypes.PROMOTE_VERSION))
          .serviceTask("service_task_post_promotion_check", t -> job(t.name("Post-promotion check"), JobTypes.SMOKE_CHECK)
              .zeebeOutputExpression("\"PROMOTED\"", "status"))
          .exclusiveGateway("gateway_keep_warm").name("Keep the old champion warm?").defaultFlow()
          .exclusiveGateway("gateway_run_ended")
          .serviceTask("service_task_record_run_end", t -> job(t.name("Record run end"), JobTypes.RECORD_RUN_END))
          .endEvent("end_event_run_ended").name("Run ended")
        .moveToNode("gateway_candidate_chosen").condition("no", "=best = null").connectTo("gateway_run_ended")
        .moveToNode("gateway_challenger_wins").condition("no", "=challengerWins = false").connectTo("gateway_run_ended")
        // staging smoke check failed: withdraw the staged version
        .moveToActivity("service_task_smoke_check_staging").boundaryEvent("boundary_event_staging_smoke_failed")
          .error(SMOKE_CHECK_FAILED).zeebeOutputExpression("failure", "failure")
          .serviceTask("service_task_withdraw_staged", t -> withdraw(t, "Withdraw staged version", "staging", "FAILED"))
          .connectTo("gateway_run_ended")
        // the shadow: scores a share of production for the bake time, then its figures are reported
        .moveToNode("gateway_shadow_first").condition("shadow", "=strategy = \"shadow\" and champion != null")
          .serviceTask("service_task_start_shadow", t -> split(t, "Start shadow", "shadow"))
          .intermediateCatchEvent("timer_catch_shadow_bake", e -> e.name("Shadow bakes").timerWithDurationExpression("bake"))
          .serviceTask("service_task_read_shadow_gates", t -> gates(t, "Read shadow figures", "shadow"))
          .serviceTask("service_task_end_shadow", t -> clear(t, "End shadow", "shadow done; figures to the approver"))
          .connectTo("gateway_approval_due");
    // no decision due yet (the canary decides after its lower steps): on to the rollout
    ((ExclusiveGatewayBuilder) p.moveToNode("gateway_approval_due")).defaultFlow().connectTo("gateway_rollout_next");
    return p
        // the canary: one step at a time, each baked on the engine's clock and gated on its traffic
        .moveToNode("gateway_rollout_next").condition("canary step",
            "=strategy = \"canary\" and champion != null and stepIndex < count(canarySteps)")
          .serviceTask("service_task_set_canary_split", t -> split(t, "Set canary share", "canary"))
          .intermediateCatchEvent("timer_catch_canary_bake", e -> e.name("Step bakes").timerWithDurationExpression("bake"))
          .serviceTask("service_task_read_canary_gates", t -> gates(t, "Read canary gates", "canary"))
          .exclusiveGateway("gateway_canary_gate").name("Gates passed?")
          .condition("yes", "=gatePassed").connectTo("gateway_approval_due")
        .moveToNode("gateway_canary_gate").condition("no", "=gatePassed = false")
          // traffic first: the champion answers everything again before anything else happens
          .serviceTask("service_task_clear_split_gate_failed", t -> clear(t, "Give traffic back", "canary rolled back"))
          .serviceTask("service_task_withdraw_rolled_back", t -> withdraw(t, "Withdraw rolled-back version", "staging", "ROLLED_BACK"))
          .connectTo("gateway_run_ended")
        .moveToNode("gateway_rollout_next").condition("canary passed",
            "=strategy = \"canary\" and champion != null and stepIndex >= count(canarySteps)")
          .serviceTask("service_task_end_canary", t -> clear(t, "End canary", "canary passed every step; the version takes production"))
          .connectTo("gateway_ready_to_promote")
        // blue-green: the candidate loads beside the champion before the decision (no traffic)
        .moveToNode("gateway_shadow_first").condition("blue-green", BLUE_GREEN)
          .serviceTask("service_task_preload_candidate", t -> split(t, "Warm candidate beside champion", "warm"))
          .connectTo("gateway_approval_due")
        // after the decision: one short check a second until every live replica has it warm (or one
        // cannot load it); the boundary timer bounds the wait on the engine's clock, then a last check
        .moveToNode("gateway_rollout_next").condition("blue-green", BLUE_GREEN)
          .subProcess("sub_process_await_warm", s -> s.name("Await warm on every replica"))
          .embeddedSubProcess()
            .startEvent("start_event_await_warm")
            .serviceTask("service_task_check_warm", t -> job(t.name("Check warm"), JobTypes.CHECK_WARM))
            .exclusiveGateway("gateway_still_warming").name("Still warming?")
              .condition("yes", "=warmOutcome = \"waiting\"")
              .intermediateCatchEvent("timer_catch_warm_poll", e -> e.name("A second").timerWithDuration(WARM_POLL))
              .connectTo("service_task_check_warm")
            .moveToNode("gateway_still_warming").condition("no", "=warmOutcome != \"waiting\"")
              .endEvent("end_event_warm_checked").name("Checked")
          .subProcessDone()
          .exclusiveGateway("gateway_warm").name("Warm everywhere?")
          .condition("yes", "=warmOutcome = \"passed\"").connectTo("gateway_ready_to_promote")
        .moveToNode("gateway_warm").condition("no", "=warmOutcome = \"failed\"")
          // the champion never stopped serving; its candidate's warm split goes first
          .serviceTask("service_task_clear_split_cold", t -> clear(t, "Give the split back", "blue-green"))
          .serviceTask("service_task_withdraw_cold", t -> withdraw(t, "Withdraw cold version", "staging", "FAILED"))
          .connectTo("gateway_run_ended")
        .moveToActivity("sub_process_await_warm").boundaryEvent("boundary_event_warm_timeout")
          .name("Warm-up timeout").cancelActivity(true).timerWithDurationExpression("warmTimeout")
          .serviceTask("service_task_check_warm_last", t -> job(t.name("Last warm check"), JobTypes.CHECK_WARM)
              .zeebeTaskHeader("last", "true"))
          .connectTo("gateway_warm")
        // after the switch the old champion stays loaded for the window, then its split is cleared
        .moveToNode("gateway_keep_warm").condition("blue-green", BLUE_GREEN)
          .serviceTask("service_task_keep_champion_warm", t -> split(t, "Keep old champion warm", "warm")
              .zeebeTaskHeader("of", "champion"))
          // the window: a move of production (the operator's rollback, published by Promoter) ends it
          // early once the registry confirms it; the boundary timer ends it on the engine's clock
          .subProcess("sub_process_keep_warm_window", s -> s.name("Keep-warm window"))
          .embeddedSubProcess()
            .startEvent("start_event_keep_warm_window")
            .intermediateCatchEvent("message_catch_production_moved", e -> e.name("Production moved")
                .message(m -> m.name(Processes.PRODUCTION_MOVED).zeebeCorrelationKeyExpression("runId")))
            .serviceTask("service_task_end_keep_warm_early", t -> job(t.name("End the window if production left"),
                JobTypes.END_KEEP_WARM).zeebeTaskHeader("early", "true"))
            .exclusiveGateway("gateway_production_moved").name("Off the candidate?")
              .condition("no: a stale hint", "=windowCut = false").connectTo("message_catch_production_moved")
            .moveToNode("gateway_production_moved").condition("yes", "=windowCut")
              .endEvent("end_event_window_cut").name("Window cut short")
          .subProcessDone()
          .connectTo("gateway_run_ended")
        .moveToActivity("sub_process_keep_warm_window").boundaryEvent("boundary_event_keep_warm_over")
          .name("Window over").cancelActivity(true).timerWithDurationExpression("keepWarm")
          .serviceTask("service_task_end_keep_warm", t -> job(t.name("End keep-warm window"), JobTypes.END_KEEP_WARM))
          .connectTo("gateway_run_ended")
        // the A/B test: a share for the bake time, then the two-proportion test on fed-back labels
        .moveToNode("gateway_rollout_next").condition("ab", "=strategy = \"ab\" and champion != null")
          .serviceTask("service_task_start_ab_test", t -> split(t, "Start A/B test", "ab"))
          .exclusiveGateway("gateway_ab_sample_size").name("Stop at a sample size?").defaultFlow()
          .intermediateCatchEvent("timer_catch_ab_test_runs", e -> e.name("A/B test runs").timerWithDurationExpression("bake"))
          .serviceTask("service_task_decide_ab_test", t -> job(t.name("Decide A/B test"), JobTypes.DECIDE_AB_TEST))
          .exclusiveGateway("gateway_ab_decided")
          .serviceTask("service_task_end_ab_test", t -> clear(t, "End A/B test", "A/B test over"))
          .exclusiveGateway("gateway_ab_won").name("Challenger wins?")
          .condition("yes", "=abWon").connectTo("gateway_ready_to_promote")
        .moveToNode("gateway_ab_won").condition("no", "=abWon = false")
          .serviceTask("service_task_withdraw_ab_lost", t -> withdraw(t, "Withdraw A/B loser", "staging", "NOT_PROMOTED"))
          .connectTo("gateway_run_ended")
        // with a sample size: both arms read every abPoll (a short job, the wait the engine's timer)
        // until each has its labels, when the same job decides; the bake timer bounds the loop on the
        // engine's clock, then a last reading decides, as the Temporal loop reads at its deadline
        .moveToNode("gateway_ab_sample_size").condition("sample size", "=sampleSize != null")
          .subProcess("sub_process_ab_until_sampled", s -> s.name("Until each arm has its sample")
              .zeebeInputExpression("now()", "abStartedAt"))
          .embeddedSubProcess()
            .startEvent("start_event_ab_until_sampled")
            .intermediateCatchEvent("timer_catch_ab_poll", e -> e.name("A while").timerWithDurationExpression("abPoll"))
            .serviceTask("service_task_check_ab_sample", t -> job(t.name("Read both arms"), JobTypes.DECIDE_AB_TEST)
                .zeebeTaskHeader("until", "sample")
                .zeebeInputExpression("now()", "abCheckedAt"))
            .exclusiveGateway("gateway_ab_sampled").name("Each arm sampled?")
              .condition("no", "=abOutcome = \"waiting\"").connectTo("timer_catch_ab_poll")
            .moveToNode("gateway_ab_sampled").condition("yes", "=abOutcome != \"waiting\"")
              .endEvent("end_event_ab_sampled").name("Decided")
          .subProcessDone()
          .connectTo("gateway_ab_decided")
        .moveToActivity("sub_process_ab_until_sampled").boundaryEvent("boundary_event_ab_bake_over")
          .name("Bake time over").cancelActivity(true).timerWithDurationExpression("bake")
          .serviceTask("service_task_decide_ab_test_last", t -> job(t.name("Decide A/B test at the bake's end"),
              JobTypes.DECIDE_AB_TEST).zeebeTaskHeader("until", "bake"))
          .connectTo("gateway_ab_decided")
        // the approval expired, unless a decision reached the registry first: then wait for its message
        .moveToNode("gateway_await_decision")
          .intermediateCatchEvent("timer_catch_approval_expired", e -> e.name("Approval expires")
              .timerWithDurationExpression("approvalTimeout"))
          .serviceTask("service_task_expire_approval", t -> job(t.name("Expire approval"), JobTypes.EXPIRE_APPROVAL))
          .exclusiveGateway("gateway_expired").name("Expired?")
          .condition("yes", "=expired")
          .serviceTask("service_task_clear_split_expired", t -> clear(t, "Give traffic back", "approval expired"))
          .serviceTask("service_task_withdraw_expired", t -> withdraw(t, "Withdraw expired version", "staging", "EXPIRED"))
          .connectTo("gateway_run_ended")
        .moveToNode("gateway_expired").condition("no: a decision came first", "=expired = false").connectTo("gateway_await_decision")
        // rejected (after the canary's lower steps too: their traffic goes back first)
        .moveToNode("gateway_approved").condition("no", "=approved = false")
          .serviceTask("service_task_clear_split_rejected", t -> clear(t, "Give traffic back", "rejected"))
          .serviceTask("service_task_withdraw_rejected", t -> withdraw(t, "Withdraw rejected version", "staging", "REJECTED"))
          .connectTo("gateway_run_ended")
        // the registry refused the promotion
        .moveToActivity("service_task_promote_version").boundaryEvent("boundary_event_promotion_refused")
          .error(PROMOTION_REFUSED).zeebeOutputExpression("failure", "failure")
          .serviceTask("service_task_clear_split_refused", t -> clear(t, "Give the split back", "promotion refused"))
          .serviceTask("service_task_withdraw_refused", t -> withdraw(t, "Withdraw refused version", "staging", "FAILED"))
          .connectTo("gateway_run_ended")
        // post-promotion check failed: roll back to the champion, or withdraw if there was none
        .moveToActivity("service_task_post_promotion_check").boundaryEvent("boundary_event_post_promotion_failed")
          .error(SMOKE_CHECK_FAILED).zeebeOutputExpression("failure", "failure")
          .exclusiveGateway("gateway_champion_exists").name("Champion to return to?")
          .condition("yes", "=champion != null")
          .callActivity("call_activity_rollback", c -> c.name("Roll production back")
              .zeebeProcessId(Processes.ROLLBACK)
              .zeebePropagateAllParentVariables(false).zeebePropagateAllChildVariables(false)
              .zeebeInputExpression("modelName", "modelName")
              .zeebeInputExpression("\"production\"", "alias")
              .zeebeInputExpression("\"promoter\"", "actor")
              .zeebeInputExpression("\"v\" + string(version) + \" failed its post-promotion check: \" + failure", "reason")
              .zeebeInputExpression("version", "fromVersion")
              .zeebeInputExpression("dataset", "dataset")
              .zeebeOutputExpression("restoredVersion", "restoredVersion")
              .zeebeOutputExpression("\"ROLLED_BACK\"", "status"))
          // a blue-green's warm split, if any, goes too
          .serviceTask("service_task_clear_split_rolled_back", t -> clear(t, "Give the split back", "rolled back"))
          .connectTo("gateway_run_ended")
        .moveToNode("gateway_champion_exists").condition("no", "=champion = null")
          .serviceTask("service_task_withdraw_promoted", t -> withdraw(t, "Withdraw from production", "production", "FAILED"))
          .connectTo("gateway_run_ended")
        .done();
  }

  private static ServiceTaskBuilder split(ServiceTaskBuilder t, String name, String mode) {
    return job(t.name(name), JobTypes.SET_TRAFFIC_SPLIT).zeebeTaskHeader("mode", mode);
  }

  private static void gates(ServiceTaskBuilder t, String name, String mode) {
    job(t.name(name), JobTypes.READ_GATES);
    t.zeebeTaskHeader("mode", mode);
  }

  private static void clear(ServiceTaskBuilder t, String name, String why) {
    job(t.name(name), JobTypes.CLEAR_TRAFFIC_SPLIT);
    t.zeebeTaskHeader("why", why);
  }

  private static void withdraw(ServiceTaskBuilder t, String name, String alias, String outcome) {
    job(t.name(name), JobTypes.WITHDRAW_VERSION);
    t.zeebeTaskHeader("alias", alias).zeebeTaskHeader("outcome", outcome);
  }

  static BpmnModelInstance rollback() {
    return Bpmn.createExecutableProcess(Processes.ROLLBACK).name("Model rollback")
        .startEvent("start_event_rollback_requested").name("Rollback requested")
        .serviceTask("service_task_rollback_alias", t -> job(t.name("Give the alias back"), JobTypes.ROLLBACK_ALIAS))
        .serviceTask("service_task_smoke_check_restored", t -> job(t.name("Smoke check restored version"), JobTypes.SMOKE_CHECK)
            .zeebeInputExpression("restoredVersion", "version"))
        .endEvent("end_event_rolled_back").name("Rolled back")
        .moveToActivity("service_task_smoke_check_restored").boundaryEvent("boundary_event_restored_unhealthy")
          .error(SMOKE_CHECK_FAILED).zeebeOutputExpression("failure", "restoredFailure")
          .endEvent("end_event_restored_unhealthy").name("Rolled back; restored version unhealthy")
        .done();
  }

  static BpmnModelInstance retrain() {
    return Bpmn.createExecutableProcess(Processes.RETRAIN).name("Scheduled retrain")
        // Spring-style cron (seconds first): nightly at 03:00 UTC; teams edit it in Modeler
        .startEvent("start_event_retrain_due").name("Nightly").timerWithCycle("0 0 3 * * ?")
        .serviceTask("service_task_prepare_retrain", t -> job(t.name("Prepare retrain request"), JobTypes.PREPARE_RETRAIN))
        .callActivity("call_activity_lifecycle", c -> c.name("Model lifecycle").zeebeProcessId(Processes.LIFECYCLE))
        .endEvent("end_event_retrain_done").name("Retrain done")
        .done();
  }
}
