/**
 * Promoter's deterministic side: workflow interfaces and implementations, activity interfaces,
 * request and result records, and task-queue names. Nothing here performs IO, reads a clock or
 * draws a random number except through {@code io.temporal.workflow.Workflow}.
 */
package dev.promoter.workflows;
