package dev.promoter.service;

import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.rollout.Gates;
import dev.promoter.workflows.rollout.Rollout;
import java.time.Duration;
import java.util.List;

/**
 * Checks a requested deployment strategy and builds the workflow's {@link Rollout}: every
 * refusal is bad input naming the field, before anything starts.
 */
final class Deployments {
  private static final Duration MAX_WAIT = Duration.ofDays(7);
  private static final Duration MAX_KEEP_WARM = Duration.ofHours(24);
  private static final Duration MAX_WARM_TIMEOUT = Duration.ofMinutes(60);
  /** What {@code model-lifecycle.bpmn} deploys: the rest run on Temporal only. */
  static final List<String> ON_CAMUNDA = List.of(Rollout.DIRECT, Rollout.CANARY, Rollout.SHADOW, Rollout.AB,
      Rollout.BLUE_GREEN);
  private static final List<String> DECIDES = List.of(ApprovalPolicy.BEFORE_ROLLOUT, ApprovalPolicy.AFTER_CANARY);

  private Deployments() {}

  /** The rollout for {@code spec} (null: direct), run on {@code engine}, decided {@code decides}. */
  static Rollout rollout(LifecycleSpec.Deployment spec, String engine, String decides) {
    String strategy = spec == null || spec.strategy() == null || spec.strategy().isBlank()
        ? Rollout.DIRECT : spec.strategy().strip();
    if ("camunda".equals(engine) && !ON_CAMUNDA.contains(strategy)) {
      // checked first, so a strategy added to the Temporal workflow stays refused here until the
      // BPMN process learns it too
      throw ServiceException.badInput("deployment.strategy: '" + strategy
          + "' does not run on the Camunda engine: use one of " + ON_CAMUNDA);
    }
    if (!Rollout.STRATEGIES.contains(strategy)) {
      throw ServiceException.badInput("deployment.strategy: unknown strategy '" + strategy
          + "': use one of " + Rollout.STRATEGIES);
    }
    if (decides != null && !DECIDES.contains(decides)) {
      throw ServiceException.badInput("approval.decides: use one of " + DECIDES + ", not '" + decides + "'");
    }
    if (ApprovalPolicy.AFTER_CANARY.equals(decides) && !Rollout.CANARY.equals(strategy)) {
      throw ServiceException.badInput("approval.decides: 'after-canary' needs deployment.strategy 'canary', not '"
          + strategy + "'");
    }
    if (Rollout.DIRECT.equals(strategy)) {
      return null; // the request of old, word for word
    }
    List<Integer> steps = steps(spec.steps());
    Duration bake = duration("deployment.bake", spec.bake());
    Integer shadowPercent = spec.shadowPercent();
    if (shadowPercent != null && (shadowPercent < 1 || shadowPercent > 100)) {
      throw ServiceException.badInput("deployment.shadowPercent: must be 1-100, not " + shadowPercent);
    }
    Gates gates = new Gates(fraction("deployment.maxErrorRate", spec.maxErrorRate()),
        positive("deployment.maxP99Ms", spec.maxP99Ms()), fraction("deployment.minAgreement", spec.minAgreement()),
        fraction("deployment.minAccuracy", spec.minAccuracy()), count("deployment.minLabels", spec.minLabels(), 1),
        count("deployment.minRequests", spec.minRequests(), 0));
    Integer abPercent = spec.abPercent();
    if (abPercent != null && (abPercent < 1 || abPercent > 99)) {
      throw ServiceException.badInput("deployment.abPercent: must be 1-99, not " + abPercent);
    }
    Double significance = spec.significance();
    if (significance != null && !(significance > 0 && significance < 0.5)) {
      throw ServiceException.badInput("deployment.significance: must be above 0 and below 0.5, not " + significance);
    }
    Integer minSample = count("deployment.minSample", spec.minSample(), 1);
    Integer sampleSize = count("deployment.sampleSize", spec.sampleSize(), 1);
    int least = minSample == null ? 100 : minSample;
    if (sampleSize != null && sampleSize < least) {
      // a test that stops before it may decide would always end with too few labels
      throw ServiceException.badInput("deployment.sampleSize: must be at least deployment.minSample ("
          + least + "), not " + sampleSize);
    }
    // the bound in the message is the field's own, not the 7 days of a bake
    Duration keepWarm = positive("deployment.keepWarm", spec.keepWarm(), MAX_KEEP_WARM.toHours() + " hours");
    Duration warmTimeout = positive("deployment.warmTimeout", spec.warmTimeout(),
        MAX_WARM_TIMEOUT.toMinutes() + " minutes");
    if (keepWarm != null && keepWarm.compareTo(MAX_KEEP_WARM) > 0) {
      throw ServiceException.badInput("deployment.keepWarm: must be at most " + MAX_KEEP_WARM.toHours()
          + " hours (the old champion holds memory on every replica meanwhile), not " + keepWarm);
    }
    if (warmTimeout != null && warmTimeout.compareTo(MAX_WARM_TIMEOUT) > 0) {
      throw ServiceException.badInput("deployment.warmTimeout: must be at most " + MAX_WARM_TIMEOUT.toMinutes()
          + " minutes, not " + warmTimeout);
    }
    return new Rollout(strategy, steps, bake, gates, shadowPercent, abPercent, minSample, significance,
        sampleSize, keepWarm, warmTimeout);
  }

  private static List<Integer> steps(List<Integer> steps) {
    if (steps == null) {
      return null;
    }
    if (steps.isEmpty() || steps.size() > 10) {
      throw ServiceException.badInput("deployment.steps: give 1 to 10 traffic shares, not " + steps.size());
    }
    int last = 0;
    for (Integer step : steps) {
      if (step == null || step <= last || step > 100) {
        throw ServiceException.badInput("deployment.steps: shares must rise, each 1-100 %, not " + steps);
      }
      last = step;
    }
    if (last != 100) {
      throw ServiceException.badInput("deployment.steps: the last step must be 100 %, not " + last);
    }
    return steps;
  }

  private static Duration duration(String field, Duration d) {
    if (d != null && (d.isNegative() || d.isZero() || d.compareTo(MAX_WAIT) > 0)) {
      throw ServiceException.badInput(field + ": must be positive and at most " + MAX_WAIT.toDays()
          + " days, not " + d);
    }
    return d;
  }

  /** A duration that must be above zero; its upper bound ({@code most}) is checked by the caller. */
  private static Duration positive(String field, Duration d, String most) {
    if (d != null && (d.isNegative() || d.isZero())) {
      throw ServiceException.badInput(field + ": must be positive and at most " + most + ", not " + d);
    }
    return d;
  }

  private static Double fraction(String field, Double v) {
    if (v != null && !(v >= 0 && v <= 1)) {
      throw ServiceException.badInput(field + ": must be between 0 and 1, not " + v);
    }
    return v;
  }

  private static Double positive(String field, Double v) {
    if (v != null && !(v > 0 && v <= 600_000)) {
      throw ServiceException.badInput(field + ": must be above 0 and at most 600000, not " + v);
    }
    return v;
  }

  private static Integer count(String field, Integer v, int least) {
    if (v != null && (v < least || v > 1_000_000)) {
      throw ServiceException.badInput(field + ": must be " + least + "-1000000, not " + v);
    }
    return v;
  }
}
