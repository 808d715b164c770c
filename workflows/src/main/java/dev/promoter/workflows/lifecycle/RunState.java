package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.rollout.RolloutStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the progress query reports; mutated only by the workflow thread. */
final class RunState {
  private LifecycleStatus status = LifecycleStatus.RUNNING;
  private String step = Steps.STARTING;
  private final Map<String, CandidateProgress> candidates = new LinkedHashMap<>();
  private String best;
  private Integer version;
  private String verdict = "";
  private Integer champion;
  private Map<String, Double> championMetrics;
  private String strategy;
  private final List<RolloutStep> rollout = new ArrayList<>();

  void step(String name) {
    step = name;
    status = Steps.APPROVAL.equals(name) ? LifecycleStatus.AWAITING_APPROVAL : LifecycleStatus.RUNNING;
  }

  LifecycleStatus status() {
    return status;
  }

  boolean finished() {
    return Steps.DONE.equals(step);
  }

  void candidate(CandidateProgress progress) {
    candidates.put(progress.name(), progress);
  }

  void best(String name, String why) {
    best = name;
    verdict = why;
  }

  /** The production holder this run measured on its own test set, for the reviewer. */
  void champion(int holder, Map<String, Double> metrics) {
    champion = holder;
    championMetrics = metrics == null ? null : Map.copyOf(metrics);
  }

  void strategy(String name) {
    strategy = name;
  }

  /** Adds a rollout step, or replaces the last one when it is the same step, further on. */
  void rolloutStep(RolloutStep step, boolean replaceLast) {
    if (replaceLast && !rollout.isEmpty()) {
      rollout.set(rollout.size() - 1, step);
    } else {
      rollout.add(step);
    }
  }

  List<RolloutStep> rollout() {
    return List.copyOf(rollout);
  }

  void version(int v) {
    version = v;
  }

  private LifecycleResult result;

  LifecycleResult result() {
    return result;
  }

  void finish(LifecycleResult result) {
    this.result = result;
    status = result.status();
    step = Steps.DONE;
    verdict = result.verdict();
  }

  LifecycleProgress progress() {
    return new LifecycleProgress(status, step, new ArrayList<>(candidates.values()), best, version,
        verdict, champion, championMetrics, strategy, strategy == null ? null : List.copyOf(rollout));
  }

  List<CandidateProgress> candidates() {
    return List.copyOf(candidates.values());
  }
}
