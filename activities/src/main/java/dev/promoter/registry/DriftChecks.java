package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Drift checks in Postgres: what a check reads (recent predictions' summaries, the cached training
 * reference, run requests) and the append-only record it writes, with the one-retrain-per-window
 * claim and its audit row in the same transaction.
 */
public final class DriftChecks {
  private final Transactions tx;
  private final LifecycleRuns runs;

  /** Checks in this database. */
  public DriftChecks(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
    this.runs = new LifecycleRuns(dataSource);
  }

  /**
   * The feature summaries of the predictions a version answered in {@code [from, to]}, newest
   * first, at most {@code limit}.
   */
  public List<Map<String, Double>> predictionFeatures(String model, int version, Instant from, Instant to,
      int limit) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT features::text FROM prediction_log "
          + "WHERE model_name = ? AND version = ? AND at >= ? AND at <= ? ORDER BY at DESC LIMIT ?")) {
        s.setString(1, model);
        s.setInt(2, version);
        s.setTimestamp(3, Timestamp.from(from));
        s.setTimestamp(4, Timestamp.from(to));
        s.setInt(5, limit);
        List<Map<String, Double>> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(Json.metrics(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  /** The request a run was started with, as JSON, or empty for an unknown run or one without it. */
  public Optional<String> runInput(String runId) {
    return runs.input(runId);
  }

  /** The request of a model's most recent Temporal run that recorded one, as JSON. */
  public Optional<String> lastRunInput(String model) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT input::text FROM lifecycle_runs "
          + "WHERE model_name = ? AND kind = 'LIFECYCLE' AND engine = 'temporal' AND input <> '{}'::jsonb "
          + "ORDER BY started_at DESC, run_id DESC LIMIT 1")) {
        s.setString(1, model);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /** The cached training reference of an artifact (its summary JSON), if computed before. */
  public Optional<String> reference(String artifactSha256) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT summary::text FROM drift_references WHERE artifact_sha256 = ?")) {
        s.setString(1, artifactSha256);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /** Caches an artifact's training reference; a second write of the same digest is a no-op. */
  public void saveReference(String artifactSha256, String datasetDigest, int records, String summaryJson) {
    Json.requireObject("drift reference", summaryJson);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO drift_references (artifact_sha256, "
          + "dataset_digest, records, summary) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
        s.setString(1, artifactSha256);
        s.setString(2, datasetDigest);
        s.setInt(3, records);
        s.setString(4, summaryJson);
        s.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Records a check. Idempotent by its key: a second call returns the first call's row. A check
   * that asks to start a retrain ({@code retrainRunId} set) gets it only if no other check of the
   * model claimed its window; the claim and its audit row (by the system actor, naming the check)
   * commit with the check, so a retrain is never started unaudited or twice.
   *
   * @return the row as stored: {@code retrainRunId} null when the window was already claimed
   */
  public DriftCheckRow record(DriftCheckRow check) {
    Names.model(check.modelName());
    Json.requireJson("top features", check.topFeaturesJson());
    return tx.inTransaction(c -> {
      Optional<DriftCheckRow> done = byKey(c, check.checkKey());
      if (done.isPresent()) {
        return done.get();
      }
      DriftCheckRow row = check;
      if (check.retrainRunId() != null) {
        // one claimant per model at a time, so two monitors' checks cannot both see a free window
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('drift:' || ?))")) {
          s.setString(1, check.modelName());
          s.executeQuery().close();
        }
        Optional<DriftCheckRow> claimed = claimOf(c, check.modelName(), check.retrainWindow());
        if (claimed.isPresent()) {
          row = new DriftCheckRow(0, check.checkKey(), check.checkedAt(), check.modelName(), check.version(),
              check.referenceSize(), check.currentSize(), check.verdict(), check.driftedFeatures(),
              check.topFeaturesJson(), "retraining run " + claimed.get().retrainRunId()
                  + " already started in this window (check #" + claimed.get().id() + ")", null, null);
        }
      }
      long id = insert(c, row);
      if (row.retrainRunId() != null) {
        AuditLog.append(c, LifecycleRuns.SYSTEM_ACTOR, "drift-retrain", row.modelName(), row.version(), null,
            null, "drift check #" + id + ": " + row.verdict() + " (" + row.driftedFeatures()
                + " features drifted); started retraining run " + row.retrainRunId());
      }
      return byKey(c, check.checkKey()).orElseThrow();
    });
  }

  /** A model's most recent checks, newest first. */
  public List<DriftCheckRow> recent(String model, int limit) {
    String m = Names.model(model);
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE model_name = ? "
          + "ORDER BY checked_at DESC, id DESC LIMIT ?")) {
        s.setString(1, m);
        s.setInt(2, limit);
        return read(s);
      }
    });
  }

  private static Optional<DriftCheckRow> byKey(Connection c, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE check_key = ?")) {
      s.setString(1, key);
      return read(s).stream().findFirst();
    }
  }

  private static Optional<DriftCheckRow> claimOf(Connection c, String model, Instant window) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE model_name = ? AND retrain_window = ? "
        + "AND retrain_run_id IS NOT NULL")) {
      s.setString(1, model);
      s.setTimestamp(2, Timestamp.from(window));
      return read(s).stream().findFirst();
    }
  }

  private static long insert(Connection c, DriftCheckRow r) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO drift_checks (check_key, checked_at, "
        + "model_name, version, reference_size, current_size, verdict, drifted_features, top_features, "
        + "note, retrain_window, retrain_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING id")) {
      s.setString(1, r.checkKey());
      s.setTimestamp(2, Timestamp.from(r.checkedAt()));
      s.setString(3, r.modelName());
      if (r.version() == null) {
        s.setNull(4, java.sql.Types.INTEGER);
      } else {
        s.setInt(4, r.version());
      }
      s.setInt(5, r.referenceSize());
      s.setInt(6, r.currentSize());
      s.setString(7, r.verdict());
      s.setInt(8, r.driftedFeatures());
      s.setString(9, r.topFeaturesJson());
      s.setString(10, r.note());
      s.setTimestamp(11, r.retrainWindow() == null ? null : Timestamp.from(r.retrainWindow()));
      s.setString(12, r.retrainRunId());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static final String SELECT = "SELECT id, check_key, checked_at, model_name, version, reference_size, "
      + "current_size, verdict, drifted_features, top_features::text, note, retrain_window, retrain_run_id "
      + "FROM drift_checks";

  private static List<DriftCheckRow> read(PreparedStatement s) throws SQLException {
    List<DriftCheckRow> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Timestamp window = rs.getTimestamp(12);
        out.add(new DriftCheckRow(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
            rs.getString(4), (Integer) rs.getObject(5), rs.getInt(6), rs.getInt(7), rs.getString(8),
            rs.getInt(9), rs.getString(10), rs.getString(11), window == null ? null : window.toInstant(),
            rs.getString(13)));
      }
    }
    return out;
  }
}
