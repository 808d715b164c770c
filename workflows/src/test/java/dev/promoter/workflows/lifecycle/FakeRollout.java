package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.RolloutActivities;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rollout boundary for workflow tests: records every traffic move, and answers each
 * measurement with the reading the test queued (a healthy one when none is queued).
 */
final class FakeRollout implements RolloutActivities {
  static final GateReading HEALTHY = new GateReading(200, 0, 0, 0, 3.5, 200, 0.99, 40, 0.95, 40, 0.94);
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final List<GateReading> readings = Collections.synchronizedList(new ArrayList<>());
  final List<dev.promoter.workflows.rollout.Warmth> warmths = Collections.synchronizedList(new ArrayList<>());
  /** What happens right after a given split is set, e.g. an operator's rollback inside a window. */
  final java.util.Map<String, Runnable> afterSplit = new java.util.concurrent.ConcurrentHashMap<>();
  private long clock = 1_000;

  @Override
  public synchronized long setSplit(String modelName, String alias, int version, String mode, int percent,
      String actor, String reason) {
    String call = "split v" + version + " " + mode + " " + percent;
    calls.add(call);
    afterSplit.getOrDefault(call, () -> { }).run();
    return clock++;
  }

  @Override
  public void clearSplit(String modelName, String alias, String actor, String reason) {
    calls.add("clear: " + reason);
  }

  @Override
  public GateReading measure(String modelName, int candidate, String route, Integer champion, long since) {
    calls.add("measure v" + candidate + " " + route + " vs v" + champion);
    return readings.isEmpty() ? HEALTHY : readings.removeFirst();
  }

  /** Answers with the warmth the test queued; every one of two replicas warm when none is queued. */
  @Override
  public dev.promoter.workflows.rollout.Warmth awaitWarm(String modelName, int version, long timeoutMillis) {
    calls.add("await warm v" + version);
    return warmths.isEmpty() ? new dev.promoter.workflows.rollout.Warmth(2, 2, List.of(), false) : warmths.removeFirst();
  }

  /** Not called by the workflow, which waits in {@link #awaitWarm}. */
  @Override
  public dev.promoter.workflows.rollout.Warmth checkWarm(String modelName, int version) {
    throw new UnsupportedOperationException("the workflow waits in awaitWarm");
  }
}
