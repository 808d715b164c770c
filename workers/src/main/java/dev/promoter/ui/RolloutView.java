package dev.promoter.ui;

import dev.promoter.registry.TrafficSplit;
import dev.promoter.service.RunView;
import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.workflows.rollout.RolloutStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's rollout as its page shows it, the way an Argo Rollouts or SageMaker user reads one:
 * where it stands now (step, traffic shares, when the gates are read next), every step with each
 * gate's figure beside its threshold, the steps still to come, and the verdict.
 *
 * @param strategy {@code canary}, {@code shadow}, {@code ab}, ...
 * @param headline where the rollout stands, in one sentence
 * @param nextReadingAt when the running step's gates are read, or null
 * @param candidateShare the candidate's share of production traffic now, or null when none runs
 * @param steps the steps taken, then (while the run is open) the steps still to come
 * @param plan what the run asked for (steps, bake, thresholds), or null when unknown
 */
record RolloutView(String strategy, String headline, Instant nextReadingAt, Integer candidateShare,
    List<Step> steps, Rollout plan) {
  static final String PENDING = "pending";

  /**
   * One step.
   *
   * @param name e.g. {@code canary 25%}
   * @param mode the split's mode
   * @param outcome {@code running}, {@code passed}, {@code failed} or {@value #PENDING}
   * @param candidateShare the candidate's share of answered production traffic in this step
   * @param current whether this is the step traffic is in now
   * @param gates each gate by name (see {@link GateChecks}); empty before the reading and for A/B
   * @param reading the figures, or null before they are read
   * @param verdict why it passed or failed, in words
   */
  record Step(String name, String mode, String outcome, int candidateShare, boolean current,
      Map<String, GateChecks.Check> gates, GateReading reading, String verdict) {
    /** The champion's share: what the candidate does not answer. */
    public int championShare() {
      return 100 - candidateShare;
    }
  }

  /**
   * The view of {@code run}, or null when it has no rollout.
   *
   * @param plan the rollout the run asked for, or null when unknown
   * @param splits the model's traffic splits now (when the running step's split took effect)
   */
  static RolloutView of(RunView run, Rollout plan, List<TrafficSplit> splits) {
    List<RolloutStep> recorded = RolloutRows.of(run);
    if (recorded.isEmpty() && plan == null) {
      return null;
    }
    // a finished workflow still answers its progress query (step "done"): open means still moving
    boolean open = RunPages.OPEN.contains(status(run));
    Integer candidate = RolloutRows.version(run);
    String strategy = plan != null ? plan.strategy() : recorded.getFirst().mode();
    List<Step> steps = new ArrayList<>();
    Step current = null;
    for (RolloutStep s : recorded) {
      boolean running = open && "running".equals(s.outcome());
      Map<String, GateChecks.Check> gates = s.reading() == null || Rollout.AB.equals(s.mode()) ? Map.of()
          : GateChecks.of(plan == null ? null : plan.gates(), s.reading());
      Step step = new Step(s.name(), s.mode(), s.outcome(), answeredShare(s.mode(), s.percent()), running, gates,
          s.reading(), s.verdict());
      steps.add(step);
      current = running ? step : current;
    }
    if (open && plan != null && Rollout.CANARY.equals(strategy)) {
      for (int i = recorded.size(); i < plan.steps().size(); i++) {
        int percent = plan.steps().get(i);
        steps.add(new Step("canary " + percent + "%", Rollout.CANARY, PENDING, percent, false, Map.of(), null,
            "after the step before passes"));
      }
    }
    Instant next = current == null || plan == null ? null : readingAt(splits, current.mode(), candidate, plan);
    return new RolloutView(strategy, headline(run, open, plan, recorded, current, candidate), next,
        current == null ? null : current.candidateShare(), steps, plan);
  }

  /** The share of answered traffic: a shadow scores requests off the path and answers none. */
  private static int answeredShare(String mode, int percent) {
    return Rollout.SHADOW.equals(mode) || "warm".equals(mode) ? 0 : percent;
  }

  private static Instant readingAt(List<TrafficSplit> splits, String mode, Integer candidate, Rollout plan) {
    for (TrafficSplit split : splits) {
      if ("production".equals(split.alias()) && split.mode().equals(mode)
          && (candidate == null || split.version() == candidate)) {
        return split.since().plus(plan.bake());
      }
    }
    return null;
  }

  /** The run's status: the workflow's while it answers, else the registry's. */
  private static String status(RunView run) {
    return run.progress() != null ? run.progress().status().name() : run.run().status();
  }

  private static String headline(RunView run, boolean open, Rollout plan, List<RolloutStep> recorded, Step current,
      Integer candidate) {
    String cand = candidate == null ? "the candidate" : "v" + candidate;
    Integer champ = run.progress() == null ? null : run.progress().champion();
    String champion = champ == null ? "the champion" : "v" + champ;
    if (!open) {
      return ended(status(run), recorded, champion);
    }
    if (current != null) {
      String of = plan != null && Rollout.CANARY.equals(current.mode())
          ? "Step " + recorded.size() + " of " + plan.steps().size() + ", " : "";
      return switch (current.mode()) {
        case Rollout.SHADOW -> "Shadow: " + cand + " also scores " + recorded.getLast().percent()
            + " % of production requests off the request path; every answer still comes from " + champion + ".";
        case Rollout.AB -> "A/B test: " + cand + " answers " + current.candidateShare() + " % of production traffic, "
            + champion + " " + current.championShare() + " %.";
        default -> of + current.name() + ": " + cand + " answers " + current.candidateShare()
            + " % of production traffic, " + champion + " " + current.championShare() + " %.";
      };
    }
    if (recorded.isEmpty()) {
      return "Planned: " + plan(plan) + ". It starts " + (Rollout.SHADOW.equals(plan.strategy())
          ? "once the candidate is registered, before the approval." : "after the approval.");
    }
    RolloutStep last = recorded.getLast();
    return last.name() + " " + last.outcome() + "; now: " + run.progress().step() + ".";
  }

  private static String ended(String status, List<RolloutStep> recorded, String champion) {
    RolloutStep failed = recorded.stream().filter(s -> "failed".equals(s.outcome())).findFirst().orElse(null);
    return switch (status) {
      case "PROMOTED" -> "Promoted after " + recorded.size() + (recorded.size() == 1 ? " step." : " steps.");
      case "ROLLED_BACK" -> "Rolled back" + (failed == null ? "" : " at " + failed.name())
          + ": all traffic went back to " + champion + ".";
      default -> "Ended " + status + ".";
    };
  }

  private static String plan(Rollout plan) {
    return switch (plan.strategy()) {
      case Rollout.CANARY -> "canary " + String.join(" → ", plan.steps().stream().map(p -> p + "%").toList())
          + ", each held " + Fmt.rough(plan.bake());
      case Rollout.SHADOW -> "shadow on " + plan.shadowPercent() + " % of production requests for "
          + Fmt.rough(plan.bake());
      case Rollout.AB -> "A/B test with " + plan.abPercent() + " % of traffic for " + Fmt.rough(plan.bake())
          + ", at least " + plan.minSample() + " labels an arm, significance " + plan.significance();
      default -> plan.strategy();
    };
  }
}
