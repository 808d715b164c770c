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
 * @param route {@code primary}, {@code fallback}, {@code canary}, {@code ab} or {@code shadow}
 *     (scored off the request path, never returned)
 * @param latencyMs the request's model time in milliseconds
 * @param label the predicted class, or null when the version failed
 * @param confidence its probability (0 when it failed)
 * @param features a compact summary of the sequence for drift (never the sequence)
 * @param outcome {@code ok}, {@code model_error} (the version's own failure on valid input,
 *     counted against it) or {@code unavailable} (infrastructure; never the model's error)
 */
public record PredictionRecord(Instant at, String requestId, int item, String modelName, int version,
    String route, double latencyMs, String label, double confidence, Map<String, Double> features,
    String outcome) {
  /** A version answered. */
  public static final String OK = "ok";
  /** The version itself failed on valid input. */
  public static final String MODEL_ERROR = "model_error";
  /** Infrastructure failed (store, registry, replica); not the version's error. */
  public static final String UNAVAILABLE = "unavailable";

  /** Copies the summary; no outcome means {@code ok}. */
  public PredictionRecord {
    features = Map.copyOf(features);
    outcome = outcome == null ? OK : outcome;
  }

  /** An answered prediction. */
  public PredictionRecord(Instant at, String requestId, int item, String modelName, int version,
      String route, double latencyMs, String label, double confidence, Map<String, Double> features) {
    this(at, requestId, item, modelName, version, route, latencyMs, label, confidence, features, OK);
  }

  /** A failed one: no label. */
  public static PredictionRecord failed(Instant at, String requestId, int item, String modelName,
      int version, String route, double latencyMs, Map<String, Double> features, String outcome) {
    return new PredictionRecord(at, requestId, item, modelName, version, route, latencyMs, null, 0,
        features, outcome);
  }
}
