package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;

/**
 * Registers the best candidate as a version. Idempotent by process instance key + element id:
 * a job delivered again after a crash gets the version the first delivery registered.
 */
public final class RegisterVersionWorker extends ThinWorker {
  private final RegistryActivities registry;

  public RegisterVersionWorker(RegistryActivities registry) {
    this.registry = registry;
  }

  @Override
  public String jobType() {
    return JobTypes.REGISTER_VERSION;
  }

  /** The registry's idempotency key for a job: one per element of one process instance. */
  public static String idempotencyKey(ActivatedJob job) {
    return "zeebe/" + job.getProcessInstanceKey() + "/" + job.getElementId();
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    int version = registry.register(idempotencyKey(job), string(job, "modelName"),
        LifecycleVariables.trained(required(job, "best")), string(job, "submittedBy"),
        string(job, "runId"));
    return Map.of("version", version);
  }
}
