package dev.promoter.workflows.lifecycle;

/**
 * A reviewer's decision on a waiting run.
 *
 * @param actor who decides
 * @param reason why, for the audit log
 */
public record Decision(String actor, String reason) {}
