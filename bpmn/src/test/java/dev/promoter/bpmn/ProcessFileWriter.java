package dev.promoter.bpmn;

import static dev.promoter.bpmn.Processes.Errors.CANDIDATE_FAILED;
import static dev.promoter.bpmn.Processes.Errors.PROMOTION_REFUSED;
import static dev.promoter.bpmn.Processes.Errors.SMOKE_CHECK_FAILED;

import dev.promoter.bpmn.Processes.JobTypes;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Error boundary events map the error's {@code failure} variable out: Zeebe keeps error variables
 * on the catch event unless an output mapping takes them into the process.
 *
 * <p>Drew the first version of the process files with the model API's builder, which also lays out
 * the diagram (so Camunda Modeler opens them). The committed files are canonical from then on:
 * edit them in Modeler; run this only to start over
 * ({@code java ... ProcessFileWriter bpmn/src/main/resources/bpmn}).
 */
public final class ProcessFileWriter {
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
    var p = Bpmn.createExecutableProcess(Processes.LIFECYCLE).name("Model lifecycle")
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
          .serviceTask("service_task_open_approval", t -> job(t.name("Open approval"), JobTypes.OPEN_APPROVAL))
          .eventBasedGateway("gateway_await_decision").name("Decided or expired?")
          .intermediateCatchEvent("message_catch_approval_decided", e -> e.name("Approval decided")
              .message(m -> m.name(Processes.APPROVAL_DECIDED).zeebeCorrelationKeyExpression("runId")))
          .exclusiveGateway("gateway_approved").name("Approved?")
          .condition("yes", "=approved")
          .serviceTask("service_task_promote_version", t -> job(t.name("Promote to production"), JobTypes.PROMOTE_VERSION))
          .serviceTask("service_task_post_promotion_check", t -> job(t.name("Post-promotion check"), JobTypes.SMOKE_CHECK)
              .zeebeOutputExpression("\"PROMOTED\"", "status"))
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
        // the approval expired, unless a decision reached the registry first: then wait for its message
        .moveToNode("gateway_await_decision")
          .intermediateCatchEvent("timer_catch_approval_expired", e -> e.name("Approval expires")
              .timerWithDurationExpression("approvalTimeout"))
          .serviceTask("service_task_expire_approval", t -> job(t.name("Expire approval"), JobTypes.EXPIRE_APPROVAL))
          .exclusiveGateway("gateway_expired").name("Expired?")
          .condition("yes", "=expired")
          .serviceTask("service_task_withdraw_expired", t -> withdraw(t, "Withdraw expired version", "staging", "EXPIRED"))
          .connectTo("gateway_run_ended")
        .moveToNode("gateway_expired").condition("no: a decision came first", "=expired = false").connectTo("gateway_await_decision")
        // rejected
        .moveToNode("gateway_approved").condition("no", "=approved = false")
          .serviceTask("service_task_withdraw_rejected", t -> withdraw(t, "Withdraw rejected version", "staging", "REJECTED"))
          .connectTo("gateway_run_ended")
        // the registry refused the promotion
        .moveToActivity("service_task_promote_version").boundaryEvent("boundary_event_promotion_refused")
          .error(PROMOTION_REFUSED).zeebeOutputExpression("failure", "failure")
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
          .connectTo("gateway_run_ended")
        .moveToNode("gateway_champion_exists").condition("no", "=champion = null")
          .serviceTask("service_task_withdraw_promoted", t -> withdraw(t, "Withdraw from production", "production", "FAILED"))
          .connectTo("gateway_run_ended")
        .done();
    return p;
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
