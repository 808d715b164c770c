package dev.promoter.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The prediction log and its feedback in Postgres: append-only (the tables refuse updates), rows
 * written in batches, deleted only by retention.
 */
public final class PredictionLog {
  private final Transactions tx;

  /** The log on an already migrated database. */
  public PredictionLog(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Appends a batch in one transaction; a request id and item already logged is an error. */
  public void append(List<PredictionRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO prediction_log (at, request_id, item, "
          + "model_name, version, route, latency_ms, label, confidence, features, outcome) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
        for (PredictionRecord r : records) {
          s.setTimestamp(1, Timestamp.from(r.at()));
          s.setString(2, r.requestId());
          s.setInt(3, r.item());
          s.setString(4, r.modelName());
          s.setInt(5, r.version());
          s.setString(6, r.route());
          s.setDouble(7, r.latencyMs());
          s.setString(8, r.label());
          if (r.label() == null) {
            s.setNull(9, java.sql.Types.DOUBLE);
          } else {
            s.setDouble(9, r.confidence());
          }
          s.setString(10, Json.write(r.features()));
          s.setString(11, r.outcome());
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }

  /** A model's logged predictions, newest first, at most {@code limit}. */
  public List<PredictionRecord> recent(String model, int limit) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT at, request_id, item, model_name, version, route, "
          + "latency_ms, label, confidence, features::text, outcome FROM prediction_log WHERE model_name = ? "
          + "ORDER BY id DESC LIMIT ?")) {
        s.setString(1, model);
        s.setInt(2, limit);
        List<PredictionRecord> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new PredictionRecord(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3),
                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getDouble(7), rs.getString(8),
                rs.getDouble(9), Json.metrics(rs.getString(10)), rs.getString(11)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Records a true label for a logged prediction.
   *
   * @throws RegistryException not found if the model logged no such request and item
   */
  public void feedback(String model, String requestId, int item, String label, String actor) {
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO prediction_feedback "
          + "(request_id, item, model_name, label, actor) SELECT DISTINCT request_id, item, model_name, ?, ? "
          + "FROM prediction_log WHERE model_name = ? AND request_id = ? AND item = ? "
          + "AND route <> 'shadow'")) {
        s.setString(1, label);
        s.setString(2, actor);
        s.setString(3, model);
        s.setString(4, requestId);
        s.setInt(5, item);
        if (s.executeUpdate() == 0) {
          throw RegistryException.notFound("model '" + model + "' logged no prediction " + requestId
              + (item == 0 ? "" : " item " + item));
        }
      }
      return null;
    });
  }

  /** The latest true label sent for a prediction, or null. */
  public String feedbackLabel(String requestId, int item) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT label FROM prediction_feedback "
          + "WHERE request_id = ? AND item = ? ORDER BY id DESC LIMIT 1")) {
        s.setString(1, requestId);
        s.setInt(2, item);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
  }

  /** Retention: deletes predictions answered before {@code cutoff}; the only deletion allowed. */
  public int deleteBefore(Instant cutoff) {
    return tx.inTransaction(c -> {
      try (Statement set = c.createStatement()) {
        set.execute("SET LOCAL promoter.prediction_log_retention = 'on'");
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM prediction_log WHERE at < ?")) {
        s.setTimestamp(1, Timestamp.from(cutoff));
        return s.executeUpdate();
      }
    });
  }
}
