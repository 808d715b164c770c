package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The registry's own index of lifecycle runs: what {@code lifecycle list} and the UI show, and
 * what works where the Temporal server has no visibility queries (the embedded test server).
 */
public final class LifecycleRuns {
  private static final Set<String> KINDS = Set.of("LIFECYCLE", "RETRAIN", "ROLLBACK");
  /** Who the audit log names for what reconciliation does. */
  static final String SYSTEM_ACTOR = "promoter";
  private final Transactions tx;

  /** Runs in this database. */
  public LifecycleRuns(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Engines that run lifecycles: the value of {@code lifecycle_runs.engine}. */
  public static final Set<String> ENGINES = Set.of("temporal", "camunda");

  /** Records the start of a run on Temporal. Idempotent by run id. */
  public void started(String runId, String kind, String modelName, String submittedBy, String inputJson) {
    started(runId, kind, modelName, submittedBy, inputJson, "temporal");
  }

  /** Records a run's start on {@code engine} ({@code temporal} or {@code camunda}). Idempotent by run id. */
  public void started(String runId, String kind, String modelName, String submittedBy, String inputJson,
      String engine) {
    if (!ENGINES.contains(engine)) {
      throw RegistryException.invalid("unknown engine '" + engine + "': use one of " + ENGINES);
    }
    if (!KINDS.contains(kind)) {
      throw RegistryException.invalid("unknown run kind '" + kind + "'");
    }
    Names.model(modelName);
    Names.actor(submittedBy);
    Json.requireObject("run input", inputJson);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO lifecycle_runs "
          + "(run_id, kind, model_name, status, submitted_by, input, engine) "
          + "VALUES (?, ?, ?, 'RUNNING', ?, ?::jsonb, ?) "
          + "ON CONFLICT (run_id) DO NOTHING")) {
        s.setString(1, runId);
        s.setString(2, kind);
        s.setString(3, modelName);
        s.setString(4, submittedBy);
        s.setString(5, inputJson == null ? "{}" : inputJson);
        s.setString(6, engine);
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

  /**
   * The request a run was started with, as the engine's adapter recorded it (a Temporal
   * {@code LifecycleRequest} or a Camunda process's variables), or empty for an unknown run or one
   * recorded without it.
   */
  public Optional<String> input(String runId) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT input::text FROM lifecycle_runs WHERE run_id = ? AND input <> '{}'::jsonb")) {
        s.setString(1, runId);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
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

  /** Runs still open (RUNNING or AWAITING_APPROVAL), oldest first: what reconciliation checks. */
  public List<RunSummary> open() {
    return tx.readOnly(c -> query(c.prepareStatement(SELECT
        + " WHERE status IN ('RUNNING', 'AWAITING_APPROVAL') ORDER BY started_at, run_id")));
  }

  /**
   * Ends an open run whose workflow is gone (the embedded Temporal server lost it in a restart),
   * in one transaction: the run becomes LOST with its end time, its pending approval request is
   * WITHDRAWN, the version it registered gives {@code staging} back (to the previous holder, or
   * unset) and is rejected unless it holds another alias ({@code production} is never touched),
   * and each step has its audit row, by {@value #SYSTEM_ACTOR}. Idempotent: a run that has
   * already ended, LOST or otherwise, is left alone.
   *
   * @param runId the run
   * @param reason why, for the audit log and the run's result
   * @return true if this call ended the run, false if it had already ended
   * @throws RegistryException NOT_FOUND for an unknown run
   */
  public boolean markLost(String runId, String reason) {
    String why = Names.reason(reason);
    return tx.inTransaction(c -> {
      String model;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT model_name, status FROM lifecycle_runs WHERE run_id = ? FOR UPDATE")) {
        s.setString(1, runId);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw RegistryException.notFound("unknown run '" + runId + "'");
          }
          model = rs.getString(1);
          if (!OPEN.contains(rs.getString(2))) {
            return false;
          }
        }
      }
      Integer version = registeredVersion(c, model, runId);
      if (version != null) {
        // the model row first, as every alias move takes it, so this cannot deadlock with one
        ModelRows.lockModel(c, model);
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE approval_requests SET status = 'WITHDRAWN' "
          + "WHERE run_id = ? AND status = 'PENDING'")) {
        s.setString(1, runId);
        if (s.executeUpdate() > 0) {
          AuditLog.append(c, SYSTEM_ACTOR, "withdraw-approval", model, version, null, null,
              "run " + runId + " is lost: " + why);
        }
      }
      if (version != null) {
        AliasMoves.withdrawOnly(c, model, version, "staging", SYSTEM_ACTOR, "run " + runId + " is lost: " + why);
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE lifecycle_runs SET status = 'LOST', "
          + "ended_at = now(), result = jsonb_build_object('status', 'LOST', 'modelName', model_name, "
          + "'version', ?::integer, 'verdict', ?::text) WHERE run_id = ?")) {
        if (version == null) {
          s.setNull(1, java.sql.Types.INTEGER);
        } else {
          s.setInt(1, version);
        }
        s.setString(2, why);
        s.setString(3, runId);
        s.executeUpdate();
      }
      AuditLog.append(c, SYSTEM_ACTOR, "lose-run", model, version, null, null, "run " + runId + ": " + why);
      return true;
    });
  }

  private static final Set<String> OPEN = Set.of("RUNNING", "AWAITING_APPROVAL");

  /** The version a run registered (its lineage names the run), or null. */
  private static Integer registeredVersion(Connection c, String model, String runId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT v.version FROM model_versions v "
        + "JOIN models m ON m.id = v.model_id WHERE m.name = ? AND v.parent_run = ? "
        + "ORDER BY v.version DESC LIMIT 1")) {
      s.setString(1, model);
      s.setString(2, runId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private static final String SELECT = "SELECT run_id, kind, model_name, status, submitted_by, "
      + "started_at, ended_at, result::text, engine FROM lifecycle_runs";

  private static List<RunSummary> query(PreparedStatement s) throws SQLException {
    try (s; ResultSet rs = s.executeQuery()) {
      List<RunSummary> runs = new ArrayList<>();
      while (rs.next()) {
        runs.add(new RunSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant(),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8),
            rs.getString(9)));
      }
      return runs;
    }
  }
}
