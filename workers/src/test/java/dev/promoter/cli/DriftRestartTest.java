package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.app.PromoterApplication;
import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.registry.DriftCheckRow;
import dev.promoter.registry.DriftChecks;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.serving.TrainedModels;
import dev.promoter.stack.TemporalConnection;
import dev.promoter.worker.WorkerConfiguration;
import dev.promoter.worker.WorkerPools;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * `promoter drift start|show` through the CLI against a dev stack, and a restart: the embedded
 * Temporal forgets the monitor's workflow, the next server's pools start it again from the
 * registry, and it goes on checking.
 */
class DriftRestartTest {
  @TempDir Path home;

  @Test
  void theRestartedServerStartsTheMonitorAgain() throws Exception {
    try (StackProperties stack = new StackProperties(home)) {
      try (ConfigurableApplicationContext first = PromoterApplication.startForCommand()) {
        first.getBean(WorkerPools.class);
        // a model with a version but none in production: its checks are recorded SKIPPED
        TrainedModels.registerCorrupt(first.getBean(ModelRegistry.class),
            (FileArtifactStore) first.getBean(ArtifactStore.class), "rrna", "v1");
        CliRun start = CliRun.of("drift", "start", "rrna", "--interval", "PT1S", "--as", "alice");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).startsWith("drift monitor of rrna: every PT1S over the last PT1H (at least 200 "
            + "predictions), retrain on SIGNIFICANT at most once per PT24H, minimum KS D 0.15; retraining runs "
            + "are submitted as alice");
        awaitCheckAfter(first, Instant.EPOCH);
        CliRun show = CliRun.of("drift", "show", "rrna");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).startsWith("drift monitor of rrna: every PT1S").contains(", by alice")
            .containsPattern("#1 \\S+ v- SKIPPED +0 vs 0 training records; ; no production version: ");
      }
      try (ConfigurableApplicationContext second = PromoterApplication.startForCommand()) {
        Instant restarted = Instant.now();
        second.getBean(WorkerPools.class);
        assertThat(WorkerConfiguration.workflowIsOpen(second.getBean(TemporalConnection.class).client(),
            "drift-rrna")).isTrue();
        DriftCheckRow after = awaitCheckAfter(second, restarted);
        assertThat(after.verdict()).isEqualTo("SKIPPED");
        assertThat(CliRun.of("drift", "stop", "rrna", "--as", "alice").exitCode()).isEqualTo(4);
      }
    }
  }

  // waits for the monitor (real time, 1 s between checks); the deadline only bounds a broken run
  private static DriftCheckRow awaitCheckAfter(ConfigurableApplicationContext server, Instant after)
      throws InterruptedException {
    DriftChecks checks = new DriftChecks(server.getBean(RegistryDatabase.class).dataSource());
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      List<DriftCheckRow> recent = checks.recent("rrna", 1);
      if (!recent.isEmpty() && recent.getFirst().checkedAt().isAfter(after)) {
        return recent.getFirst();
      }
      assertThat(Instant.now()).as("a check after " + after).isBefore(deadline);
      Thread.sleep(250);
    }
  }
}
