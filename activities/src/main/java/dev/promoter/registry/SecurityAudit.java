package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The security audit: user, role and token changes. Like the model audit log the database
 * refuses any write but an insert; it is separate because those changes name no model.
 */
public final class SecurityAudit {
  private final Transactions tx;

  /** The security audit in this database. */
  public SecurityAudit(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** The latest {@code limit} entries, oldest first; with a subject, only that subject's. */
  public List<SecurityAuditEntry> recent(String subjectOrNull, int limit) {
    if (limit < 1) {
      throw RegistryException.invalid("limit must be at least 1, not " + limit);
    }
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM (SELECT id, at, actor, action, "
          + "subject, details FROM security_audit WHERE (?::text IS NULL OR subject = ?) "
          + "ORDER BY id DESC LIMIT ?) latest ORDER BY id")) {
        s.setString(1, subjectOrNull);
        s.setString(2, subjectOrNull);
        s.setInt(3, limit);
        List<SecurityAuditEntry> entries = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            entries.add(new SecurityAuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
          }
        }
        return entries;
      }
    });
  }

  static void append(Connection c, String actor, String action, String subject, String details)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO security_audit (actor, action, subject, details) VALUES (?, ?, ?, ?)")) {
      s.setString(1, actor);
      s.setString(2, action);
      s.setString(3, subject);
      s.setString(4, details);
      s.executeUpdate();
    }
  }
}
