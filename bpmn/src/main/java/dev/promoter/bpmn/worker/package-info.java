/**
 * Zeebe job workers: one thin class per job type, each calling the same activity
 * implementations the Temporal workers call, returning only the variables it changed. Business
 * failures become BPMN errors, outages fail the job with retries and back-off
 * ({@link dev.promoter.bpmn.worker.ThinWorker}). Zeebe delivers a job at least once, so every
 * write is idempotent (by run id, or by process instance key + element id).
 */
package dev.promoter.bpmn.worker;
