package dev.promoter.identity;

import dev.promoter.cli.StackProperties;
import dev.promoter.registry.RegistryDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded Postgres for the test JVM; each caller gets a fresh, migrated registry. */
public final class TestRegistry {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestRegistry() {}

  /** A new empty registry at the current schema. Close it when done. */
  public static synchronized RegistryDatabase fresh() {
    String name = "identity_test_" + COUNTER.incrementAndGet();
    try {
      if (server == null) {
        server = EmbeddedPostgres.builder().setPort(StackProperties.freePort()).start();
      }
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return RegistryDatabase.open(server.getJdbcUrl("postgres", name), "postgres", "postgres", 4);
  }
}
