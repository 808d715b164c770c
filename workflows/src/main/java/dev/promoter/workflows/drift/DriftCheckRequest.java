package dev.promoter.workflows.drift;

/**
 * One check, as the monitor asks for it.
 *
 * @param checkKey makes the check idempotent: the monitor's workflow id and the check's time
 * @param modelName the model
 * @param checkedAtMillis the check's time (workflow time, so a retry checks the same window)
 * @param settings the monitor's settings
 * @param retrainWindowStartMillis start of the cool-down window this check falls in; a retrain
 *     is started at most once per model and window
 * @param submittedBy who a retraining run is submitted as
 */
public record DriftCheckRequest(String checkKey, String modelName, long checkedAtMillis,
    DriftSettings settings, long retrainWindowStartMillis, String submittedBy) {}
