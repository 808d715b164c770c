-- The SQL of one GET /api/v1/models/NAME (token lookup, existence check, versions), straight to
-- Postgres: a lower bound for any HTTP server in front of it.
\set i random(1, 10000)
SELECT t.id, t.user_name, p.roles FROM api_tokens t JOIN principals p ON p.name = t.user_name
  WHERE t.secret_sha256 = decode(:dig, 'hex') AND t.revoked_at IS NULL AND t.expires_at > now();
SELECT 1 FROM models WHERE name = 'model-' || lpad(:i::text, 5, '0');
SELECT v.version, v.status, v.artifact_uri, v.artifact_sha256, v.framework, v.metrics::text,
  v.params::text, v.provenance::text, v.dataset_digest, v.code_version, v.parent_run, v.created_at,
  v.created_by, ARRAY(SELECT a.alias FROM aliases a WHERE a.model_id = v.model_id
    AND a.version_id = v.id ORDER BY a.alias)
  FROM model_versions v JOIN models m ON m.id = v.model_id
  WHERE m.name = 'model-' || lpad(:i::text, 5, '0') ORDER BY v.version;
