package dev.promoter.registry;

import java.time.Instant;
import java.util.Map;

/**
 * One answered sequence in the prediction log.
 *
 * @param at when it was answered
 * @param requestId the request's id, returned to the caller
 * @param item its position in the request, from 0
 * @param modelName the model
 * @param version the version that answered
 * @param route {@code primary} or {@code fallback}
 * @param latencyMs the request's model time in milliseconds
 * @param label the predicted class
 * @param confidence its probability
 * @param features a compact summary of the sequence for drift (never the sequence)
 */
public record PredictionRecord(Instant at, String requestId, int item, String modelName, int version,
    String route, double latencyMs, String label, double confidence, Map<String, Double> features) {

  /** Copies the summary. */
  public PredictionRecord {
    features = Map.copyOf(features);
  }
}
