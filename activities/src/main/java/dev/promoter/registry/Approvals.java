package dev.promoter.registry;

import dev.promoter.workflows.approval.ApprovalRefusedException;
import dev.promoter.workflows.approval.ApprovalRule;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Approval requests and decisions: one concept whatever engine waits on it. The engine decides
 * how a decision resumes its process (a Temporal Update, a Zeebe job); this records it.
 */
public final class Approvals {
  private static final Set<String> DECISIONS = Set.of("APPROVED", "REJECTED", "EXPIRED");
  private final Transactions tx;
  private final Principals principals;

  /** Approvals in this database. */
  public Approvals(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
    this.principals = new Principals(dataSource);
  }

  /**
   * Opens the approval request for a run's staged version. Idempotent by run and version.
   *
   * @return the principals who may decide: holders of {@code approverRole} other than the requester
   */
  public List<String> open(String runId, String model, int version, String alias, String requestedBy,
      String approverRole, Instant expiresAt) {
    String m = Names.model(model);
    String a = Names.alias(alias);
    String by = Names.actor(requestedBy);
    tx.inTransaction(c -> {
      ModelRows.LockedModel locked = ModelRows.lockModel(c, m);
      ModelRows.VersionRow row = ModelRows.version(c, locked, version);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO approval_requests (run_id, "
          + "model_version_id, target_alias, requested_by, approver_role, expires_at) "
          + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, model_version_id) DO NOTHING")) {
        s.setString(1, runId);
        s.setLong(2, row.id());
        s.setString(3, a);
        s.setString(4, by);
        s.setString(5, approverRole);
        s.setTimestamp(6, Timestamp.from(expiresAt));
        if (s.executeUpdate() == 1) {
          AuditLog.append(c, by, "request-approval", m, version, a, null,
              "run " + runId + " asks role '" + approverRole + "' to approve until " + expiresAt);
        }
      }
      // the run index says it waits, so a list filtered by status finds it without the engine
      setRunStatus(c, runId, "RUNNING", "AWAITING_APPROVAL");
      return null;
    });
    return principals.withRole(approverRole).stream().filter(p -> !p.equals(by)).toList();
  }

  /**
   * Records the decision on a run's pending approval, with its audit row. Repeating the same
   * decision is a no-op; a different decision on an already decided request is refused.
   */
  public void decide(String runId, String decision, String actor, String reason) {
    if (!DECISIONS.contains(decision)) {
      throw RegistryException.invalid("unknown decision '" + decision + "'");
    }
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    tx.inTransaction(c -> {
      long id;
      String status;
      String model;
      int version;
      ApprovalRule.Case rule;
      try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.status, m.name, v.version, "
          + "r.requested_by, r.approver_role, r.expires_at, now(), EXISTS (SELECT 1 FROM principals p "
          + "WHERE p.name = ? AND r.approver_role = ANY(p.roles)) "
          + "FROM approval_requests r JOIN model_versions v ON v.id = r.model_version_id "
          + "JOIN models m ON m.id = v.model_id WHERE r.run_id = ? FOR UPDATE OF r")) {
        s.setString(1, who);
        s.setString(2, runId);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw RegistryException.notFound("run '" + runId + "' has no approval request");
          }
          id = rs.getLong(1);
          status = rs.getString(2);
          model = rs.getString(3);
          version = rs.getInt(4);
          rule = new ApprovalRule.Case(runId, status, rs.getString(5), rs.getString(6), who,
              rs.getBoolean(9), why, rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
        }
      }
      if (status.equals(decision)) {
        return null;
      }
      if (!status.equals("PENDING")) {
        throw RegistryException.conflict("run '" + runId + "' was already " + status);
      }
      if (!decision.equals("EXPIRED")) {
        // the same rule the engine's validator applied, checked again against the registry's
        // own roles and clock: no engine and no front door can record a decision it breaks
        checkRule(rule);
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE approval_requests SET status = ? WHERE id = ?")) {
        s.setString(1, decision);
        s.setLong(2, id);
        s.executeUpdate();
      }
      if (!decision.equals("EXPIRED")) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO approval_decisions "
            + "(request_id, decision, actor, reason) VALUES (?, ?, ?, ?)")) {
          s.setLong(1, id);
          s.setString(2, decision);
          s.setString(3, who);
          s.setString(4, why);
          s.executeUpdate();
        }
      }
      AuditLog.append(c, who, decision.toLowerCase(java.util.Locale.ROOT), model, version, null, null, why);
      setRunStatus(c, runId, "AWAITING_APPROVAL", "RUNNING");
      return null;
    });
  }

  private static void setRunStatus(java.sql.Connection c, String runId, String from, String to)
      throws java.sql.SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE lifecycle_runs SET status = ? WHERE run_id = ? AND status = ?")) {
      s.setString(1, to);
      s.setString(2, runId);
      s.setString(3, from);
      s.executeUpdate();
    }
  }

  private static void checkRule(ApprovalRule.Case rule) {
    try {
      ApprovalRule.check(rule);
    } catch (ApprovalRefusedException e) {
      throw switch (e.violation()) {
        case FOUR_EYES, NO_ROLE -> RegistryException.forbidden(e.getMessage());
        case NO_ACTOR, NO_REASON -> RegistryException.invalid(e.getMessage());
        case NOT_WAITING, EXPIRED -> RegistryException.conflict(e.getMessage());
      };
    }
  }

  /**
   * A recorded decision.
   *
   * @param decision {@code APPROVED} or {@code REJECTED}
   * @param actor who decided (authenticated by the front door that recorded it)
   * @param reason why
   */
  public record Decided(String decision, String actor, String reason) {}

  /**
   * The decision recorded on the run's latest approval request, if any. An engine that resumes a
   * run on a message (Camunda) acts on this row, not on the message's words: the row exists
   * only if the rule let the decision through.
   */
  public java.util.Optional<Decided> decision(String runId) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT d.decision, d.actor, d.reason "
          + "FROM approval_requests r JOIN approval_decisions d ON d.request_id = r.id "
          + "WHERE r.run_id = ? ORDER BY r.id DESC LIMIT 1")) {
        s.setString(1, runId);
        try (java.sql.ResultSet rs = s.executeQuery()) {
          return rs.next() ? java.util.Optional.of(new Decided(rs.getString(1), rs.getString(2), rs.getString(3)))
              : java.util.Optional.<Decided>empty();
        }
      }
    });
  }

  /** The approval request of a run (the latest, if a run ever opened several). */
  public java.util.Optional<ApprovalRecord> find(String runId) {
    List<ApprovalRecord> found = list(null, null, runId);
    return found.stream().findFirst();
  }

  /** Requests, newest first, optionally only those of one status and one model. */
  public List<ApprovalRecord> list(String status, String model) {
    return list(status, model, null);
  }

  private List<ApprovalRecord> list(String status, String model, String runId) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT r.run_id, m.name, v.version, "
          + "r.target_alias, r.requested_by, r.approver_role, r.status, r.created_at, r.expires_at, "
          + "COALESCE(l.engine, 'temporal') "
          + "FROM approval_requests r JOIN model_versions v ON v.id = r.model_version_id "
          + "JOIN models m ON m.id = v.model_id LEFT JOIN lifecycle_runs l ON l.run_id = r.run_id WHERE (?::text IS NULL OR r.status = ?) "
          + "AND (?::text IS NULL OR m.name = ?) AND (?::text IS NULL OR r.run_id = ?) "
          + "ORDER BY r.created_at DESC, r.id DESC LIMIT 1000")) {
        s.setString(1, status);
        s.setString(2, status);
        s.setString(3, model);
        s.setString(4, model);
        s.setString(5, runId);
        s.setString(6, runId);
        List<ApprovalRecord> all = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            all.add(new ApprovalRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(), rs.getString(10)));
          }
        }
        return all;
      }
    });
  }

  /** Requests waiting for a decision, oldest first. */
  public List<PendingApproval> pending() {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT r.run_id, m.name, v.version, "
          + "r.target_alias, r.requested_by, r.approver_role, r.expires_at FROM approval_requests r "
          + "JOIN model_versions v ON v.id = r.model_version_id JOIN models m ON m.id = v.model_id "
          + "WHERE r.status = 'PENDING' ORDER BY r.created_at, r.id");
          ResultSet rs = s.executeQuery()) {
        List<PendingApproval> pending = new ArrayList<>();
        while (rs.next()) {
          pending.add(new PendingApproval(rs.getString(1), rs.getString(2), rs.getInt(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
        }
        return pending;
      }
    });
  }
}
