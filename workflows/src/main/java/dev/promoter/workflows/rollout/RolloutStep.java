package dev.promoter.workflows.rollout;

/**
 * One step of a rollout as the run recorded it.
 *
 * @param name what the step was, e.g. {@code canary 25%}, {@code shadow 100%}
 * @param mode the split's mode ({@code canary}, {@code shadow})
 * @param percent the candidate's share of traffic in this step (of requests it scores, for a shadow)
 * @param outcome {@code running}, {@code passed} or {@code failed} (a shadow's failed gates are
 *     reported, not acted on)
 * @param reading the gates' figures once read, or null
 * @param verdict why it passed or failed, in words
 */
public record RolloutStep(String name, String mode, int percent, String outcome, GateReading reading,
    String verdict) {}
