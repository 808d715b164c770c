package dev.promoter.workflows.activities;

import dev.promoter.workflows.lifecycle.CandidateConfig;

/**
 * Train one candidate.
 *
 * @param runId the lifecycle run (workflow id): with the candidate name, the idempotency key
 * @param modelName the model the candidate may become a version of
 * @param dataset the dataset reference: training and held-out splits
 * @param candidate what to train
 */
public record TrainingTask(String runId, String modelName, String dataset, CandidateConfig candidate) {}
