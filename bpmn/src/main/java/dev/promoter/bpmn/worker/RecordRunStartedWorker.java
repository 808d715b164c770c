package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.RegistryActivitiesImpl;
import dev.promoter.registry.RegistryException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;

/** Records the run in the registry's run index, engine {@code camunda}. Idempotent by run id. */
public final class RecordRunStartedWorker extends ThinWorker {
  private final LifecycleRuns runs;

  public RecordRunStartedWorker(LifecycleRuns runs) {
    this.runs = runs;
  }

  @Override
  public String jobType() {
    return JobTypes.RECORD_RUN_STARTED;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    Map<String, Object> v = job.getVariablesAsMap();
    try {
      runs.started(string(job, "runId"), "LIFECYCLE", string(job, "modelName"),
          string(job, "submittedBy"), LifecycleVariables.json(v), "camunda");
    } catch (RegistryException e) {
      throw RegistryActivitiesImpl.failure(e);
    }
    return Map.of();
  }
}
