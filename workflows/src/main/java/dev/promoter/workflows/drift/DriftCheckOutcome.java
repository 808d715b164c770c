package dev.promoter.workflows.drift;

import dev.promoter.workflows.lifecycle.LifecycleRequest;

/**
 * What a check found and decided.
 *
 * @param checkId the recorded check's id in the registry
 * @param version the production version checked, or null if there was none
 * @param verdict {@code NONE}, {@code MODERATE}, {@code SIGNIFICANT}, or {@code SKIPPED}
 * @param note why it retrains or not, in words
 * @param retrainRunId the run to start (its workflow id), or null to start none
 * @param retrain the run's request, or null
 */
public record DriftCheckOutcome(long checkId, Integer version, String verdict, String note,
    String retrainRunId, LifecycleRequest retrain) {}
