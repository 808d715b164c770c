package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V12 on a prediction log written under V11 (JSONB features, locale-ordered text, a btree on
 * {@code at}): the rows, their feedback and what the gates and the drift monitor read survive, and
 * the log keeps taking rows.
 */
class PredictionLogMigrationTest {
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void rowsWrittenBeforeReadTheSameAfterAndTheLogTakesNewRows() throws SQLException {
    DataSource dataSource = TestPostgres.emptyDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("11")
        .load().migrate();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO prediction_log (at, request_id, item, model_name, version, route, latency_ms, "
          + "label, confidence, features, outcome) VALUES "
          + "('2026-11-30T10:00:00Z', 'r1', 0, 'rrna', 1, 'primary', 0.5, '16S', 0.9, "
          + "'{\"gc\": 0.55, \"length\": 1500.0}', 'ok'), "
          + "('2026-11-30T10:00:01Z', 'r1', 0, 'rrna', 2, 'shadow', 0.7, '16S', 0.8, '{\"gc\": 0.55, \"length\": 1500.0}', 'ok'), "
          + "('2026-11-30T10:00:02Z', 'r2', 0, 'rrna', 1, 'primary', 0.4, '23S', 0.7, '{\"gc\": 0.5, \"length\": 2900.0}', 'ok')");
      s.execute("INSERT INTO prediction_feedback (request_id, item, model_name, label, actor) "
          + "VALUES ('r1', 0, 'rrna', '16S', 'alice'), ('r2', 0, 'rrna', '16S', 'alice')");
    }

    RegistryDatabase.migrate(dataSource);

    PredictionLog log = new PredictionLog(dataSource);
    assertThat(log.recent("rrna", 10)).extracting(PredictionRecord::requestId, PredictionRecord::features)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r2", Map.of("gc", 0.5, "length", 2900.0)),
            org.assertj.core.groups.Tuple.tuple("r1", Map.of("gc", 0.55, "length", 1500.0)),
            org.assertj.core.groups.Tuple.tuple("r1", Map.of("gc", 0.55, "length", 1500.0)));
    RolloutFigures figures = new RolloutFigures(dataSource);
    RolloutFigures.VersionFigures v1 = figures.version("rrna", 1, List.of("primary"), AT.minusSeconds(60));
    assertThat(v1.answered()).isEqualTo(2);
    assertThat(v1.accuracy()).isEqualTo(0.5); // feedback joined to the log across the new collation
    assertThat(figures.agreement("rrna", 2, List.of("shadow"), 1, AT.minusSeconds(60)))
        .isEqualTo(new RolloutFigures.Agreement(1, 1));
    assertThat(new DriftChecks(dataSource).predictionFeatures("rrna", 1, AT, AT.plusSeconds(5), 10))
        .containsExactly(Map.of("gc", 0.5, "length", 2900.0), Map.of("gc", 0.55, "length", 1500.0));

    log.append(new PredictionLog.Rows()
        .add(AT.plusSeconds(3), "r3", 0, "rrna", 1, "primary", 0.3, "5S", 0.99, "{\"gc\":0.6}", "ok"));
    log.feedback("rrna", "r3", 0, "5S", "bob");
    assertThat(figures.version("rrna", 1, List.of("primary"), AT.minusSeconds(60)).accuracy())
        .isEqualTo(2.0 / 3);
    assertThat(indexes(dataSource)).contains("prediction_log_at_brin", "prediction_log_version_at",
        "prediction_log_request_item_version").doesNotContain("prediction_log_at", "prediction_log_model_at");
  }

  private static List<String> indexes(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'prediction_log'")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }
}
