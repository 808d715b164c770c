package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;

/** Points {@code staging} at the new version. Idempotent: staging it again changes nothing. */
public final class StageVersionWorker extends ThinWorker {
  private final RegistryActivities registry;

  public StageVersionWorker(RegistryActivities registry) {
    this.registry = registry;
  }

  @Override
  public String jobType() {
    return JobTypes.STAGE_VERSION;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    registry.promote(string(job, "modelName"), integer(job, "version"), "staging",
        Workers.SYSTEM_ACTOR, "run " + string(job, "runId") + " staged it", null, false);
    return Map.of();
  }
}
