package dev.promoter.workflows.lifecycle;

import io.temporal.failure.ApplicationFailure;
import java.util.TreeSet;

/**
 * Pool name to task queue, for workflow code. An unknown pool is bad input: it fails the run for
 * good ({@link ApplicationFailure}, non-retryable), where {@link LifecycleRequest#queueFor}'s
 * {@code IllegalArgumentException} would fail the workflow task and Temporal would retry it
 * forever.
 */
final class Pools {
  static final String BAD_INPUT = "BadInput";

  private Pools() {}

  /** The task queue of {@code pool}, or a non-retryable failure naming the pools there are. */
  static String queue(LifecycleRequest request, String pool, String what) {
    String queue = pool == null ? null : request.taskQueues().get(pool);
    if (queue == null) {
      throw ApplicationFailure.newNonRetryableFailure(what + " needs pool '" + pool
          + "', but this run knows only the pools " + new TreeSet<>(request.taskQueues().keySet())
          + " (task queues by pool)", BAD_INPUT);
    }
    return queue;
  }

  /** Checks the CPU pool and every candidate's pool before anything is scheduled. */
  static void requireAll(LifecycleRequest request) {
    queue(request, "cpu", "the registry and evaluation steps");
    for (CandidateConfig candidate : request.candidates()) {
      queue(request, candidate.pool(), "candidate '" + candidate.name() + "'");
    }
  }
}
