package dev.promoter.bpmn.worker;

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
 * only if the champion seen at evaluation still holds it; a refusal is the BPMN error
 * {@code promotion-refused}. Idempotent: promoting the current holder changes nothing.
 */
public final class PromoteVersionWorker extends ThinWorker {
  private final RegistryActivities registry;

  public PromoteVersionWorker(RegistryActivities registry) {
    this.registry = registry;
  }

  @Override
  public String jobType() {
    return JobTypes.PROMOTE_VERSION;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    try {
      registry.promote(string(job, "modelName"), integer(job, "version"), "production",
          string(job, "decidedBy"), string(job, "decisionReason"),
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
