package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Opens the registry's approval request, which the shared inbox lists; the process then waits
 * for the message {@code approval-decided} or its timer. Idempotent by run.
 */
public final class OpenApprovalWorker extends ThinWorker {
  private final RegistryActivities registry;
  private final Clock clock;

  public OpenApprovalWorker(RegistryActivities registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public String jobType() {
    return JobTypes.OPEN_APPROVAL;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    Duration timeout = Duration.parse(string(job, "approvalTimeout"));
    registry.openApproval(string(job, "runId"), string(job, "modelName"), integer(job, "version"),
        "production", string(job, "submittedBy"), string(job, "approverRole"),
        clock.millis() + timeout.toMillis());
    return Map.of();
  }
}
