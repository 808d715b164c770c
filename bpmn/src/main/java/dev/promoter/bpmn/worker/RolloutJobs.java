package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.workflows.rollout.RolloutStep;
import io.camunda.client.api.response.ActivatedJob;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rollout workers share: the alias they split, the header that names the mode, and the
 * run's {@code rolloutSteps} list (the shape of a Temporal run's {@code rollout}). A step is
 * appended to the list the job was activated with, so a retried job appends it once.
 */
final class RolloutJobs {
  /** The alias a rollout splits: production, as on Temporal. */
  static final String ALIAS = "production";

  private RolloutJobs() {}

  /** A required task header (the process file sets it). */
  static String header(ActivatedJob job, String name) {
    String value = job.getCustomHeaders().get(name);
    if (value == null) {
      throw ApplicationFailure.newNonRetryableFailure("job " + job.getElementId() + " needs header '"
          + name + "'", "BadInput");
    }
    return value;
  }

  /** The run's steps so far with {@code step} appended, as variables. */
  static List<Object> appended(ActivatedJob job, RolloutStep step) {
    List<Object> steps = new ArrayList<>();
    if (job.getVariablesAsMap().get("rolloutSteps") instanceof List<?> before) {
      steps.addAll(before);
    }
    steps.add(LifecycleVariables.asMap(step));
    return steps;
  }

  /** The champion the rollout compares with: set by {@code evaluate-champion}, never null here. */
  static int champion(ActivatedJob job) {
    return ThinWorker.integer(job, "champion");
  }

  /** The split's start, from {@code set-traffic-split}. */
  static long since(ActivatedJob job) {
    return ((Number) ThinWorker.required(job, "splitSince")).longValue();
  }

  /**
   * The run's steps with the last replaced by {@code step} (appended when there is none): a step
   * that was running and has moved on, as the Temporal workflow replaces it.
   */
  static List<Object> replacedLast(ActivatedJob job, RolloutStep step) {
    List<Object> steps = new ArrayList<>();
    if (job.getVariablesAsMap().get("rolloutSteps") instanceof List<?> before) {
      steps.addAll(before);
    }
    if (!steps.isEmpty()) {
      steps.removeLast();
    }
    steps.add(LifecycleVariables.asMap(step));
    return steps;
  }
}
