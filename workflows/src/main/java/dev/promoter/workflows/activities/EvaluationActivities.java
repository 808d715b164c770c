package dev.promoter.workflows.activities;

import io.temporal.activity.ActivityInterface;
import java.util.Map;

/** Evaluation and smoke checks of registered versions, on the CPU pool. Read-only. */
@ActivityInterface
public interface EvaluationActivities {

  /**
   * Evaluates a registered version on the dataset's held-out split: what champion/challenger
   * compares. Read-only, so safe to repeat.
   *
   * @return metrics by name, as the training activity reports them
   */
  Map<String, Double> evaluateVersion(String modelName, int version, String dataset);

  /**
   * Loads a registered version from the artifact store (digest verified) and classifies a smoke
   * batch from the dataset. Read-only, so safe to repeat.
   *
   * @return null when the check passed, otherwise what went wrong
   */
  String smokeCheck(String modelName, int version, String dataset);
}
