package dev.promoter.workflows.lifecycle;

import java.util.Map;

/**
 * How a lifecycle run ended.
 *
 * @param status the outcome
 * @param modelName the model
 * @param version the version registered by this run, or null if none was
 * @param metrics the chosen candidate's metrics, if any
 * @param verdict why it ended so, in words
 */
public record LifecycleResult(LifecycleStatus status, String modelName, Integer version,
    Map<String, Double> metrics, String verdict) {}
