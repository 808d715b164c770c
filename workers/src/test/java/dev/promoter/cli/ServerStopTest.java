package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.stack.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code promoter server} that owns the embedded Postgres, stopped as Ctrl-C or a service
 * manager stops it ({@code SIGTERM}), closes in order: the serving replica takes its row off the
 * registry before the database goes. When the embedded Postgres had a shutdown hook of its own,
 * it raced the context's close and the row stayed behind with a "could not deregister" warning.
 */
class ServerStopTest {
  @TempDir Path home;
  @TempDir Path data;

  @Test
  void aStoppedServerTakesItsReplicaOffTheRegistryBeforeItsDatabaseStops() throws Exception {
    int postgres = StackProperties.freePort();
    try (ServerProcess server = ServerProcess.start(home, data, postgres, StackProperties.freePort(), "none",
        "stop")) {
      server.awaitLog("serving; Ctrl-C to stop", Duration.ofMinutes(3));
      try (Connection registry = DrillChecks.registry(home, postgres)) {
        awaitReplicas(registry, 1); // it reports about once a second from the start
      }

      assertThat(server.stop(Duration.ofSeconds(60))).as("stopped within a minute").isTrue();
      assertThat(server.log()).doesNotContain("could not deregister").doesNotContain("Failed to validate connection");
    }

    // the database stopped with the server; started again over the same data, no replica is left
    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.startOrAttach(home.resolve("postgres"), postgres);
        Connection registry = DrillChecks.registry(home, postgres)) {
      assertThat(again.startedHere()).as("the server stopped its Postgres").isTrue();
      assertThat(replicas(registry)).isZero();
    }
  }

  private static void awaitReplicas(Connection registry, int wanted) throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (replicas(registry) != wanted && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(replicas(registry)).isEqualTo(wanted);
  }

  private static int replicas(Connection registry) throws SQLException {
    try (ResultSet rows = registry.createStatement().executeQuery("SELECT count(*) FROM serving_replicas")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
