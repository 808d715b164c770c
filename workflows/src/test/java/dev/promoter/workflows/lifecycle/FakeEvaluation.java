package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.EvaluationActivities;
import java.util.Map;
import java.util.Set;

/** Champion scores and smoke-check failures set by each test. */
class FakeEvaluation implements EvaluationActivities {
  volatile double championScore = 0.5;
  volatile Set<Integer> failingVersions = Set.of();
  volatile int smokeChecks;
  /** When set, what the champion's evaluation reports instead of {@code macro_f1}. */
  volatile Map<String, Double> championMetrics;

  @Override
  public Map<String, Double> evaluateVersion(String modelName, int version, String dataset) {
    Map<String, Double> metrics = championMetrics;
    return metrics != null ? metrics : Map.of("macro_f1", championScore);
  }

  @Override
  public String smokeCheck(String modelName, int version, String dataset) {
    smokeChecks++;
    return failingVersions.contains(version) ? "v" + version + " classified 0 of 20 sequences" : null;
  }
}
