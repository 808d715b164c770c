package dev.promoter.workflows.replay;

import static dev.promoter.workflows.lifecycle.LifecycleHarnessAccess.candidate;
import static dev.promoter.workflows.lifecycle.LifecycleHarnessAccess.request;

import dev.promoter.workflows.lifecycle.Decision;
import dev.promoter.workflows.lifecycle.LifecycleHarnessAccess;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Writes the committed histories that {@link WorkflowReplayTest} replays. Not part of the normal
 * run (its name matches no surefire pattern); after an intended, versioned change to a workflow:
 * {@code ./mvnw -pl workflows test -Dtest=HistoryRecorder}. It writes only histories that are not
 * there yet: a committed history is what older code recorded, and is never re-recorded in place
 * (a new workflow version gets a new file).
 */
class HistoryRecorder {
  private static final Path OUT = Path.of("src/test/resources/histories");

  @Test
  void record() throws IOException {
    Files.createDirectories(OUT);
    try (LifecycleHarnessAccess h = new LifecycleHarnessAccess()) {
      ModelLifecycleWorkflow run = h.start("promoted", request("alice",
          candidate("logreg", "logreg", 0.95), candidate("cnn", "cnn", 0.97)));
      h.awaitApprovalStep(run);
      run.approve(new Decision("reviewer", "metrics look right"));
      h.result("promoted");
      write(h, "promoted", "lifecycle-promoted.json");

      ModelLifecycleWorkflow rejected = h.start("rejected", request("alice", candidate("a", "logreg", 0.95)));
      h.awaitApprovalStep(rejected);
      rejected.reject(new Decision("reviewer", "weak on fragments"));
      h.result("rejected");
      write(h, "rejected", "lifecycle-rejected.json");

      h.start("expired", request("alice", candidate("a", "logreg", 0.95)));
      h.result("expired");
      write(h, "expired", "lifecycle-expired.json");

      h.championInProduction();
      ModelLifecycleWorkflow rolled = h.start("rolled-back", request("alice", candidate("a", "logreg", 0.99)));
      h.awaitApprovalStep(rolled);
      h.failSmokeChecksOf(Set.of(4));
      rolled.approve(new Decision("reviewer", "ship it"));
      h.result("rolled-back");
      write(h, "rolled-back", "lifecycle-rolled-back.json");
      write(h, "rolled-back/rollback", "rollback.json");

      h.runSchedule("retrain-rrna");
      write(h, "retrain-rrna", "retrain-schedule.json");

      // failure paths: the run records its end and withdraws what it staged
      h.start("bad-pool", request("alice", new dev.promoter.workflows.lifecycle.CandidateConfig(
          "a", "logreg", "tpu", java.util.Map.of("score", "0.95"))));
      h.failure("bad-pool");
      write(h, "bad-pool", "lifecycle-failed-bad-pool.json");

      ModelLifecycleWorkflow refused = h.start("rollback-refused",
          request("alice", candidate("a", "logreg", 0.99)));
      h.failSmokeChecksOf(Set.of(h.awaitApprovalStep(refused).version()));
      h.refuseRollbacks();
      refused.approve(new Decision("reviewer", "ship it"));
      h.failure("rollback-refused");
      write(h, "rollback-refused", "lifecycle-failed-rollback.json");

      // rollouts: a canary promoted after every step passed, and one rolled back by its gate
      h.championInProduction();
      ModelLifecycleWorkflow canary = h.start("canary-promoted", LifecycleHarnessAccess.canaryRequest("alice"));
      h.awaitApprovalStep(canary);
      h.approveAccepted(canary, new Decision("reviewer", "canary it"));
      h.result("canary-promoted");
      write(h, "canary-promoted", "lifecycle-canary-promoted.json");

      h.championInProduction();
      h.gateReadings(new dev.promoter.workflows.rollout.GateReading(150, 9, 0, 0.0566, 3.0, 150, 0.4, 0, null, 0, null));
      ModelLifecycleWorkflow worse = h.start("canary-rolled-back", LifecycleHarnessAccess.canaryRequest("alice"));
      h.awaitApprovalStep(worse);
      h.approveAccepted(worse, new Decision("reviewer", "canary it"));
      h.result("canary-rolled-back");
      write(h, "canary-rolled-back", "lifecycle-canary-rolled-back.json");

      h.championInProduction();
      ModelLifecycleWorkflow shadow = h.start("shadow-promoted", LifecycleHarnessAccess.shadowRequest());
      h.awaitApprovalStep(shadow);
      h.approveAccepted(shadow, new Decision("reviewer", "the shadow agrees"));
      h.result("shadow-promoted");
      write(h, "shadow-promoted", "lifecycle-shadow-promoted.json");

      h.championInProduction();
      h.gateReadings(new dev.promoter.workflows.rollout.GateReading(400, 0, 0, 0, 2.0, 0, null, 400, 0.95, 400, 0.85));
      ModelLifecycleWorkflow ab = h.start("ab-promoted", LifecycleHarnessAccess.abRequest());
      h.awaitApprovalStep(ab);
      h.approveAccepted(ab, new Decision("reviewer", "test it"));
      h.result("ab-promoted");
      write(h, "ab-promoted", "lifecycle-ab-promoted.json");

      // blue-green: warmed before the decision, switched, the champion kept warm for the window
      h.championInProduction();
      ModelLifecycleWorkflow blueGreen = h.start("blue-green-promoted", LifecycleHarnessAccess.blueGreenRequest());
      h.awaitApprovalStep(blueGreen);
      h.approveAccepted(blueGreen, new Decision("reviewer", "switch it"));
      h.result("blue-green-promoted");
      write(h, "blue-green-promoted", "lifecycle-blue-green-promoted.json");

      // an A/B test that stops at its sample size on its second reading
      h.championInProduction();
      h.gateReadings(new dev.promoter.workflows.rollout.GateReading(200, 0, 0, 0, 2.0, 0, null, 60, 0.95, 70, 0.85),
          new dev.promoter.workflows.rollout.GateReading(500, 0, 0, 0, 2.0, 0, null, 160, 0.96, 170, 0.80));
      ModelLifecycleWorkflow sampled = h.start("ab-sample-size", LifecycleHarnessAccess.abSampleSizeRequest());
      h.awaitApprovalStep(sampled);
      h.approveAccepted(sampled, new Decision("reviewer", "test it"));
      h.result("ab-sample-size");
      write(h, "ab-sample-size", "lifecycle-ab-sample-size.json");

      // blue-green rolled back inside its window: the signal after the rollback wakes the run at once
      h.championInProduction();
      ModelLifecycleWorkflow woken = h.start("blue-green-rolled-back", LifecycleHarnessAccess.blueGreenRequest());
      h.awaitApprovalStep(woken);
      h.approveAccepted(woken, new Decision("reviewer", "switch it"));
      h.rollBackInsideWindow(woken);
      h.result("blue-green-rolled-back");
      write(h, "blue-green-rolled-back", "lifecycle-blue-green-rolled-back.json");
    }
  }

  @Test
  void recordDrift() throws IOException {
    Files.createDirectories(OUT);
    Path target = OUT.resolve("drift-monitor.json");
    if (Files.exists(target)) {
      return;
    }
    // a retrain at check 2, a failed check 3, continue-as-new after 4 checks
    try (dev.promoter.workflows.drift.DriftMonitorHarness h =
        new dev.promoter.workflows.drift.DriftMonitorHarness(java.util.List.of(2), java.util.List.of(3))) {
      h.start("drift-rrna", dev.promoter.workflows.drift.DriftMonitorHarness.hourly(), 4);
      h.env.sleep(java.time.Duration.ofHours(4).plusMinutes(30));
      // the first run of the chain: fetchHistory of the id gives the latest, so stop the chain
      // before it continues; 4 checks and the continue-as-new are all in that first run
      Files.writeString(target, h.env.getWorkflowClient().fetchHistory("drift-rrna",
          firstRunId(h)).toJson(true));
    }
  }

  private static String firstRunId(dev.promoter.workflows.drift.DriftMonitorHarness h) {
    return h.env.getWorkflowClient().getWorkflowServiceStubs().blockingStub().listClosedWorkflowExecutions(
        io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest.newBuilder()
            .setNamespace(h.env.getNamespace()).build())
        .getExecutionsList().stream().filter(e -> e.getExecution().getWorkflowId().equals("drift-rrna"))
        .findFirst().orElseThrow().getExecution().getRunId();
  }

  private static void write(LifecycleHarnessAccess h, String workflowId, String file) throws IOException {
    Path target = OUT.resolve(file);
    if (!Files.exists(target)) {
      Files.writeString(target, h.history(workflowId));
    }
  }
}
