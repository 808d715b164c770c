package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Promotion, rollback and rejection. Each runs inside one transaction that holds the model row
 * lock, moves the alias, fixes both versions' status and appends the audit row, so no reader
 * ever sees an alias without its audit entry or two holders of one alias.
 */
final class AliasMoves {

  private AliasMoves() {}

  static AliasMove promote(Connection c, String modelName, int version, String alias, String actor,
      String reason, Integer expectedHolder) throws SQLException {
    ModelRows.LockedModel model = ModelRows.lockModel(c, modelName);
    ModelRows.VersionRow target = ModelRows.version(c, model, version);
    if (target.status() == VersionStatus.REJECTED) {
      throw RegistryException.conflict("version " + version + " of '" + modelName
          + "' was rejected and cannot hold the alias '" + alias + "'");
    }
    ModelRows.VersionRow holder = ModelRows.aliasHolder(c, model, alias);
    Integer from = holder == null ? null : holder.version();
    checkExpected(modelName, alias, expectedHolder, from);
    if (holder != null && holder.id() == target.id()) {
      return new AliasMove(modelName, alias, from, version, false, 0);
    }
    moveAlias(c, model, alias, target, holder);
    long audit = AuditLog.append(c, actor, "promote", modelName, version, alias, from, reason);
    return new AliasMove(modelName, alias, from, version, true, audit);
  }

  static AliasMove rollback(Connection c, String modelName, String alias, String actor,
      String reason, Integer expectedHolder) throws SQLException {
    ModelRows.LockedModel model = ModelRows.lockModel(c, modelName);
    ModelRows.VersionRow holder = ModelRows.aliasHolder(c, model, alias);
    if (holder == null) {
      throw RegistryException.notFound("model '" + modelName + "' has no alias '" + alias + "'");
    }
    checkExpected(modelName, alias, expectedHolder, holder.version());
    AliasHistory history = AliasHistory.replay(AuditLog.aliasMoves(c, modelName, alias));
    if (history.current() == null || history.current() != holder.version()) {
      throw new IllegalStateException("audit log says '" + alias + "' of '" + modelName
          + "' is held by " + history.current() + " but the alias table says " + holder.version());
    }
    ModelRows.VersionRow target = restorable(c, model, history.earlier(), holder.version());
    if (target == null) {
      throw RegistryException.conflict("'" + alias + "' of '" + modelName + "' has no earlier holder"
          + " to roll back to (version " + holder.version() + " is the first that held it)");
    }
    moveAlias(c, model, alias, target, holder);
    long audit = AuditLog.append(c, actor, "rollback", modelName, target.version(), alias,
        holder.version(), reason);
    return new AliasMove(modelName, alias, holder.version(), target.version(), true, audit);
  }

  /**
   * Takes {@code alias} from {@code version}: back to the previous restorable holder, or unset.
   * The version is rejected once it holds no alias. A second call finds nothing to do.
   */
  static void withdraw(Connection c, String modelName, int version, String alias, String actor,
      String reason) throws SQLException {
    ModelRows.LockedModel model = ModelRows.lockModel(c, modelName);
    ModelRows.VersionRow row = ModelRows.version(c, model, version);
    ModelRows.VersionRow holder = ModelRows.aliasHolder(c, model, alias);
    if (holder != null && holder.id() == row.id()) {
      AliasHistory history = AliasHistory.replay(AuditLog.aliasMoves(c, modelName, alias));
      ModelRows.VersionRow target = restorable(c, model, history.earlier(), version);
      if (target == null) {
        try (PreparedStatement s = c.prepareStatement(
            "DELETE FROM aliases WHERE model_id = ? AND alias = ?")) {
          s.setLong(1, model.id());
          s.setString(2, alias);
          s.executeUpdate();
        }
      } else {
        moveAlias(c, model, alias, target, row);
      }
      AuditLog.append(c, actor, "withdraw", modelName, target == null ? null : target.version(),
          alias, version, reason);
    }
    if (row.status() != VersionStatus.REJECTED && ModelRows.aliasCount(c, row.id()) == 0) {
      ModelRows.setStatus(c, row.id(), VersionStatus.REJECTED);
      AuditLog.append(c, actor, "reject", modelName, version, null, null, reason);
    }
  }

  static void reject(Connection c, String modelName, int version, String actor, String reason)
      throws SQLException {
    ModelRows.LockedModel model = ModelRows.lockModel(c, modelName);
    ModelRows.VersionRow row = ModelRows.version(c, model, version);
    if (row.status() == VersionStatus.REJECTED) {
      return;
    }
    if (ModelRows.aliasCount(c, row.id()) > 0) {
      throw RegistryException.conflict("version " + version + " of '" + modelName
          + "' holds an alias; roll it back before rejecting it");
    }
    ModelRows.setStatus(c, row.id(), VersionStatus.REJECTED);
    AuditLog.append(c, actor, "reject", modelName, version, null, null, reason);
  }

  /** The most recent earlier holder that may hold an alias again (rejected ones are skipped). */
  private static ModelRows.VersionRow restorable(Connection c, ModelRows.LockedModel model,
      List<Integer> earlier, int current) throws SQLException {
    for (int version : earlier) {
      if (version == current) {
        continue;
      }
      ModelRows.VersionRow row = ModelRows.version(c, model, version);
      if (row.status() != VersionStatus.REJECTED) {
        return row;
      }
    }
    return null;
  }

  private static void checkExpected(String model, String alias, Integer expected, Integer actual) {
    boolean matches = expected == null || (expected == 0 ? actual == null : expected.equals(actual));
    if (!matches) {
      throw RegistryException.conflict("'" + alias + "' of '" + model + "' is now held by "
          + (actual == null ? "no version" : "version " + actual) + ", not "
          + (expected == 0 ? "unset" : "version " + expected)
          + " as expected: someone else moved it first; look again and retry");
    }
  }

  private static void moveAlias(Connection c, ModelRows.LockedModel model, String alias,
      ModelRows.VersionRow target, ModelRows.VersionRow previous) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO aliases (model_id, alias, version_id) "
        + "VALUES (?, ?, ?) ON CONFLICT (model_id, alias) "
        + "DO UPDATE SET version_id = EXCLUDED.version_id, updated_at = now()")) {
      s.setLong(1, model.id());
      s.setString(2, alias);
      s.setLong(3, target.id());
      s.executeUpdate();
    }
    ModelRows.setStatus(c, target.id(), VersionStatus.ACTIVE);
    if (previous != null && ModelRows.aliasCount(c, previous.id()) == 0) {
      ModelRows.setStatus(c, previous.id(), VersionStatus.ARCHIVED);
    }
  }
}
