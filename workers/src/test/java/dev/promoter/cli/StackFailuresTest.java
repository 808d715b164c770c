package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a part of the stack cannot start or be reached, the user gets one line naming it. */
class StackFailuresTest {
  @TempDir Path home;

  @Test
  void postgresPortTakenByAnotherProgram() throws Exception {
    try (StackProperties stack = new StackProperties(home);
        ServerSocket squatter = new ServerSocket(stack.postgresPort, 50, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("models", "list");
      assertThat(run.exitCode()).isEqualTo(PromoterCli.UNAVAILABLE);
      assertThat(run.err().strip()).isEqualTo("promoter: port " + stack.postgresPort
          + " for the embedded Postgres is in use by another program: stop it or set PROMOTER_POSTGRES_PORT");
    }
  }

  @Test
  void unreachableExternalPostgres() throws Exception {
    int closed = StackProperties.freePort();
    try (StackProperties stack = new StackProperties(home)) {
      stack.set("promoter.postgres.url", "jdbc:postgresql://localhost:" + closed + "/registry");
      CliRun run = CliRun.of("models", "list");
      assertThat(run.exitCode()).isEqualTo(PromoterCli.UNAVAILABLE);
      assertThat(run.err()).startsWith("promoter: cannot reach Postgres at jdbc:postgresql://localhost:" + closed);
      assertThat(run.err().lines()).hasSize(1);
    }
  }

  @Test
  void unreachableS3ArtifactStore() throws Exception {
    int closed = StackProperties.freePort();
    java.nio.file.Path fasta = java.nio.file.Files.writeString(home.resolve("one.fasta"), ">a\nACGTACGTAC\n");
    try (StackProperties stack = new StackProperties(home)) {
      stack.set("promoter.artifacts.root", "s3://models/prod").set("promoter.artifacts.s3-endpoint",
          "http://127.0.0.1:" + closed);
      CliRun run = CliRun.of("classify", "--model", "rrna@production", "--fasta", fasta.toString());
      assertThat(run.exitCode()).isEqualTo(PromoterCli.UNAVAILABLE);
      assertThat(run.err()).startsWith("promoter: the artifact store s3://models/prod at http://127.0.0.1:"
          + closed + " is not reachable");
      assertThat(run.err().lines()).hasSize(1);
    }
  }

  @Test
  void unreachableExternalTemporal() throws Exception {
    int closed = StackProperties.freePort();
    try (StackProperties stack = new StackProperties(home)) {
      stack.set("promoter.temporal.address", "localhost:" + closed);
      CliRun run = CliRun.of("demo");
      assertThat(run.exitCode()).isEqualTo(PromoterCli.UNAVAILABLE);
      assertThat(run.err()).startsWith("promoter: cannot reach Temporal at localhost:" + closed);
      assertThat(run.err().lines()).hasSize(1);
    }
  }

  @Test
  void productionModeNamesWhatIsMissingAndStartsNothing() throws Exception {
    try (StackProperties stack = new StackProperties(home)) {
      stack.set("promoter.mode", "production");
      CliRun run = CliRun.of("models", "list");
      assertThat(run.exitCode()).isEqualTo(PromoterCli.UNAVAILABLE);
      assertThat(run.err().strip()).isEqualTo("promoter: production mode needs TEMPORAL_ADDRESS "
          + "(host:port of the Temporal frontend)");
      assertThat(home.resolve("postgres")).doesNotExist();
    }
  }
}
