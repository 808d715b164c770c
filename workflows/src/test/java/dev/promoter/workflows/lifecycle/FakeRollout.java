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
  private long clock = 1_000;

  @Override
  public synchronized long setSplit(String modelName, String alias, int version, String mode, int percent,
      String actor, String reason) {
    calls.add("split v" + version + " " + mode + " " + percent);
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
}
