package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The retrain timer fired: builds the lifecycle request it starts (from configuration) and a
 * run id that is unique per timer firing (the process instance key), so a repeated job makes the
 * same run.
 */
public final class PrepareRetrainWorker extends ThinWorker {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
      .withZone(ZoneOffset.UTC);
  private final Supplier<LifecycleRequest> request;
  private final Clock clock;

  public PrepareRetrainWorker(Supplier<LifecycleRequest> request, Clock clock) {
    this.request = request;
    this.clock = clock;
  }

  @Override
  public String jobType() {
    return JobTypes.PREPARE_RETRAIN;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    LifecycleRequest r = request.get();
    String runId = r.modelName() + "-retrain-" + DAY.format(clock.instant()) + "-"
        + job.getProcessInstanceKey();
    return LifecycleVariables.of(runId, r);
  }
}
