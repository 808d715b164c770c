package dev.promoter.registry;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * What rollout gates read from the prediction log and its feedback: a version's answers, its own
 * errors (infrastructure failures counted apart, never as the model's), p99 latency, accuracy on
 * the labels fed back, and agreement with another version on the same requests.
 */
public final class RolloutFigures {
  private final Transactions tx;

  /** Figures over an already migrated database. */
  public RolloutFigures(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * One version's figures on some routes since a time.
   *
   * @param answered rows it answered
   * @param modelErrors rows it failed itself (its exception on valid input)
   * @param unavailable rows lost to infrastructure (not its error)
   * @param p99LatencyMs the 99th percentile of its answered rows' latency, 0 when none
   * @param labelled answered rows with a true label fed back (the latest per prediction)
   * @param correct of those, the ones it got right
   */
  public record VersionFigures(long answered, long modelErrors, long unavailable, double p99LatencyMs,
      long labelled, long correct) {
    /** Model errors over answered plus model errors; 0 with no traffic. */
    public double errorRate() {
      long n = answered + modelErrors;
      return n == 0 ? 0 : (double) modelErrors / n;
    }

    /** Correct over labelled, or NaN with no labels. */
    public double accuracy() {
      return labelled == 0 ? Double.NaN : (double) correct / labelled;
    }
  }

  /**
   * Two versions' answers to the same requests (a canary's rows and the holder's off-path ones).
   *
   * @param compared predictions both answered
   * @param agreed of those, the ones with the same label
   */
  public record Agreement(long compared, long agreed) {
    /** Agreed over compared, or NaN when nothing was compared. */
    public double rate() {
      return compared == 0 ? Double.NaN : (double) agreed / compared;
    }
  }

  /** {@code version}'s figures on {@code routes} since {@code since}. */
  public VersionFigures version(String model, int version, List<String> routes, Instant since) {
    String m = Names.model(model);
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT "
          + "count(*) FILTER (WHERE p.outcome = 'ok'), "
          + "count(*) FILTER (WHERE p.outcome = 'model_error'), "
          + "count(*) FILTER (WHERE p.outcome = 'unavailable'), "
          + "coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY p.latency_ms) "
          + "  FILTER (WHERE p.outcome = 'ok'), 0), "
          + "count(f.label) FILTER (WHERE p.outcome = 'ok'), "
          + "count(*) FILTER (WHERE p.outcome = 'ok' AND f.label = p.label) "
          + "FROM prediction_log p LEFT JOIN LATERAL (SELECT label FROM prediction_feedback f "
          + "  WHERE f.request_id = p.request_id AND f.item = p.item ORDER BY f.id DESC LIMIT 1) f ON true "
          + "WHERE p.model_name = ? AND p.version = ? AND p.route = ANY (?) AND p.at >= ?")) {
        Array r = c.createArrayOf("text", routes.toArray());
        s.setString(1, m);
        s.setInt(2, version);
        s.setArray(3, r);
        s.setTimestamp(4, Timestamp.from(since));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return new VersionFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
              rs.getLong(5), rs.getLong(6));
        }
      }
    });
  }

  /**
   * How often {@code other} gave {@code version}'s label on the requests {@code version} answered
   * on {@code routes} since {@code since}.
   */
  public Agreement agreement(String model, int version, List<String> routes, int other, Instant since) {
    String m = Names.model(model);
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE a.label = b.label) "
          + "FROM prediction_log a JOIN prediction_log b ON b.request_id = a.request_id AND b.item = a.item "
          + "AND b.version = ? AND b.outcome = 'ok' "
          + "WHERE a.model_name = ? AND a.version = ? AND a.route = ANY (?) AND a.outcome = 'ok' AND a.at >= ?")) {
        s.setInt(1, other);
        s.setString(2, m);
        s.setInt(3, version);
        s.setArray(4, c.createArrayOf("text", routes.toArray()));
        s.setTimestamp(5, Timestamp.from(since));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return new Agreement(rs.getLong(1), rs.getLong(2));
        }
      }
    });
  }
}
