package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.rollout.RolloutStep;
import java.util.List;
import java.util.Map;

/**
 * The answer to the progress query: enough for a CLI or UI to show a run without reading the
 * database.
 *
 * @param status the run's status
 * @param step the step it is in, e.g. {@code experiment}, {@code awaiting-approval}
 * @param candidates each candidate's state and metrics
 * @param best the chosen candidate, once chosen
 * @param version the registered version, once registered
 * @param verdict the last decision the run made, in words
 * @param champion the production holder the run compared against, or null (none, or not yet)
 * @param championMetrics that holder's metrics on this run's test set, or null
 * @param strategy the rollout strategy ({@code direct} when none was asked for)
 * @param rollout the rollout's steps so far, with their traffic shares and gates' figures
 */
public record LifecycleProgress(LifecycleStatus status, String step,
    List<CandidateProgress> candidates, String best, Integer version, String verdict,
    Integer champion, Map<String, Double> championMetrics, String strategy,
    List<RolloutStep> rollout) {

  /** Progress without a rollout (direct). */
  public LifecycleProgress(LifecycleStatus status, String step, List<CandidateProgress> candidates,
      String best, Integer version, String verdict, Integer champion,
      Map<String, Double> championMetrics) {
    this(status, step, candidates, best, version, verdict, champion, championMetrics, null, null);
  }
}
