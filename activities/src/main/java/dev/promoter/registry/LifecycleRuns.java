package dev.promoter.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The registry's own index of lifecycle runs: what {@code lifecycle list} and the UI show, and
 * what works where the Temporal server has no visibility queries (the embedded test server).
 */
public final class LifecycleRuns {
  private static final Set<String> KINDS = Set.of("LIFECYCLE", "RETRAIN", "ROLLBACK");
  private final Transactions tx;

  /** Runs in this database. */
  public LifecycleRuns(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Records a run's start. Idempotent by run id. */
  public void started(String runId, String kind, String modelName, String submittedBy, String inputJson) {
    if (!KINDS.contains(kind)) {
      throw RegistryException.invalid("unknown run kind '" + kind + "'");
    }
    Names.model(modelName);
    Names.actor(submittedBy);
    Json.requireObject("run input", inputJson);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO lifecycle_runs "
          + "(run_id, kind, model_name, status, submitted_by, input) VALUES (?, ?, ?, 'RUNNING', ?, ?::jsonb) "
          + "ON CONFLICT (run_id) DO NOTHING")) {
        s.setString(1, runId);
        s.setString(2, kind);
        s.setString(3, modelName);
        s.setString(4, submittedBy);
        s.setString(5, inputJson == null ? "{}" : inputJson);
        s.executeUpdate();
      }
      return null;
    });
  }

  /** Records a status change (and, once ended, the result). */
  public void status(String runId, String status, String resultJson) {
    Json.requireObject("run result", resultJson);
    boolean ended = !status.equals("RUNNING") && !status.equals("AWAITING_APPROVAL");
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE lifecycle_runs SET status = ?, "
          + "result = COALESCE(?::jsonb, result), ended_at = CASE WHEN ? THEN COALESCE(ended_at, now()) END "
          + "WHERE run_id = ?")) {
        s.setString(1, status);
        s.setString(2, resultJson);
        s.setBoolean(3, ended);
        s.setString(4, runId);
        if (s.executeUpdate() == 0) {
          throw RegistryException.notFound("unknown run '" + runId + "'");
        }
      }
      return null;
    });
  }

  /** The most recent runs, newest first. */
  public List<RunSummary> recent(int limit) {
    return tx.readOnly(c -> query(c.prepareStatement(SELECT + " ORDER BY started_at DESC, run_id LIMIT " + limit)));
  }

  /** One run. */
  public RunSummary get(String runId) {
    List<RunSummary> found = tx.readOnly(c -> {
      PreparedStatement s = c.prepareStatement(SELECT + " WHERE run_id = ?");
      s.setString(1, runId);
      return query(s);
    });
    if (found.isEmpty()) {
      throw RegistryException.notFound("unknown run '" + runId + "'");
    }
    return found.getFirst();
  }

  /** One page of runs, newest first, optionally of one model and one status. */
  public Page<RunSummary> list(String model, String status, int page, int size) {
    Page.check(page, size);
    return tx.readOnly(c -> {
      long total;
      try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM lifecycle_runs "
          + "WHERE (?::text IS NULL OR model_name = ?) AND (?::text IS NULL OR status = ?)")) {
        s.setString(1, model);
        s.setString(2, model);
        s.setString(3, status);
        s.setString(4, status);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      PreparedStatement s = c.prepareStatement(SELECT + " WHERE (?::text IS NULL OR model_name = ?) "
          + "AND (?::text IS NULL OR status = ?) ORDER BY started_at DESC, run_id LIMIT ? OFFSET ?");
      s.setString(1, model);
      s.setString(2, model);
      s.setString(3, status);
      s.setString(4, status);
      s.setInt(5, size);
      s.setLong(6, (long) page * size);
      return new Page<>(query(s), page, size, total);
    });
  }

  private static final String SELECT = "SELECT run_id, kind, model_name, status, submitted_by, "
      + "started_at, ended_at, result::text FROM lifecycle_runs";

  private static List<RunSummary> query(PreparedStatement s) throws SQLException {
    try (s; ResultSet rs = s.executeQuery()) {
      List<RunSummary> runs = new ArrayList<>();
      while (rs.next()) {
        runs.add(new RunSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant(),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8)));
      }
      return runs;
    }
  }
}
