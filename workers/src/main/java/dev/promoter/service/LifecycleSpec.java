package dev.promoter.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A lifecycle run as a user asks for it (REST body, CLI options, UI form). Nothing here is
 * trusted: {@link LifecycleRequests} checks every field before a workflow starts, and the
 * submitter is the authenticated principal, not a field.
 *
 * @param model the model the run may produce a version of
 * @param dataset a dataset folder, relative to the data root
 * @param candidates what to train and compare
 * @param metric the deciding metric (default {@code macro_f1})
 * @param minimum the least the best candidate must reach (default 0.9)
 * @param margin how much it must beat the production holder by (default 0)
 * @param approval who approves and for how long (default: role approver, 7 days)
 * @param engine {@code temporal} (default) or {@code camunda}: which engine runs it
 */
public record LifecycleSpec(String model, String dataset, List<Candidate> candidates,
    String metric, Double minimum, Double margin, Approval approval, String engine) {

  /** A run on the default engine (Temporal). */
  public LifecycleSpec(String model, String dataset, List<Candidate> candidates, String metric,
      Double minimum, Double margin, Approval approval) {
    this(model, dataset, candidates, metric, minimum, margin, approval, null);
  }

  /** The same run on {@code engine}. */
  public LifecycleSpec onEngine(String engine) {
    return new LifecycleSpec(model, dataset, candidates, metric, minimum, margin, approval, engine);
  }

  /**
   * One candidate.
   *
   * @param name unique within the run (default: the trainer)
   * @param trainer {@code logreg}, {@code xgboost}, {@code forest} or {@code cnn}
   * @param pool {@code cpu} or {@code gpu} (default: the trainer's)
   * @param params trainer parameters by name
   */
  public record Candidate(String name, String trainer, String pool, Map<String, String> params) {}

  /**
   * The approval policy.
   *
   * @param timeout how long reviewers have, ISO-8601 (e.g. {@code P7D})
   */
  public record Approval(Duration timeout) {}
}
