/**
 * Scheduled retraining. Where the Temporal server offers the Schedules API the starter uses it;
 * where it does not (the embedded test server), {@link dev.promoter.workflows.retrain.RetrainScheduleWorkflow}
 * is the fallback: a durable loop that sleeps until the next cron time and starts a lifecycle run
 * as a child, with the same overlap policies (skip, buffer one).
 */
package dev.promoter.workflows.retrain;
