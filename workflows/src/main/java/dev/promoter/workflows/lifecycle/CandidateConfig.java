package dev.promoter.workflows.lifecycle;

import java.util.Map;

/**
 * One candidate of an experiment.
 *
 * @param name unique within the run, e.g. {@code logreg-k6}
 * @param trainer {@code logreg}, {@code xgboost}, {@code forest}, {@code cnn}
 * @param pool the worker pool that trains it: {@code cpu} or {@code gpu}; the request's
 *     {@link LifecycleRequest#taskQueues()} maps it to a task queue
 * @param params trainer parameters by name
 */
public record CandidateConfig(String name, String trainer, String pool, Map<String, String> params) {
  /** Defaults the pool by trainer: the CNN trains on GPU, the rest on CPU. */
  public CandidateConfig {
    params = params == null ? Map.of() : Map.copyOf(params);
    if (pool == null || pool.isBlank()) {
      pool = "cnn".equals(trainer) ? "gpu" : "cpu";
    }
  }
}
