package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;

/**
 * The registry's atomic rollback from the alias history. Idempotent: a retry after success finds
 * another holder and returns it without rolling back twice.
 */
public final class RollbackAliasWorker extends ThinWorker {
  private final RegistryActivities registry;

  public RollbackAliasWorker(RegistryActivities registry) {
    this.registry = registry;
  }

  @Override
  public String jobType() {
    return JobTypes.ROLLBACK_ALIAS;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    int restored = registry.rollback(string(job, "modelName"), string(job, "alias"),
        string(job, "actor"), string(job, "reason"), integer(job, "fromVersion"));
    return Map.of("restoredVersion", restored);
  }
}
