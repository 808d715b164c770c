package dev.promoter.registry;

import java.time.Instant;

/**
 * One recorded drift check.
 *
 * @param id its number
 * @param checkKey what makes recording it idempotent
 * @param checkedAt when it ran
 * @param modelName the model
 * @param version the production version it checked, or null if there was none
 * @param referenceSize how many training records it compared with
 * @param currentSize how many predictions it compared
 * @param verdict NONE, MODERATE, SIGNIFICANT or SKIPPED
 * @param driftedFeatures how many summary features drifted
 * @param topFeaturesJson the most drifted features with KS D, p-value and PSI, a JSON array
 * @param note why it retrained or not, in words
 * @param retrainWindow the cool-down window it claimed, or null
 * @param retrainRunId the retraining run it started, or null
 */
public record DriftCheckRow(long id, String checkKey, Instant checkedAt, String modelName, Integer version,
    int referenceSize, int currentSize, String verdict, int driftedFeatures, String topFeaturesJson,
    String note, Instant retrainWindow, String retrainRunId) {}
