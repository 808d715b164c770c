package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Row look-ups shared by the registry's writers. All of them run inside a transaction. */
final class ModelRows {

  /** A model row held under {@code FOR UPDATE}: every change of one model serialises on it. */
  record LockedModel(long id, String name) {}

  /** A version row, with what a writer needs to decide. */
  record VersionRow(long id, int version, VersionStatus status) {}

  private ModelRows() {}

  static LockedModel lockModel(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM models WHERE name = ? FOR UPDATE")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw RegistryException.notFound("unknown model '" + name + "'");
        }
        return new LockedModel(rs.getLong(1), name);
      }
    }
  }

  static VersionRow version(Connection c, LockedModel model, int version) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT id, status FROM model_versions WHERE model_id = ? AND version = ?")) {
      s.setLong(1, model.id());
      s.setInt(2, version);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw RegistryException.notFound(
              "model '" + model.name() + "' has no version " + version);
        }
        return new VersionRow(rs.getLong(1), version, VersionStatus.valueOf(rs.getString(2)));
      }
    }
  }

  /** The version holding an alias now, or null. */
  static VersionRow aliasHolder(Connection c, LockedModel model, String alias) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT v.id, v.version, v.status FROM aliases a "
        + "JOIN model_versions v ON v.id = a.version_id WHERE a.model_id = ? AND a.alias = ?")) {
      s.setLong(1, model.id());
      s.setString(2, alias);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? new VersionRow(rs.getLong(1), rs.getInt(2), VersionStatus.valueOf(rs.getString(3)))
            : null;
      }
    }
  }

  static void setStatus(Connection c, long versionId, VersionStatus status) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE model_versions SET status = ? WHERE id = ?")) {
      s.setString(1, status.name());
      s.setLong(2, versionId);
      s.executeUpdate();
    }
  }

  static java.util.List<String> aliasesOf(Connection c, long versionId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT alias FROM aliases WHERE version_id = ? ORDER BY alias")) {
      s.setLong(1, versionId);
      java.util.List<String> aliases = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          aliases.add(rs.getString(1));
        }
      }
      return aliases;
    }
  }

  static int aliasCount(Connection c, long versionId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT count(*) FROM aliases WHERE version_id = ?")) {
      s.setLong(1, versionId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
