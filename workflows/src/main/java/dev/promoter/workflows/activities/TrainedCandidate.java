package dev.promoter.workflows.activities;

import java.util.Map;

/**
 * A trained and evaluated candidate whose artifact is already in the artifact store.
 *
 * @param candidate the candidate's name
 * @param trainer its trainer
 * @param artifactUri where the store keeps the model
 * @param artifactSha256 the model archive's digest
 * @param framework what loads it ({@code tribuo}, {@code djl})
 * @param metrics held-out evaluation, e.g. {@code macro_f1}, {@code accuracy}, {@code f1.16S}
 * @param params the parameters it was trained with
 * @param provenanceJson the framework's provenance as JSON
 * @param datasetDigest SHA-256 of the dataset it was trained and evaluated on
 */
public record TrainedCandidate(String candidate, String trainer, String artifactUri,
    String artifactSha256, String framework, Map<String, Double> metrics,
    Map<String, String> params, String provenanceJson, String datasetDigest) {}
