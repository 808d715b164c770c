package dev.promoter.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A pooled connection to the registry's Postgres, migrated to the current schema on open.
 * Migrations are Flyway scripts under {@code db/migration}; running them twice is harmless.
 */
public final class RegistryDatabase implements AutoCloseable {
  private final HikariDataSource dataSource;

  private RegistryDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Connects, migrates and returns the database. Fails with one line naming the URL when the
   * database cannot be reached.
   */
  public static RegistryDatabase open(String jdbcUrl, String user, String password, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxPoolSize);
    config.setPoolName("promoter-registry");
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE,
          "cannot reach Postgres at " + jdbcUrl + ": " + rootMessage(e), e);
    }
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new RegistryDatabase(dataSource);
  }

  /** Brings a database to the current schema. */
  public static void migrate(DataSource dataSource) {
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
          .load().migrate();
    } catch (FlywayException e) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE,
          "cannot migrate the registry schema: " + rootMessage(e), e);
    }
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
