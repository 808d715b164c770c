package dev.promoter.workflows.replay;

import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflowImpl;
import dev.promoter.workflows.retrain.RetrainScheduleWorkflowImpl;
import dev.promoter.workflows.rollback.RollbackWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays committed histories against today's workflow code: a change that would break running
 * workflows (a non-deterministic edit) fails here, in the build, not in production.
 */
class WorkflowReplayTest {

  /**
   * One replaying worker, with the deadlock detector's limit raised from 1 s to 10 s: on a loaded
   * machine the first replay in a JVM spends longer than a second loading Jackson's classes inside
   * the workflow thread. That is class loading, not the workflow blocking; a non-deterministic
   * change still fails every replay here.
   */
  private static final TestWorkflowEnvironment ENV = TestWorkflowEnvironment.newInstance();
  private static final Worker REPLAYER = replayer();

  private static Worker replayer() {
    Worker worker = ENV.newWorker("replay", WorkerOptions.newBuilder()
        .setDefaultDeadlockDetectionTimeout(10_000).build());
    worker.registerWorkflowImplementationTypes(ModelLifecycleWorkflowImpl.class, RollbackWorkflowImpl.class,
        RetrainScheduleWorkflowImpl.class, dev.promoter.workflows.drift.DriftMonitorWorkflowImpl.class);
    return worker;
  }

  @AfterAll
  static void close() {
    ENV.close();
  }

  // the workflow id is part of what replay checks (child workflow ids derive from it)
  @ParameterizedTest(name = "{0}")
  @CsvSource({"lifecycle-promoted.json, promoted", "lifecycle-rejected.json, rejected",
      "lifecycle-expired.json, expired", "lifecycle-rolled-back.json, rolled-back",
      "rollback.json, rolled-back/rollback", "retrain-schedule.json, retrain-rrna",
      "lifecycle-failed-bad-pool.json, bad-pool", "lifecycle-failed-rollback.json, rollback-refused",
      "drift-monitor.json, drift-rrna",
      "lifecycle-canary-promoted.json, canary-promoted", "lifecycle-canary-rolled-back.json, canary-rolled-back",
      "lifecycle-shadow-promoted.json, shadow-promoted", "lifecycle-ab-promoted.json, ab-promoted",
      "lifecycle-blue-green-promoted.json, blue-green-promoted", "lifecycle-ab-sample-size.json, ab-sample-size",
      "lifecycle-blue-green-rolled-back.json, blue-green-rolled-back"})
  void committedHistoriesReplay(String file, String workflowId) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(read(file), workflowId), REPLAYER);
  }

  private static String read(String file) throws IOException {
    try (InputStream in = WorkflowReplayTest.class.getResourceAsStream("/histories/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing committed history " + file
            + "; record it with ./mvnw -pl workflows test -Dtest=HistoryRecorder");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
