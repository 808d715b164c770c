package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Registers versions: idempotent by key, numbered gap-free by the database. */
final class Registration {

  /** The outcome: the version number, and whether this call created it. */
  record Registered(int version, boolean created) {}

  private Registration() {}

  static NewVersion validate(NewVersion v) {
    Names.model(v.modelName());
    Names.actor(v.actor());
    Names.framework(v.framework());
    Names.sha256(v.artifactSha256());
    if (v.idempotencyKey() == null || v.idempotencyKey().isBlank()) {
      throw RegistryException.invalid("an idempotency key is required to register a version");
    }
    Names.text("idempotency key", v.idempotencyKey(), 256);
    if (v.artifactUri() == null || v.artifactUri().isBlank()) {
      throw RegistryException.invalid("an artifact URI is required to register a version");
    }
    Names.text("artifact URI", v.artifactUri(), 2000);
    v.metrics().forEach((name, value) -> {
      if (value == null || !Double.isFinite(value)) {
        throw RegistryException.invalid("metric '" + name + "' is " + value + "; metrics must be finite numbers");
      }
    });
    Json.requireJson("provenance", v.provenanceJson());
    return v;
  }

  static Registered register(Connection c, NewVersion v) throws SQLException {
    ensureModel(c, v.modelName(), v.actor());
    ModelRows.LockedModel model = ModelRows.lockModel(c, v.modelName());
    Integer existing = byKey(c, model, v);
    if (existing != null) {
      return new Registered(existing, false);
    }
    int version = nextVersion(c, model);
    insert(c, model, version, v);
    AuditLog.append(c, Names.actor(v.actor()), "register", model.name(), version, null, null,
        "registered " + v.framework() + " artifact sha256:" + v.artifactSha256());
    return new Registered(version, true);
  }

  private static void ensureModel(Connection c, String name, String actor) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO models (name, created_by) "
        + "VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
      s.setString(1, name);
      s.setString(2, actor);
      s.executeUpdate();
    }
  }

  /** The version an earlier call with this key made; refuses a key reused for other content. */
  private static Integer byKey(Connection c, ModelRows.LockedModel model, NewVersion v)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT version, artifact_sha256 FROM model_versions "
        + "WHERE model_id = ? AND idempotency_key = ?")) {
      s.setLong(1, model.id());
      s.setString(2, v.idempotencyKey());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        if (!rs.getString(2).equals(v.artifactSha256())) {
          throw RegistryException.conflict("idempotency key '" + v.idempotencyKey()
              + "' already registered version " + rs.getInt(1) + " of '" + model.name()
              + "' with a different artifact (sha256:" + rs.getString(2) + ")");
        }
        return rs.getInt(1);
      }
    }
  }

  // The counter lives on the model row we hold locked; it rolls back with the transaction,
  // so a failed registration leaves no gap.
  private static int nextVersion(Connection c, ModelRows.LockedModel model) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE models SET last_version = last_version + 1 "
        + "WHERE id = ? RETURNING last_version")) {
      s.setLong(1, model.id());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void insert(Connection c, ModelRows.LockedModel model, int version, NewVersion v)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO model_versions (model_id, version, "
        + "artifact_uri, artifact_sha256, framework, metrics, params, provenance, dataset_digest, "
        + "code_version, parent_run, idempotency_key, created_by) "
        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)")) {
      s.setLong(1, model.id());
      s.setInt(2, version);
      s.setString(3, v.artifactUri());
      s.setString(4, v.artifactSha256());
      s.setString(5, v.framework());
      s.setString(6, Json.write(v.metrics()));
      s.setString(7, Json.write(v.params()));
      s.setString(8, v.provenanceJson());
      s.setString(9, v.lineage().datasetDigest());
      s.setString(10, v.lineage().codeVersion());
      s.setString(11, v.lineage().parentRun());
      s.setString(12, v.idempotencyKey());
      s.setString(13, Names.actor(v.actor()));
      s.executeUpdate();
    }
  }
}
