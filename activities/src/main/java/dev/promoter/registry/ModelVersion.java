package dev.promoter.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One registered version of a model, as stored.
 *
 * @param modelName the model it belongs to
 * @param version its number, from 1, gap-free per model
 * @param status where it stands
 * @param aliases the aliases it holds now, sorted
 * @param artifactUri where its artifact lives
 * @param artifactSha256 the artifact's digest
 * @param framework what can load it
 * @param metrics evaluation figures
 * @param params training parameters
 * @param provenanceJson framework provenance, or null
 * @param lineage dataset, code and run it came from
 * @param createdAt when it was registered
 * @param createdBy who registered it
 */
public record ModelVersion(
    String modelName,
    int version,
    VersionStatus status,
    List<String> aliases,
    String artifactUri,
    String artifactSha256,
    String framework,
    Map<String, Double> metrics,
    Map<String, String> params,
    String provenanceJson,
    Lineage lineage,
    Instant createdAt,
    String createdBy) {}
