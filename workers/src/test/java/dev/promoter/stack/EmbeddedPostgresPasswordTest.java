package dev.promoter.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.cli.StackProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev Postgres accepts no connection without its generated password, across restarts. */
class EmbeddedPostgresPasswordTest {
  @TempDir Path home;

  @Test
  void noPasswordNoConnectionAndTheSamePasswordAfterARestart() throws Exception {
    int port = StackProperties.freePort(); // this test JVM's share of the ports (forkCount)
    Path secret = home.resolve("postgres-password");
    String url = "jdbc:postgresql://localhost:" + port + "/promoter";
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home.resolve("postgres"), port)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
      assertThat(server.password()).hasSize(32).isEqualTo(Files.readString(secret).strip());
      assertRefused(url, "");
      assertRefused(url, "postgres");
      try (Connection c = DriverManager.getConnection(url, "postgres", server.password())) {
        assertThat(c.isValid(2)).isTrue();
      }
    }
    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.startOrAttach(home.resolve("postgres"), port)) {
      assertThat(again.password()).isEqualTo(Files.readString(secret).strip());
      assertRefused(url, "");
      try (Connection c = DriverManager.getConnection(url, "postgres", again.password())) {
        assertThat(c.isValid(2)).isTrue();
      }
    }
  }

  private static void assertRefused(String url, String password) {
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", password).close())
        .isInstanceOf(SQLException.class);
  }
}
