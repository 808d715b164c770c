package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Appends to and reads the audit log. The database refuses any other kind of write to it. */
final class AuditLog {
  private static final String COLUMNS =
      "id, at, actor, action, model_name, version, alias, from_version, reason, "
          + "coalesce((details->>'operator')::boolean, false)";

  private AuditLog() {}

  static long append(Connection c, String actor, String action, String model, Integer version,
      String alias, Integer fromVersion, String reason) throws SQLException {
    return append(c, actor, action, model, version, alias, fromVersion, reason, "{}");
  }

  /** As above, with details (a JSON object), e.g. {@code {"operator": true}} for an operator's move. */
  static long append(Connection c, String actor, String action, String model, Integer version,
      String alias, Integer fromVersion, String reason, String details) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log "
        + "(actor, action, model_name, version, alias, from_version, reason, details) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
      s.setString(8, details);
      s.setString(1, actor);
      s.setString(2, action);
      s.setString(3, model);
      setInteger(s, 4, version);
      s.setString(5, alias);
      setInteger(s, 6, fromVersion);
      s.setString(7, reason);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static List<AuditEntry> forModel(Connection c, String model) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE model_name = ? ORDER BY id",
        model, null);
  }

  static Page<AuditEntry> page(Connection c, String model, int page, int size) throws SQLException {
    long total;
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_log WHERE model_name = ?")) {
      s.setString(1, model);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<AuditEntry> items = query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE model_name = ? "
        + "ORDER BY id LIMIT " + size + " OFFSET " + ((long) page * size), model, null);
    return new Page<>(items, page, size, total);
  }

  /** Alias moves (promote and rollback) of one alias, oldest first: what rollback replays. */
  static List<AuditEntry> aliasMoves(Connection c, String model, String alias) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE model_name = ? AND alias = ? "
        + "AND action IN ('promote', 'rollback', 'withdraw') ORDER BY id", model, alias);
  }

  private static List<AuditEntry> query(Connection c, String sql, String model, String alias)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, model);
      if (alias != null) {
        s.setString(2, alias);
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
              rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
              (Integer) rs.getObject(8), rs.getString(9), rs.getBoolean(10)));
        }
      }
      return entries;
    }
  }

  private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.INTEGER);
    } else {
      s.setInt(index, value);
    }
  }
}
