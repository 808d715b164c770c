package dev.promoter.workflows.lifecycle;

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
        verdict);
  }

  List<CandidateProgress> candidates() {
    return List.copyOf(candidates.values());
  }
}
