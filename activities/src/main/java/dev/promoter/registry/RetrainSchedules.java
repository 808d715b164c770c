package dev.promoter.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The registry's index of retraining schedules: what {@code schedule list} and the API show. */
public final class RetrainSchedules {
  private final Transactions tx;

  /** Schedules in this database. */
  public RetrainSchedules(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * One schedule.
   *
   * @param name its name, also its Temporal schedule or workflow id
   * @param cron five-field cron, UTC
   * @param overlap SKIP or BUFFER_ONE
   * @param modelName the model its runs train
   * @param mechanism {@code temporal-schedule} or {@code cron-workflow}
   * @param requestJson the lifecycle request each run starts with
   * @param createdBy who created it
   * @param createdAt when
   */
  public record Schedule(String name, String cron, String overlap, String modelName, String mechanism,
      String requestJson, String createdBy, java.time.Instant createdAt) {}

  /** Records a new schedule; CONFLICT if the name is taken. */
  public void add(String name, String cron, String overlap, String model, String mechanism,
      String requestJson, String createdBy) {
    Names.schedule(name);
    Names.model(model);
    Json.requireObject("schedule request", requestJson);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO retrain_schedules (name, cron, "
          + "overlap, model_name, mechanism, request, created_by) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) "
          + "ON CONFLICT (name) DO NOTHING")) {
        s.setString(1, name);
        s.setString(2, cron);
        s.setString(3, overlap);
        s.setString(4, model);
        s.setString(5, mechanism);
        s.setString(6, requestJson);
        s.setString(7, createdBy);
        if (s.executeUpdate() == 0) {
          throw RegistryException.conflict("schedule '" + name + "' already exists");
        }
      }
      return null;
    });
  }

  /** Whether a schedule of this name exists. */
  public boolean exists(String name) {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM retrain_schedules WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Every schedule, by name. */
  public List<Schedule> list() {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT name, cron, overlap, model_name, "
          + "mechanism, request::text, created_by, created_at FROM retrain_schedules ORDER BY name");
          ResultSet rs = s.executeQuery()) {
        List<Schedule> all = new ArrayList<>();
        while (rs.next()) {
          all.add(new Schedule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
        }
        return all;
      }
    });
  }

  /** Removes a schedule's row; NOT_FOUND if there is none. */
  public void remove(String name) {
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM retrain_schedules WHERE name = ?")) {
        s.setString(1, name);
        if (s.executeUpdate() == 0) {
          throw RegistryException.notFound("no schedule '" + name + "'");
        }
      }
      return null;
    });
  }
}
