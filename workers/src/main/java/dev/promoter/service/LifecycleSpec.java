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
 * @param deployment how the approved version is deployed (default {@code direct})
 */
public record LifecycleSpec(String model, String dataset, List<Candidate> candidates,
    String metric, Double minimum, Double margin, Approval approval, String engine,
    Deployment deployment) {

  /** A run deployed directly. */
  public LifecycleSpec(String model, String dataset, List<Candidate> candidates, String metric,
      Double minimum, Double margin, Approval approval, String engine) {
    this(model, dataset, candidates, metric, minimum, margin, approval, engine, null);
  }

  /** A run on the default engine (Temporal). */
  public LifecycleSpec(String model, String dataset, List<Candidate> candidates, String metric,
      Double minimum, Double margin, Approval approval) {
    this(model, dataset, candidates, metric, minimum, margin, approval, null);
  }

  /** The same run on {@code engine}. */
  public LifecycleSpec onEngine(String engine) {
    return new LifecycleSpec(model, dataset, candidates, metric, minimum, margin, approval, engine,
        deployment);
  }

  /** The same run with another deployment. */
  public LifecycleSpec withDeployment(Deployment how) {
    return new LifecycleSpec(model, dataset, candidates, metric, minimum, margin, approval, engine, how);
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
   * @param decides {@code before-rollout} (default) or {@code after-canary}
   */
  public record Approval(Duration timeout, String decides) {
    /** Decided before the rollout. */
    public Approval(Duration timeout) {
      this(timeout, null);
    }
  }

  /**
   * The deployment strategy and its parameters; null fields take the defaults.
   *
   * @param strategy {@code direct} (default), {@code canary}, {@code shadow}, {@code ab} or
   *     {@code blue-green}
   * @param steps canary: traffic shares in percent, rising, ending at 100 (default 10,25,50,100)
   * @param bake how long each canary step (or the shadow) runs before its gates are read,
   *     ISO-8601 (default PT10M)
   * @param maxErrorRate the candidate's own error rate, at most (default 0.01)
   * @param maxP99Ms its p99 latency in milliseconds, at most (default 250)
   * @param minAgreement agreement with the champion on the same requests, at least (default 0.9)
   * @param minAccuracy online accuracy from feedback, at least (default 0.8)
   * @param minLabels labels needed before accuracy is judged (default 20)
   * @param minRequests requests per step needed before anything is judged (default 20)
   * @param shadowPercent shadow: the share of production requests the candidate also scores (default 100)
   * @param abPercent ab: the challenger's share of traffic (default 50)
   * @param minSample ab: labels each arm needs before a winner is named (default 100)
   * @param significance ab: the two-sided p-value under which the accuracies differ (default 0.05)
   * @param sampleSize ab: labels in each arm after which the test stops before its bake time
   *     (default: none, the test runs for the bake time)
   * @param keepWarm blue-green: how long the old champion stays loaded after the switch, ISO-8601
   *     (default PT15M)
   * @param warmTimeout blue-green: how long every serving replica has to warm the candidate,
   *     ISO-8601 (default PT5M)
   */
  public record Deployment(String strategy, List<Integer> steps, Duration bake, Double maxErrorRate,
      Double maxP99Ms, Double minAgreement, Double minAccuracy, Integer minLabels, Integer minRequests,
      Integer shadowPercent, Integer abPercent, Integer minSample, Double significance,
      Integer sampleSize, Duration keepWarm, Duration warmTimeout) {

    /** Without an A/B sample size or blue-green parameters. */
    public Deployment(String strategy, List<Integer> steps, Duration bake, Double maxErrorRate,
        Double maxP99Ms, Double minAgreement, Double minAccuracy, Integer minLabels, Integer minRequests,
        Integer shadowPercent, Integer abPercent, Integer minSample, Double significance) {
      this(strategy, steps, bake, maxErrorRate, maxP99Ms, minAgreement, minAccuracy, minLabels,
          minRequests, shadowPercent, abPercent, minSample, significance, null, null, null);
    }

    /** Without A/B parameters. */
    public Deployment(String strategy, List<Integer> steps, Duration bake, Double maxErrorRate,
        Double maxP99Ms, Double minAgreement, Double minAccuracy, Integer minLabels,
        Integer minRequests, Integer shadowPercent) {
      this(strategy, steps, bake, maxErrorRate, maxP99Ms, minAgreement, minAccuracy, minLabels,
          minRequests, shadowPercent, null, null, null);
    }
  }
}
