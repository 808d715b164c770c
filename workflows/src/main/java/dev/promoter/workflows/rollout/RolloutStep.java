package dev.promoter.workflows.rollout;

/**
 * One step of a rollout as the run recorded it.
 *
 * @param name what the step was, e.g. {@code canary 25%}, {@code blue-green switch}
 * @param mode the split's mode ({@code canary}, {@code shadow}, {@code ab}, {@code warm}) or
 *     {@code switch} for an alias move
 * @param percent the candidate's share of traffic in this step
 * @param outcome {@code running}, {@code passed} or {@code failed}
 * @param reading the gates' figures once read, or null
 * @param verdict why it passed or failed, in words
 */
public record RolloutStep(String name, String mode, int percent, String outcome, GateReading reading,
    String verdict) {}
