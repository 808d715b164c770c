package dev.promoter.worker;

import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.RunSummary;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the registry's open runs whose workflow is gone. The embedded Temporal server keeps its
 * state in memory, so after a restart the registry still lists runs as RUNNING or
 * AWAITING_APPROVAL that no workflow will ever finish; each is marked LOST, its approval request
 * withdrawn and its staged version taken out of staging ({@link LifecycleRuns#markLost}). Run it
 * at server start, before new runs begin.
 */
public final class RunReconciler {
  static final String REASON = "its workflow is gone (the Temporal server restarted without its state)";
  private static final Logger log = LoggerFactory.getLogger(RunReconciler.class);
  private final LifecycleRuns runs;

  /** Reconciles the runs of this registry. */
  public RunReconciler(LifecycleRuns runs) {
    this.runs = runs;
  }

  /**
   * @param workflowIsOpen whether the run's workflow (workflow id = run id) is still open, e.g. a
   *     Temporal describe; an exception from it (Temporal unreachable) stops reconciliation, since
   *     a run is ended only when its workflow is known to be gone
   * @return how many runs this call ended
   */
  public int reconcile(Predicate<String> workflowIsOpen) {
    int ended = 0;
    for (RunSummary run : runs.open()) {
      // Camunda runs wait on Zeebe, which this check cannot see: never end them for Temporal's sake
      if (!"temporal".equals(run.engine())) {
        continue;
      }
      if (!workflowIsOpen.test(run.runId()) && runs.markLost(run.runId(), REASON)) {
        log.warn("run {} ({} of {}) was {} but {}; marked LOST", run.runId(), run.kind(), run.modelName(),
            run.status(), REASON);
        ended++;
      }
    }
    return ended;
  }
}
