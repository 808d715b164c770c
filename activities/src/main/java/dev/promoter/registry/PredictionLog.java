package dev.promoter.registry;

import java.io.IOException;
import java.io.Reader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

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
    Rows rows = new Rows();
    StringBuilder features = new StringBuilder();
    for (PredictionRecord r : records) {
      features.setLength(0);
      features.append(Json.write(r.features()));
      rows.add(r.at(), r.requestId(), r.item(), r.modelName(), r.version(), r.route(), r.latencyMs(),
          r.label(), r.confidence(), features, r.outcome());
    }
    append(rows);
  }

  /**
   * Appends rows in one transaction with one {@code COPY}: Postgres parses one statement per batch
   * instead of binding and executing one INSERT per row (the writer's per-row inserts were a fifth
   * of the serving benchmark's CPU). A request id, item and version already logged is an error
   * and nothing of the batch is written.
   */
  public void append(Rows rows) {
    if (rows.count == 0) {
      return;
    }
    tx.inTransaction(c -> {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      try {
        copy.copyIn("COPY prediction_log (at, request_id, item, model_name, version, route, latency_ms, "
            + "label, confidence, features, outcome) FROM STDIN", new CharSequenceReader(rows.text));
      } catch (IOException e) {
        throw new SQLException("cannot stream the prediction log's rows: " + e.getMessage(), "08006", e);
      }
      return null;
    });
  }

  /**
   * Rows for {@link #append(Rows)}, kept as {@code COPY} text (tab-separated, backslash escapes);
   * not thread-safe. {@link #clear} reuses the buffer for the next batch.
   */
  public static final class Rows {
    private final StringBuilder text = new StringBuilder();
    private int count;

    /**
     * Adds one row.
     *
     * @param label the predicted class, or null when the version failed (then confidence is not written)
     * @param featuresJson the sequence's summary as a JSON object
     */
    public Rows add(Instant at, String requestId, int item, String modelName, int version, String route,
        double latencyMs, String label, double confidence, CharSequence featuresJson, String outcome) {
      text.append(at).append('\t');
      escaped(requestId).append('\t').append(item).append('\t');
      escaped(modelName).append('\t').append(version).append('\t');
      escaped(route).append('\t').append(latencyMs).append('\t');
      if (label == null) {
        text.append("\\N\t\\N\t");
      } else {
        escaped(label).append('\t').append(confidence).append('\t');
      }
      escaped(featuresJson).append('\t');
      escaped(outcome == null ? PredictionRecord.OK : outcome).append('\n');
      count++;
      return this;
    }

    /** The rows added since the last {@link #clear}. */
    public int size() {
      return count;
    }

    /** Forgets the rows, keeping the buffer. */
    public void clear() {
      text.setLength(0);
      count = 0;
    }

    private StringBuilder escaped(CharSequence value) {
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        switch (ch) {
          case '\\' -> text.append("\\\\");
          case '\t' -> text.append("\\t");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          default -> text.append(ch);
        }
      }
      return text;
    }
  }

  /** A reader over the rows' text without copying it into a String first. */
  private static final class CharSequenceReader extends Reader {
    private final CharSequence text;
    private int at;

    CharSequenceReader(CharSequence text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (at >= text.length()) {
        return -1;
      }
      int n = Math.min(length, text.length() - at);
      if (text instanceof StringBuilder sb) {
        sb.getChars(at, at + n, buffer, offset);
      } else {
        for (int i = 0; i < n; i++) {
          buffer[offset + i] = text.charAt(at + i);
        }
      }
      at += n;
      return n;
    }

    @Override
    public void close() {}
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
