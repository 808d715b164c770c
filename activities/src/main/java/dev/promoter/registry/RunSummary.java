package dev.promoter.registry;

import java.time.Instant;

/**
 * A lifecycle run as the registry records it.
 *
 * @param runId the workflow id
 * @param kind {@code LIFECYCLE}, {@code RETRAIN} or {@code ROLLBACK}
 * @param modelName the model
 * @param status its status
 * @param submittedBy who started it
 * @param startedAt when
 * @param endedAt when it ended, or null
 * @param resultJson its result, or null while running
 * @param engine the engine that runs it: {@code temporal} or {@code camunda}
 */
public record RunSummary(String runId, String kind, String modelName, String status,
    String submittedBy, Instant startedAt, Instant endedAt, String resultJson, String engine) {

  /** A run on Temporal (the form before runs named their engine). */
  public RunSummary(String runId, String kind, String modelName, String status, String submittedBy,
      Instant startedAt, Instant endedAt, String resultJson) {
    this(runId, kind, modelName, status, submittedBy, startedAt, endedAt, resultJson, "temporal");
  }
}
