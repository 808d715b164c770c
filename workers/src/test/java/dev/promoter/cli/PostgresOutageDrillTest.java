package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill: the registry's Postgres, a process of its own, is stopped ({@code pg_ctl stop -m fast})
 * for at least 30 s in the middle of a lifecycle and started again on the same data folder. The
 * stack (Temporal test server, API, CPU pool: {@code server --pools cpu}) is one JVM pointed at it
 * by POSTGRES_URL. Postgres stops the moment training starts and stays down until the worker has
 * had a registry activity fail, so the outage always meets a registry write. The registry
 * activities retry; the run reaches approval and promotes; one version, no audit row twice, and a
 * watcher reading the registry every 250 ms never sees an alias on a missing version.
 */
class PostgresOutageDrillTest {
  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  // the longest Postgres stays down waiting for a registry write to meet it (training must end
  // first; minutes on a loaded 2-core machine)
  private static final Duration LONGEST_OUTAGE = Duration.ofMinutes(6);
  @TempDir Path home;
  @TempDir Path data;
  @TempDir Path pgdata;

  @Test
  void aThirtySecondPostgresOutageLosesNothingAndWritesNothingTwice() throws Exception {
    CpuWorkerCrashDrillTest.copyRealData(data.resolve("rrna"));
    int port = StackProperties.freePort();
    EmbeddedPostgres postgres = start(port);
    String url = "jdbc:postgresql://localhost:" + port + "/postgres";
    List<String> external = List.of("-Dpromoter.postgres.url=" + url, "-Dpromoter.postgres.user=postgres");
    Watcher watcher = new Watcher(url);
    try (ServerProcess stack = ServerProcess.start(home, data, StackProperties.freePort(), StackProperties.freePort(),
        "cpu", "stack", external)) {
      stack.awaitLog("serving; Ctrl-C to stop", START);
      watcher.start();
      DrillApi api = new DrillApi(stack, home);
      String run = api.start("{\"model\":\"rrna\",\"dataset\":\"rrna\",\"minimum\":0,"
          + "\"candidates\":[{\"trainer\":\"logreg\",\"params\":{\"epochs\":\"3\",\"fragments\":\"1\"}}]}");
      stack.awaitLog("training candidate logreg of run " + run + " (attempt 1)", START);

      postgres.close(); // pg_ctl stop -m fast: every connection is cut
      Instant stopped = Instant.now();
      int failuresBefore = count(stack.log(), "Activity failure.");
      while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0
          || count(stack.log(), "Activity failure.") == failuresBefore) {
        if (Duration.between(stopped, Instant.now()).compareTo(LONGEST_OUTAGE) > 0) {
          throw new AssertionError("no registry activity failed while Postgres was down:\n" + stack.log());
        }
        Thread.sleep(250);
      }
      postgres = start(port);
      Duration outage = Duration.between(stopped, Instant.now());

      api.awaitPending(run, Duration.ofMinutes(5), stack);
      assertThat(api.approve(run, "after the outage")).isEqualTo("PROMOTED");
      watcher.stop();
      System.out.printf("drill: Postgres down %.1f s; %d failed activity attempts retried; "
              + "%d registry snapshots, %d with an alias on a missing version%n",
          outage.toMillis() / 1000.0, count(stack.log(), "Activity failure.") - failuresBefore,
          watcher.snapshots.get(), watcher.violations.get());
      try (Connection registry = DriverManager.getConnection(url, "postgres", "")) {
        assertThat(DrillChecks.versions(registry, "rrna")).containsExactly(1);
        assertThat(DrillChecks.duplicateAudit(registry)).isEmpty();
        assertThat(DrillChecks.danglingAliases(registry)).isEmpty();
      }
      assertThat(watcher.violations.get()).isZero();
      assertThat(watcher.snapshots.get()).isPositive();
    } finally {
      watcher.stop();
      postgres.close();
    }
  }

  private EmbeddedPostgres start(int port) throws Exception {
    return EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false).setPort(port).start();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /** Reads the registry every 250 ms while it is up: does any alias name a missing version? */
  private static final class Watcher {
    private final String url;
    private final AtomicBoolean running = new AtomicBoolean();
    final AtomicInteger snapshots = new AtomicInteger();
    final AtomicInteger violations = new AtomicInteger();
    private Thread thread;

    Watcher(String url) {
      this.url = url;
    }

    void start() {
      running.set(true);
      thread = Thread.ofPlatform().daemon().name("alias-watcher").start(this::watch);
    }

    private void watch() {
      while (running.get()) {
        try (Connection c = DriverManager.getConnection(url + "?connectTimeout=2", "postgres", "")) {
          while (running.get()) {
            if (!DrillChecks.danglingAliases(c).isEmpty()) {
              violations.incrementAndGet();
            }
            snapshots.incrementAndGet();
            Thread.sleep(250);
          }
        } catch (SQLException e) {
          sleep(); // Postgres is down: the drill's point; try again
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private static void sleep() {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      if (thread != null) {
        thread.join(5_000);
      }
    }
  }
}
