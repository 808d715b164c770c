package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.activities.TrainedCandidate;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.temporal.failure.ApplicationFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records every trained candidate (idempotent by run and candidate) and picks the best by the
 * deciding metric, ties to the candidate listed first; a best below the minimum, or none at all,
 * ends the run with its status and verdict.
 */
public final class ChooseBestCandidateWorker extends ThinWorker {
  private final RegistryActivities registry;

  public ChooseBestCandidateWorker(RegistryActivities registry) {
    this.registry = registry;
  }

  @Override
  public String jobType() {
    return JobTypes.CHOOSE_BEST_CANDIDATE;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    String runId = string(job, "runId");
    String metric = string(job, "decidingMetric");
    List<?> all = (List<?>) required(job, "trainedCandidates");
    TrainedCandidate best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (TrainedCandidate c : all.stream().filter(Objects::nonNull).map(LifecycleVariables::trained).toList()) {
      registry.recordCandidate(runId, c);
      double score = metric(c.metrics(), metric);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    Map<String, Object> out = new HashMap<>();
    if (best == null) {
      out.put("status", "FAILED");
      out.put("verdict", "every candidate failed to train");
      out.put("best", null);
      return out;
    }
    double minimum = LifecycleVariables.number(required(job, "minimumMetric"));
    out.put("bestMetrics", best.metrics());
    if (bestScore < minimum) {
      out.put("status", "NOT_PROMOTED");
      out.put("verdict", String.format("best candidate %s has %s %.4f, below the minimum %.4f",
          best.candidate(), metric, bestScore, minimum));
      out.put("best", null);
      return out;
    }
    out.put("best", LifecycleVariables.trained(best));
    out.put("bestScore", bestScore);
    return out;
  }

  static double metric(Map<String, Double> metrics, String name) {
    Double value = metrics.get(name);
    if (value == null) {
      throw ApplicationFailure.newNonRetryableFailure("metric '" + name + "' is not reported; "
          + "the candidates report " + List.copyOf(metrics.keySet()), "BadInput");
    }
    return value;
  }
}
