/**
 * Drift closes the loop: {@link dev.promoter.workflows.drift.DriftMonitorWorkflow} checks a
 * model's recent predictions against its production version's training data at a fixed interval
 * and, on a verdict at or above its trigger, starts a retraining lifecycle run as a child, at
 * most one per model per cool-down window.
 */
package dev.promoter.workflows.drift;
