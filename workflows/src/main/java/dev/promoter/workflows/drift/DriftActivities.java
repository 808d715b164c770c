package dev.promoter.workflows.drift;

import io.temporal.activity.ActivityInterface;

/** The drift monitor's one side effect: a check, recorded in the registry. */
@ActivityInterface
public interface DriftActivities {
  /**
   * Compares the production version's recent predictions (the request's window) with its
   * training data, records the check, and on a verdict at or above the trigger claims the
   * request's cool-down window for a retraining run (audited, by the system actor) when the model
   * has a retraining template (its schedule's request, else its last run's request).
   *
   * @param request the check; its {@code checkKey} makes a retry return the first attempt's
   *     outcome, and the registry lets only one check per model and window claim a retrain
   * @return the outcome; a retrain run id only for the check that claimed the window
   */
  DriftCheckOutcome check(DriftCheckRequest request);
}
