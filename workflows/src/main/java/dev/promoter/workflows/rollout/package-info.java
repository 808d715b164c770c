/**
 * Deployment strategies as lifecycle steps: what a request asks for ({@link
 * dev.promoter.workflows.rollout.Rollout}, {@link dev.promoter.workflows.rollout.Gates}), what the
 * gates read from the prediction log ({@link dev.promoter.workflows.rollout.GateReading}), the
 * activity boundary that moves traffic and reads the log ({@link
 * dev.promoter.workflows.rollout.RolloutActivities}), and what each step recorded ({@link
 * dev.promoter.workflows.rollout.RolloutStep}). Deterministic code only.
 */
package dev.promoter.workflows.rollout;
