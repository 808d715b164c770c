package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.registry.Approvals;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The compensation: takes an alias (header {@code alias}) away from the run's version and rejects
 * the version, then sets the run's status (header {@code outcome}). A rejection is recorded as
 * the reviewer's, as the registry recorded it: a rejection message published straight to the
 * engine, with no REJECTED decision in the registry, withdraws nothing and stops the job with
 * an incident. Everything else is recorded as Promoter's with the failure that caused it.
 * Idempotent.
 */
public final class WithdrawVersionWorker extends ThinWorker {
  private final RegistryActivities registry;
  private final Function<String, Optional<Approvals.Decided>> decisions;

  public WithdrawVersionWorker(RegistryActivities registry,
      Function<String, Optional<Approvals.Decided>> decisions) {
    this.registry = registry;
    this.decisions = decisions;
  }

  @Override
  public String jobType() {
    return JobTypes.WITHDRAW_VERSION;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    String alias = job.getCustomHeaders().getOrDefault("alias", "staging");
    String outcome = job.getCustomHeaders().getOrDefault("outcome", "FAILED");
    String actor = Workers.SYSTEM_ACTOR;
    String reason;
    if (outcome.equals("REJECTED")) {
      String runId = string(job, "runId");
      Approvals.Decided decided = decisions.apply(runId).orElse(null);
      if (decided == null || !decided.decision().equals("REJECTED")) {
        throw ApplicationFailure.newNonRetryableFailure("run " + runId + " has no rejection recorded in "
            + "the registry: the approval-decided message alone withdraws nothing", "Forbidden");
      }
      actor = decided.actor();
      reason = decided.reason();
    } else if (outcome.equals("EXPIRED")) {
      reason = "approval expired";
    } else {
      Object failure = job.getVariablesAsMap().get("failure");
      reason = job.getElementId() + ": " + (failure == null ? "failed" : failure);
    }
    registry.withdraw(string(job, "modelName"), integer(job, "version"), alias, actor, reason);
    return Map.of("status", outcome);
  }
}
