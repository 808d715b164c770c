package dev.promoter.bpmn.worker;

import dev.promoter.registry.Approvals;
import java.util.Optional;
import java.util.function.Function;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.Errors;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;

/**
 * Promotes the approved version to production in one registry transaction with its audit row,
 * only if the registry holds an APPROVED decision for the run (and as its decider, with its
 * reason: a message published straight to the engine, past Promoter's approvals and their
 * four-eyes rule, promotes nothing),
 * only if the champion seen at evaluation still holds it; a refusal is the BPMN error
 * {@code promotion-refused}. Idempotent: promoting the current holder changes nothing.
 */
public final class PromoteVersionWorker extends ThinWorker {
  private final RegistryActivities registry;
  private final Function<String, Optional<Approvals.Decided>> decisions;

  public PromoteVersionWorker(RegistryActivities registry,
      Function<String, Optional<Approvals.Decided>> decisions) {
    this.registry = registry;
    this.decisions = decisions;
  }

  @Override
  public String jobType() {
    return JobTypes.PROMOTE_VERSION;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    String runId = string(job, "runId");
    Approvals.Decided decided = decisions.apply(runId).orElse(null);
    if (decided == null || !decided.decision().equals("APPROVED")) {
      throw new BpmnError(Errors.PROMOTION_REFUSED, "run " + runId + " has no approval recorded in the "
          + "registry" + (decided == null ? "" : " (it was " + decided.decision() + ")")
          + ": the approval-decided message alone promotes nothing");
    }
    try {
      registry.promote(string(job, "modelName"), integer(job, "version"), "production",
          decided.actor(), decided.reason(),
          LifecycleVariables.integer(job.getVariablesAsMap().get("champion")), true);
    } catch (ApplicationFailure e) {
      if ("Conflict".equals(e.getType())) {
        throw new BpmnError(Errors.PROMOTION_REFUSED, e.getOriginalMessage());
      }
      throw e;
    }
    return Map.of();
  }
}
