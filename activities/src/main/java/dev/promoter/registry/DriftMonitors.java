package dev.promoter.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The registry's index of drift monitors, one per model: what {@code drift show} and the UI read
 * without asking Temporal, and what reconciliation restarts after the embedded server lost them.
 */
public final class DriftMonitors {
  private final Transactions tx;

  /** Monitors in this database. */
  public DriftMonitors(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * One monitor.
   *
   * @param modelName the model it watches
   * @param settingsJson its settings as JSON
   * @param createdBy who created it (retraining runs are submitted as this user)
   * @param createdAt when
   */
  public record Monitor(String modelName, String settingsJson, String createdBy, Instant createdAt) {}

  /** Records a model's monitor, replacing its settings if it has one; true if it is new. */
  public boolean put(String model, String settingsJson, String createdBy) {
    Names.model(model);
    Names.actor(createdBy);
    Json.requireObject("drift settings", settingsJson);
    return tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO drift_monitors (model_name, settings, "
          + "created_by) VALUES (?, ?::jsonb, ?) ON CONFLICT (model_name) DO UPDATE SET "
          + "settings = excluded.settings, created_by = excluded.created_by, created_at = now() "
          + "RETURNING (xmax = 0)")) {
        s.setString(1, model);
        s.setString(2, settingsJson);
        s.setString(3, createdBy);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getBoolean(1);
        }
      }
    });
  }

  /** A model's monitor, if it has one. */
  public Optional<Monitor> get(String model) {
    String m = Names.model(model);
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE model_name = ?")) {
        s.setString(1, m);
        List<Monitor> found = read(s);
        return found.stream().findFirst();
      }
    });
  }

  /** Every monitor, by model. */
  public List<Monitor> list() {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY model_name")) {
        return read(s);
      }
    });
  }

  /** Removes a model's monitor; NOT_FOUND if it has none. */
  public void remove(String model) {
    String m = Names.model(model);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM drift_monitors WHERE model_name = ?")) {
        s.setString(1, m);
        if (s.executeUpdate() == 0) {
          throw RegistryException.notFound("model '" + m + "' has no drift monitor");
        }
      }
      return null;
    });
  }

  private static final String SELECT =
      "SELECT model_name, settings::text, created_by, created_at FROM drift_monitors";

  private static List<Monitor> read(PreparedStatement s) throws java.sql.SQLException {
    List<Monitor> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(new Monitor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
      }
    }
    return out;
  }
}
