package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;

/**
 * The compensation: takes an alias (header {@code alias}) away from the run's version and rejects
 * the version, then sets the run's status (header {@code outcome}). A rejection is recorded as
 * the reviewer's, everything else as Promoter's with the failure that caused it. Idempotent.
 */
public final class WithdrawVersionWorker extends ThinWorker {
  private final RegistryActivities registry;

  public WithdrawVersionWorker(RegistryActivities registry) {
    this.registry = registry;
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
      actor = string(job, "decidedBy");
      reason = string(job, "decisionReason");
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
