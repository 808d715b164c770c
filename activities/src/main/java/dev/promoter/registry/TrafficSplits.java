package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Traffic splits in the registry: which second version takes what share of an alias's traffic.
 * Every change is one transaction under the model's row lock with its audit row (actions
 * {@code split} and {@code split-clear}), like a promotion; a change to what is already there
 * writes nothing, so a retried activity adds no second audit row.
 */
public final class TrafficSplits {
  private final Transactions tx;

  /** Splits on an already migrated database. */
  public TrafficSplits(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Gives {@code version} {@code percent} % of {@code alias}'s traffic in {@code mode}.
   *
   * @return the split now in force (its {@code since} is unchanged when nothing changed)
   * @throws RegistryException invalid for a bad mode or percent; conflict when the alias has no
   *     holder, the version holds it already, or the version was rejected
   */
  public TrafficSplit set(String model, String alias, int version, String mode, int percent,
      String actor, String reason) {
    String m = Names.model(model);
    String a = Names.alias(alias);
    int v = Names.version(version);
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    if (!TrafficSplit.MODES.contains(mode)) {
      throw RegistryException.invalid("invalid split mode '" + mode + "': use one of " + TrafficSplit.MODES);
    }
    if (percent < 0 || percent > 100 || ("warm".equals(mode) && percent != 0)) {
      throw RegistryException.invalid("invalid split percent " + percent
          + ": 0-100, and 0 for mode 'warm' (loaded, no traffic)");
    }
    return tx.inTransaction(c -> {
      ModelRows.LockedModel locked = ModelRows.lockModel(c, m);
      ModelRows.VersionRow row = ModelRows.version(c, locked, v);
      if (row.status() == VersionStatus.REJECTED) {
        throw RegistryException.conflict("version " + v + " of '" + m
            + "' was rejected and cannot take traffic from '" + a + "'");
      }
      ModelRows.VersionRow holder = ModelRows.aliasHolder(c, locked, a);
      if (holder == null) {
        throw RegistryException.conflict("'" + a + "' of '" + m + "' has no holder to split traffic from");
      }
      // a warm split on the holder changes nothing (the holder is loaded anyway), and is allowed:
      // a blue-green rollback can make the old champion the holder again just before the split
      // that keeps it warm is set
      if (holder.id() == row.id() && !"warm".equals(mode)) {
        throw RegistryException.conflict("version " + v + " holds '" + a + "' of '" + m
            + "' already; a split names a second version");
      }
      TrafficSplit now = read(c, m, a);
      if (now != null && now.version() == v && now.mode().equals(mode) && now.percent() == percent) {
        return now;
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO traffic_splits "
          + "(model_id, alias, version_id, mode, percent) VALUES (?, ?, ?, ?, ?) "
          + "ON CONFLICT (model_id, alias) DO UPDATE SET version_id = EXCLUDED.version_id, "
          + "mode = EXCLUDED.mode, percent = EXCLUDED.percent, since = clock_timestamp()")) {
        s.setLong(1, locked.id());
        s.setString(2, a);
        s.setLong(3, row.id());
        s.setString(4, mode);
        s.setInt(5, percent);
        s.executeUpdate();
      }
      AuditLog.append(c, who, "split", m, v, a, holder.version(), why,
          "{\"mode\": \"" + mode + "\", \"percent\": " + percent + "}");
      return read(c, m, a);
    });
  }

  /** Gives all of {@code alias}'s traffic back to its holder. Idempotent: no split, no write. */
  public void clear(String model, String alias, String actor, String reason) {
    String m = Names.model(model);
    String a = Names.alias(alias);
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    tx.inTransaction(c -> {
      ModelRows.LockedModel locked = ModelRows.lockModel(c, m);
      TrafficSplit now = read(c, m, a);
      if (now == null) {
        return null;
      }
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM traffic_splits WHERE model_id = ? AND alias = ?")) {
        s.setLong(1, locked.id());
        s.setString(2, a);
        s.executeUpdate();
      }
      AuditLog.append(c, who, "split-clear", m, now.version(), a, null, why,
          "{\"mode\": \"" + now.mode() + "\", \"percent\": " + now.percent() + "}");
      return null;
    });
  }

  /** The split of an alias, or null. */
  public TrafficSplit get(String model, String alias) {
    String m = Names.model(model);
    String a = Names.alias(alias);
    return tx.readOnly(c -> read(c, m, a));
  }

  /** Every split of a model, by alias. */
  public List<TrafficSplit> of(String model) {
    String m = Names.model(model);
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE m.name = ? ORDER BY t.alias")) {
        s.setString(1, m);
        return rows(s);
      }
    });
  }

  /** Every split of every model (serving replicas preload the versions they name). */
  public List<TrafficSplit> all() {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY m.name, t.alias")) {
        return rows(s);
      }
    });
  }

  private static final String SELECT = "SELECT m.name, t.alias, v.version, t.mode, t.percent, t.since "
      + "FROM traffic_splits t JOIN models m ON m.id = t.model_id JOIN model_versions v ON v.id = t.version_id";

  private static TrafficSplit read(Connection c, String model, String alias) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE m.name = ? AND t.alias = ?")) {
      s.setString(1, model);
      s.setString(2, alias);
      List<TrafficSplit> found = rows(s);
      return found.isEmpty() ? null : found.getFirst();
    }
  }

  private static List<TrafficSplit> rows(PreparedStatement s) throws SQLException {
    List<TrafficSplit> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(new TrafficSplit(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getInt(5), rs.getTimestamp(6).toInstant()));
      }
    }
    return out;
  }
}
