package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill: a CPU worker process is killed ({@code kill -9}) in the middle of training. Four JVMs on
 * loopback: the stack (Temporal test server, Postgres, API: {@code server --pools none}) and two
 * {@code --pools cpu} workers. The worker that took the training is killed as soon as it logs
 * the attempt; the other worker must take the retried attempt once the heartbeat timeout (6 s
 * here, set like an operator would) passes, the run must reach approval and promote, with one
 * registered version and no partial artifact in the store.
 *
 * <p>Either worker may also hold the run's workflow in its cache when it dies; on the embedded
 * test server that used to strand the run (see {@code StickyFailoverTest}).
 */
class CpuWorkerCrashDrillTest {
  private static final Duration START = Duration.ofMinutes(3);
  private static final List<String> FAST_FAILOVER = List.of("-Dpromoter.pools.training-heartbeat-timeout=6s");
  @TempDir Path home;
  @TempDir Path data;

  @Test
  void aWorkerKilledMidTrainingLosesNothingAndDuplicatesNothing() throws Exception {
    copyRealData(data.resolve("rrna"));
    int postgres = StackProperties.freePort();
    int temporal = StackProperties.freePort();
    try (ServerProcess stack = ServerProcess.start(home, data, postgres, temporal, "none", "stack")) {
      stack.awaitLog("serving; Ctrl-C to stop", START);
      try (ServerProcess a = ServerProcess.start(home, data, postgres, temporal, "cpu", "worker-a", FAST_FAILOVER);
          ServerProcess b = ServerProcess.start(home, data, postgres, temporal, "cpu", "worker-b", FAST_FAILOVER)) {
        a.awaitLog("serving; Ctrl-C to stop", START);
        b.awaitLog("serving; Ctrl-C to stop", START);
        DrillApi api = new DrillApi(stack, home);
        String run = api.start("{\"model\":\"rrna\",\"dataset\":\"rrna\",\"minimum\":0,"
            + "\"candidates\":[{\"trainer\":\"logreg\",\"params\":{\"epochs\":\"3\",\"fragments\":\"1\"}}]}");

        ServerProcess trainer = awaitTrainer(a, b, run);
        ServerProcess survivor = trainer == a ? b : a;
        trainer.kill();
        Instant killed = Instant.now();
        survivor.awaitLog("training candidate logreg of run " + run + " (attempt 2)", START);
        System.out.printf("drill: killed the training worker; attempt 2 started on the other after %.1f s%n",
            Duration.between(killed, Instant.now()).toMillis() / 1000.0);

        api.awaitPending(run, Duration.ofMinutes(5), stack, survivor);
        assertThat(api.approve(run, "after a worker died")).isEqualTo("PROMOTED");
        assertThat(trainer.log()).doesNotContain("(attempt 2)");
      }
      try (Connection registry = DrillChecks.registry(home, postgres)) {
        assertThat(DrillChecks.versions(registry, "rrna")).containsExactly(1);
        assertThat(DrillChecks.danglingAliases(registry)).isEmpty();
        assertThat(DrillChecks.duplicateAudit(registry)).isEmpty();
        assertThat(DrillChecks.verifiedArtifacts(home.resolve("artifacts")))
            .containsAll(DrillChecks.artifactDigests(registry));
      }
    }
  }

  // the worker whose log shows it started this run's training; the other may not have
  private static ServerProcess awaitTrainer(ServerProcess a, ServerProcess b, String run) throws Exception {
    String started = "training candidate logreg of run " + run + " (attempt 1)";
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      if (a.log().contains(started)) {
        return a;
      }
      if (b.log().contains(started)) {
        return b;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no worker started training within " + START + ":\n" + a.log() + "\n" + b.log());
  }

  // the committed real rRNA data (training takes seconds, long enough to be killed in)
  static void copyRealData(Path target) throws Exception {
    Path source = Path.of("").toAbsolutePath();
    while (source != null && !Files.isRegularFile(source.resolve("data/rrna/train.fasta.gz"))) {
      source = source.getParent();
    }
    if (source == null) {
      throw new IllegalStateException("data/rrna not found above " + Path.of("").toAbsolutePath());
    }
    Files.createDirectories(target);
    for (String file : List.of("train.fasta.gz", "test.fasta.gz")) {
      Files.copy(source.resolve("data/rrna").resolve(file), target.resolve(file));
    }
  }
}
