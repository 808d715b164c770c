package dev.promoter.workflows.retrain;

import dev.promoter.workflows.lifecycle.LifecycleRequest;

/**
 * A retraining schedule.
 *
 * @param scheduleId names the schedule; runs are {@code scheduleId/<fire time>}
 * @param cron when to retrain, five-field cron in UTC
 * @param overlap what to do when a time comes while a run is still going
 * @param lifecycle the run to start each time (its champion is whatever holds production then)
 * @param firesBeforeContinueAsNew keeps the history short: after this many fires the loop
 *     continues as new (once no run is going)
 */
public record RetrainScheduleRequest(String scheduleId, String cron, OverlapPolicy overlap,
    LifecycleRequest lifecycle, int firesBeforeContinueAsNew) {}
