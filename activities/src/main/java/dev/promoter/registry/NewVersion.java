package dev.promoter.registry;

import java.util.Map;
import java.util.Objects;

/**
 * A request to register a model version.
 *
 * @param modelName the model; created on first registration
 * @param idempotencyKey the same key registers once: a retried call returns the version the first
 *     call made (Temporal activities use workflow id + step)
 * @param artifactUri where the artifact store keeps the model
 * @param artifactSha256 the artifact's digest, hex
 * @param framework what can load it: {@code tribuo}, {@code djl}, ...
 * @param metrics evaluation figures by name
 * @param params training parameters by name
 * @param provenanceJson the framework's own provenance (Tribuo or DJL) as JSON, or null
 * @param lineage dataset, code and run it came from
 * @param actor who registers it
 */
public record NewVersion(
    String modelName,
    String idempotencyKey,
    String artifactUri,
    String artifactSha256,
    String framework,
    Map<String, Double> metrics,
    Map<String, String> params,
    String provenanceJson,
    Lineage lineage,
    String actor) {

  /** Copies the maps so that a caller's later changes cannot reach the request. */
  public NewVersion {
    metrics = Map.copyOf(Objects.requireNonNullElse(metrics, Map.of()));
    params = Map.copyOf(Objects.requireNonNullElse(params, Map.of()));
    lineage = Objects.requireNonNullElse(lineage, Lineage.NONE);
  }
}
