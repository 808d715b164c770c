package dev.promoter.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What each serving replica has loaded, as it last reported it. Replicas report about once a
 * second; a rollout reads which replicas are live (seen recently, by the database's clock) and
 * what each has of a version. Reports are not audited: they describe, they decide nothing.
 */
public final class ServingReplicas {
  /** Replicas unseen for this long are deleted by the next report of any replica. */
  static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
  private final Transactions tx;

  /** Reports on an already migrated database. */
  public ServingReplicas(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * One version as a replica has it.
   *
   * @param model the model
   * @param version the version
   * @param state {@code LOADING}, {@code WARM}, {@code ACTIVE}, {@code DEGRADED} or {@code FAILED}
   * @param cause why it FAILED or is DEGRADED, or null
   * @param loadedAt when its model was loaded, or null while it is not
   */
  public record Loaded(String model, int version, String state, String cause, Instant loadedAt) {}

  /**
   * A live replica's view of one version.
   *
   * @param replica the replica's name
   * @param state the version's state there, or null when it has not begun loading it
   * @param cause why it FAILED, or null
   */
  public record Seen(String replica, String state, String cause) {}

  /** Replaces {@code replica}'s report with {@code loaded}, and marks it seen now. */
  public void report(String replica, Instant startedAt, List<Loaded> loaded) {
    String name = name(replica);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO serving_replicas (replica, started_at) "
          + "VALUES (?, ?) ON CONFLICT (replica) DO UPDATE SET seen_at = clock_timestamp()")) {
        s.setString(1, name);
        s.setTimestamp(2, Timestamp.from(startedAt));
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM serving_replica_versions WHERE replica = ?")) {
        s.setString(1, name);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO serving_replica_versions "
          + "(replica, model_name, version, state, cause, loaded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Loaded l : loaded) {
          s.setString(1, name);
          s.setString(2, l.model());
          s.setInt(3, l.version());
          s.setString(4, l.state());
          s.setString(5, l.cause());
          s.setTimestamp(6, l.loadedAt() == null ? null : Timestamp.from(l.loadedAt()));
          s.addBatch();
        }
        s.executeBatch();
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM serving_replicas "
          + "WHERE seen_at < clock_timestamp() - make_interval(secs => ?)")) {
        s.setDouble(1, FORGOTTEN_AFTER.toSeconds());
        s.executeUpdate();
      }
      return null;
    });
  }

  /** Deletes a replica's report: it stopped, and is no longer waited for. Idempotent. */
  public void forget(String replica) {
    String name = name(replica);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM serving_replicas WHERE replica = ?")) {
        s.setString(1, name);
        s.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Every replica seen within {@code live}, with what it reported of {@code model} v{@code version},
   * by replica name.
   */
  public List<Seen> of(String model, int version, Duration live) {
    String m = Names.model(model);
    int v = Names.version(version);
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT r.replica, l.state, l.cause FROM serving_replicas r "
          + "LEFT JOIN serving_replica_versions l ON l.replica = r.replica AND l.model_name = ? AND l.version = ? "
          + "WHERE r.seen_at >= clock_timestamp() - make_interval(secs => ?) ORDER BY r.replica")) {
        s.setString(1, m);
        s.setInt(2, v);
        s.setDouble(3, live.toMillis() / 1000.0);
        List<Seen> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new Seen(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
        return out;
      }
    });
  }

  private static String name(String replica) {
    if (replica == null || replica.isBlank() || replica.length() > 200) {
      throw RegistryException.invalid("a replica name must be 1-200 characters");
    }
    return replica;
  }
}
