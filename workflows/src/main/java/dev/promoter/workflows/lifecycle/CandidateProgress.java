package dev.promoter.workflows.lifecycle;

import java.util.Map;

/**
 * Where one candidate stands.
 *
 * @param name the candidate
 * @param trainer its trainer
 * @param taskQueue the queue it was sent to
 * @param state {@code PENDING}, {@code TRAINING}, {@code DONE} or {@code FAILED}
 * @param metrics its evaluation once done
 * @param error why it failed, if it did
 */
public record CandidateProgress(String name, String trainer, String taskQueue, String state,
    Map<String, Double> metrics, String error) {}
