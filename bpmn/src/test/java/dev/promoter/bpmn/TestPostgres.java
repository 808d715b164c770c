package dev.promoter.bpmn;

import dev.promoter.registry.RegistryDatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * (A copy of the activities module's helper.) One real Postgres (zonky's embedded binaries) for the whole test JVM; each caller gets a fresh,
 * migrated database of its own so tests never see each other's rows.
 */
public final class TestPostgres {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** A new empty database, migrated to the current schema. Close it when done. */
  public static synchronized RegistryDatabase freshDatabase() {
    String name = "bpmn_test_" + COUNTER.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return RegistryDatabase.open(server().getJdbcUrl("postgres", name), "postgres", "postgres", 64);
  }

  /** A new database with no schema at all, for tests that migrate it step by step. */
  public static synchronized javax.sql.DataSource emptyDatabase() {
    String name = "bpmn_test_" + COUNTER.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getDatabase("postgres", name);
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }
}
