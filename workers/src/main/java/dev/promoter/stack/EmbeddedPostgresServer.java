package dev.promoter.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev stack's Postgres: zonky's embedded binaries over a data folder that persists between
 * runs, so a second run sees the registry of the first. If another Promoter process already
 * serves the same folder, this one attaches to it instead of starting a second server.
 *
 * <p>zonky initialises the cluster with {@code trust} authentication, which would let any local
 * user of the machine connect as the superuser. On every start this server therefore gives the
 * superuser a generated password (kept owner-only in {@code postgres-password} beside the data
 * folder) and switches {@code pg_hba.conf} to {@code scram-sha-256}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  static final String DATABASE = "promoter";
  static final String USER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres server;
  private final int port;
  private final String password;

  private EmbeddedPostgresServer(EmbeddedPostgres server, int port, String password) {
    this.server = server;
    this.port = port;
    this.password = password;
  }

  /** The superuser's generated password. */
  public String password() {
    return password;
  }

  /** Starts Postgres on {@code dataDir}, or attaches to the Promoter process already serving it. */
  public static EmbeddedPostgresServer startOrAttach(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath().normalize();
    String password = OwnerOnlySecret.readOrCreate(dir.resolveSibling("postgres-password"));
    if (Ports.listening(port)) {
      if (servedFrom(dir, port)) {
        log.info("attached to the embedded Postgres already serving {} on port {}", dir, port);
        return new EmbeddedPostgresServer(null, port, password);
      }
      throw new StackException("port " + port + " for the embedded Postgres is in use by another "
          + "program: stop it or set PROMOTER_POSTGRES_PORT");
    }
    try {
      Files.createDirectories(dir);
      EmbeddedPostgres server = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setServerConfig("max_connections", "200")
          .setConnectConfig("password", password)
          // stopped by close(), which the Spring context calls after every bean that uses the
          // registry: zonky's own JVM hook ran beside the context's, so on Ctrl-C the database
          // went first and the serving replica could not take itself off the registry
          .setRegisterShutdownHook(false)
          .start();
      requirePassword(server, dir, password);
      createDatabase(server);
      log.info("embedded Postgres serving {} on port {}", dir, port);
      return new EmbeddedPostgresServer(server, port, password);
    } catch (IOException | RuntimeException e) {
      throw new StackException("cannot start the embedded Postgres on port " + port + " over "
          + dir + ": " + rootMessage(e), e);
    }
  }

  /** The JDBC URL of the registry database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  /** Whether this process started the server (and so stops it on close). */
  public boolean startedHere() {
    return server != null;
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /**
   * Sets the superuser's password and makes every connection present it: a fresh cluster (or one
   * from before this rule) still trusts, so the password is set first, then pg_hba.conf is
   * rewritten and reloaded. Idempotent.
   */
  private static void requirePassword(EmbeddedPostgres server, Path dir, String password) throws IOException {
    Path hba = dir.resolve("pg_hba.conf");
    String wanted = "# written by Promoter: every connection needs the superuser's generated password\n"
        + "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n";
    if (Files.exists(hba) && Files.readString(hba).equals(wanted)) {
      return;
    }
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET password_encryption = 'scram-sha-256'");
      s.execute("ALTER USER " + USER + " PASSWORD '" + password.replace("'", "''") + "'");
      Files.writeString(hba, wanted);
      try (ResultSet ignored = s.executeQuery("SELECT pg_reload_conf()")) {
        // reloaded: new connections authenticate
      }
    } catch (SQLException e) {
      throw new IOException("cannot require a password on the embedded Postgres: " + e.getMessage(), e);
    }
  }

  // postmaster.pid's fourth line is the port the server of that data folder listens on
  private static boolean servedFrom(Path dir, int port) {
    Path pid = dir.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pid);
      return lines.size() >= 4 && lines.get(3).strip().equals(Integer.toString(port));
    } catch (IOException e) {
      return false;
    }
  }

  private static void createDatabase(EmbeddedPostgres server) throws IOException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(
          "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IOException("cannot create database '" + DATABASE + "': " + e.getMessage(), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
