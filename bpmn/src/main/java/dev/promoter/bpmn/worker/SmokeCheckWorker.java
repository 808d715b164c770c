package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.Processes.Errors;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.EvaluationActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;

/**
 * Classifies a smoke batch with the version (staging, after promotion, after a rollback). A
 * version unfit to serve is the BPMN error {@code smoke-check-failed}; an outage is retried.
 */
public final class SmokeCheckWorker extends ThinWorker {
  private final EvaluationActivities evaluation;

  public SmokeCheckWorker(EvaluationActivities evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public String jobType() {
    return JobTypes.SMOKE_CHECK;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    String failure = evaluation.smokeCheck(string(job, "modelName"), integer(job, "version"),
        string(job, "dataset"));
    if (failure != null) {
      throw new BpmnError(Errors.SMOKE_CHECK_FAILED, failure);
    }
    return Map.of();
  }
}
