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
 * @param detail while it trains, the step its training reported last (e.g. {@code tree 4/10}),
 *     from the activity's heartbeat; null from the workflow itself, which never sees heartbeats
 *     (the client adds it), and in progress recorded before it existed
 */
public record CandidateProgress(String name, String trainer, String taskQueue, String state,
    Map<String, Double> metrics, String error, String detail) {

  /** Progress as the workflow knows it: no heartbeat detail. */
  public CandidateProgress(String name, String trainer, String taskQueue, String state,
      Map<String, Double> metrics, String error) {
    this(name, trainer, taskQueue, state, metrics, error, null);
  }

  /** @return a copy with the training's last reported step */
  public CandidateProgress withDetail(String newDetail) {
    return new CandidateProgress(name, trainer, taskQueue, state, metrics, error, newDetail);
  }
}
