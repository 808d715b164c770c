package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.EvaluationActivities;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.HashMap;
import java.util.Map;

/** Champion/challenger: the production holder, evaluated on the same held-out split. Read-only. */
public final class EvaluateChampionWorker extends ThinWorker {
  private final RegistryActivities registry;
  private final EvaluationActivities evaluation;

  public EvaluateChampionWorker(RegistryActivities registry, EvaluationActivities evaluation) {
    this.registry = registry;
    this.evaluation = evaluation;
  }

  @Override
  public String jobType() {
    return JobTypes.EVALUATE_CHAMPION;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    String model = string(job, "modelName");
    String metric = string(job, "decidingMetric");
    double score = LifecycleVariables.number(required(job, "bestScore"));
    Integer champion = registry.aliasHolder(model, "production");
    Map<String, Object> out = new HashMap<>();
    out.put("champion", champion);
    out.put("challengerWins", true);
    if (champion != null) {
      double margin = LifecycleVariables.number(required(job, "championMargin"));
      double held = ChooseBestCandidateWorker.metric(
          evaluation.evaluateVersion(model, champion, string(job, "dataset")), metric);
      if (score < held + margin) {
        out.put("challengerWins", false);
        out.put("status", "NOT_PROMOTED");
        out.put("verdict", String.format(
            "champion v%d keeps production: challenger %s %s %.4f does not beat %.4f by %.4f",
            champion, LifecycleVariables.trained(required(job, "best")).candidate(), metric, score,
            held, margin));
      }
    }
    return out;
  }
}
