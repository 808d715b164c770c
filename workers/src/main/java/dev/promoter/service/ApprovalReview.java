package dev.promoter.service;

import dev.promoter.registry.ApprovalRecord;
import dev.promoter.registry.ModelVersion;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import java.util.Map;

/**
 * Everything a reviewer weighs before deciding, in one answer: the request, the run and its
 * candidates, the staged version and the production holder it would replace.
 *
 * @param approval the request and its state
 * @param run the run with its live progress (null progress once the run has ended)
 * @param candidate the staged version up for approval
 * @param production the version holding the target alias now, or null when none does
 * @param productionMetrics the holder's metrics to compare against: measured by this run on its
 *     own test set when it did (see {@code productionMeasuredInRun}), else as registered
 * @param productionMeasuredInRun whether {@code productionMetrics} come from this run's test set
 */
public record ApprovalReview(ApprovalRecord approval, RunView run, ModelVersion candidate,
    ModelVersion production, Map<String, Double> productionMetrics, boolean productionMeasuredInRun) {}
