package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The database itself refuses to rewrite history, whoever asks. */
class AuditLogAppendOnlyTest {
  private RegistryDatabase db;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    ModelRegistry registry = new ModelRegistry(db.dataSource());
    registry.register(Versions.of("rrna", "k1"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "UPDATE audit_log SET actor = 'mallory'",
      "DELETE FROM audit_log",
      "TRUNCATE audit_log"})
  void rewritesAreRefused(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_log is append-only");
    }
    assertThat(new ModelRegistry(db.dataSource()).audit("rrna")).singleElement()
        .extracting(AuditEntry::actor).isEqualTo("alice");
  }

  @Test
  void migrationCreatesEveryRegistryTable() throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT string_agg(table_name, ',' ORDER BY table_name) "
            + "FROM information_schema.tables WHERE table_schema = 'public' "
            + "AND table_name <> 'flyway_schema_history'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("aliases,api_tokens,approval_decisions,approval_requests,"
          + "audit_log,drift_checks,drift_monitors,drift_references,"
          + "experiment_candidates,lifecycle_runs,model_versions,models,prediction_feedback,"
          + "prediction_log,principals,"
          + "retrain_schedules,security_audit,serving_replica_versions,serving_replicas,traffic_splits");
    }
  }
}
