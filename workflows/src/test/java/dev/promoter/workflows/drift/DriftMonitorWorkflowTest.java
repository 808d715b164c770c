package dev.promoter.workflows.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The monitor loop on the time-skipping server. */
class DriftMonitorWorkflowTest {

  @Test
  void checksEveryIntervalStartsTheClaimedRunsAndOutlivesAFailedCheck() {
    try (DriftMonitorHarness h = new DriftMonitorHarness(List.of(2, 5), List.of(3))) {
      DriftMonitorWorkflow monitor = h.start("drift-rrna", DriftMonitorHarness.hourly(), 100);
      h.env.sleep(Duration.ofHours(6).plusMinutes(30));
      DriftMonitorState state = monitor.state();
      assertThat(h.checks()).isEqualTo(6);
      // the failed third check is not counted and does not stop the loop
      assertThat(state.checks()).isEqualTo(5);
      assertThat(state.retrainsStarted()).containsExactly("rrna-drift-2", "rrna-drift-5");
      assertThat(state.lastVerdict()).isEqualTo("NONE");
      assertThat(h.env.getWorkflowClient().newUntypedWorkflowStub("rrna-drift-5")
          .getResult(dev.promoter.workflows.lifecycle.LifecycleResult.class).verdict()).isEqualTo("submitted by carol");
    }
  }

  @Test
  void continuesAsNewToKeepItsHistoryShort() {
    try (DriftMonitorHarness h = new DriftMonitorHarness(List.of(), List.of())) {
      DriftMonitorWorkflow monitor = h.start("drift-rrna", DriftMonitorHarness.hourly(), 3);
      h.env.sleep(Duration.ofHours(7).plusMinutes(30));
      assertThat(h.checks()).isEqualTo(7);
      assertThat(monitor.state().checks()).isEqualTo(1);
    }
  }

  @Test
  void badSettingsFailTheMonitorForGood() {
    try (DriftMonitorHarness h = new DriftMonitorHarness(List.of(), List.of())) {
      DriftSettings bad = new DriftSettings(Duration.ofHours(1), Duration.ofHours(1), 5, "SIGNIFICANT",
          Duration.ofDays(1), 0.15);
      DriftMonitorWorkflow monitor = h.start("drift-rrna", bad, 100);
      Throwable failed = org.assertj.core.api.Assertions.catchThrowable(() ->
          WorkflowStub.fromTyped(monitor).getResult(30, TimeUnit.SECONDS, Void.class));
      assertThat(failed).isInstanceOf(WorkflowFailedException.class).cause()
          .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.isNonRetryable()).isTrue();
            assertThat(f.getType()).isEqualTo("BadInput");
            assertThat(f.getOriginalMessage()).isEqualTo("minimum predictions 5 is outside 20-100000");
          });
      assertThat(h.checks()).isZero();
    }
  }
}
