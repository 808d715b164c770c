package dev.promoter.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Runs a unit of work in one transaction and turns database errors into registry errors. */
final class Transactions {

  /** Work that needs a connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  // A promotion waits this long for another change of the same model, then fails clearly
  // instead of hanging a worker.
  private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '15s'";

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> T inTransaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute(LOCK_TIMEOUT);
        }
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  <T> T readOnly(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /**
   * Each statement its own transaction: for a read that may be followed by one small,
   * independent write, where the three round trips of {@link #inTransaction} would cost more
   * than the work.
   */
  <T> T autoCommit(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  static RegistryException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e instanceof SQLTransientConnectionException || state.startsWith("08")) {
      return new RegistryException(RegistryException.Reason.UNAVAILABLE,
          "cannot reach the registry database: " + e.getMessage(), e);
    }
    return switch (state) {
      case "55P03" -> new RegistryException(RegistryException.Reason.CONFLICT,
          "another change to this model is holding its lock; try again", e);
      case "40001", "40P01" -> new RegistryException(RegistryException.Reason.CONFLICT,
          "a concurrent change to this model won; try again", e);
      case "23505", "23514", "23503" -> new RegistryException(RegistryException.Reason.INVALID,
          "the registry refused the change: " + e.getMessage(), e);
      default -> new RegistryException(RegistryException.Reason.UNAVAILABLE,
          "registry database error (SQLSTATE " + state + "): " + e.getMessage(), e);
    };
  }
}
