package dev.promoter.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Every candidate an experiment trained, registered or not: the run's lab notebook. */
public final class Experiments {
  private final Transactions tx;

  /** Experiments in this database. */
  public Experiments(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * A trained candidate.
   *
   * @param runId the run
   * @param candidate its name within the run
   * @param trainer its trainer
   * @param framework what loads it
   * @param artifactUri where its model is
   * @param artifactSha256 the model's digest
   * @param metrics held-out evaluation
   * @param params training parameters
   * @param datasetDigest the data it saw
   */
  public record Candidate(String runId, String candidate, String trainer, String framework,
      String artifactUri, String artifactSha256, Map<String, Double> metrics,
      Map<String, String> params, String datasetDigest) {}

  /** Records a candidate. Idempotent by run and candidate name. */
  public void record(Candidate c) {
    Names.sha256(c.artifactSha256());
    tx.inTransaction(conn -> {
      try (PreparedStatement s = conn.prepareStatement("INSERT INTO experiment_candidates (run_id, "
          + "candidate, trainer, framework, artifact_uri, artifact_sha256, metrics, params, dataset_digest) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) ON CONFLICT (run_id, candidate) DO NOTHING")) {
        s.setString(1, c.runId());
        s.setString(2, c.candidate());
        s.setString(3, c.trainer());
        s.setString(4, c.framework());
        s.setString(5, c.artifactUri());
        s.setString(6, c.artifactSha256());
        s.setString(7, Json.write(c.metrics()));
        s.setString(8, Json.write(c.params()));
        s.setString(9, c.datasetDigest());
        s.executeUpdate();
      }
      return null;
    });
  }

  /** A run's candidates in the order they were recorded. */
  public List<Candidate> of(String runId) {
    return tx.readOnly(conn -> {
      try (PreparedStatement s = conn.prepareStatement("SELECT candidate, trainer, framework, "
          + "artifact_uri, artifact_sha256, metrics::text, params::text, dataset_digest "
          + "FROM experiment_candidates WHERE run_id = ? ORDER BY recorded_at, candidate")) {
        s.setString(1, runId);
        List<Candidate> list = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            list.add(new Candidate(runId, rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), Json.metrics(rs.getString(6)),
                Json.params(rs.getString(7)), rs.getString(8)));
          }
        }
        return list;
      }
    });
  }
}
