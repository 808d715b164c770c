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
      String reason, Integer expectedHolder, String details) throws SQLException {
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
    long audit = AuditLog.append(c, actor, "promote", modelName, version, alias, from, reason, details);
    return new AliasMove(modelName, alias, from, version, true, audit);
  }

  static AliasMove rollback(Connection c, String modelName, String alias, String actor,
      String reason, Integer expectedHolder, String details) throws SQLException {
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
        holder.version(), reason, details);
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
    takeAlias(c, model, row, alias, actor, reason);
    rejectHeld(c, model, row, actor, reason);
  }

  /**
   * Takes only {@code alias} from {@code version} and rejects it if it then holds no alias: for
   * a lost run, whose version an operator may have promoted by hand meanwhile (that promotion was
   * an admin's audited act, not the lost run's, so it stands).
   */
  static void withdrawOnly(Connection c, String modelName, int version, String alias, String actor,
      String reason) throws SQLException {
    ModelRows.LockedModel model = ModelRows.lockModel(c, modelName);
    ModelRows.VersionRow row = ModelRows.version(c, model, version);
    takeAlias(c, model, row, alias, actor, reason);
    if (row.status() != VersionStatus.REJECTED && ModelRows.aliasCount(c, row.id()) == 0) {
      ModelRows.setStatus(c, row.id(), VersionStatus.REJECTED);
      AuditLog.append(c, actor, "reject", model.name(), row.version(), null, null, reason);
    }
  }

  /**
   * Rejects a version; any alias it holds (an operator may have promoted it by hand while it
   * waited for review) goes back to its previous holder first, audited, so a rejected version
   * never holds an alias. Idempotent.
   */
  static void reject(Connection c, String modelName, int version, String actor, String reason)
      throws SQLException {
    ModelRows.LockedModel model = ModelRows.lockModel(c, modelName);
    ModelRows.VersionRow row = ModelRows.version(c, model, version);
    rejectHeld(c, model, row, actor, reason);
  }

  private static void rejectHeld(Connection c, ModelRows.LockedModel model, ModelRows.VersionRow row,
      String actor, String reason) throws SQLException {
    for (String held : ModelRows.aliasesOf(c, row.id())) {
      takeAlias(c, model, row, held, actor, reason);
    }
    if (row.status() != VersionStatus.REJECTED) {
      ModelRows.setStatus(c, row.id(), VersionStatus.REJECTED);
      AuditLog.append(c, actor, "reject", model.name(), row.version(), null, null, reason);
    }
  }

  /** Takes {@code alias} from {@code row}, back to its previous restorable holder or unset. */
  private static void takeAlias(Connection c, ModelRows.LockedModel model, ModelRows.VersionRow row,
      String alias, String actor, String reason) throws SQLException {
    ModelRows.VersionRow holder = ModelRows.aliasHolder(c, model, alias);
    if (holder == null || holder.id() != row.id()) {
      return;
    }
    AliasHistory history = AliasHistory.replay(AuditLog.aliasMoves(c, model.name(), alias));
    ModelRows.VersionRow target = restorable(c, model, history.earlier(), row.version());
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
    AuditLog.append(c, actor, "withdraw", model.name(), target == null ? null : target.version(),
        alias, row.version(), reason);
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
