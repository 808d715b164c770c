-- The SQL of one GET /api/v1/models?page=P&size=50 (token lookup, count, page, its aliases),
-- straight to Postgres: a lower bound for any HTTP server in front of it. The aliases query takes
-- the page's ids from a generate_series (ids follow names in the seeded registry) because
-- pgbench cannot pass a result set from one statement to the next.
\set page random(0, 199)
\set lo :page * 50 + 1
SELECT t.id, t.user_name, p.roles FROM api_tokens t JOIN principals p ON p.name = t.user_name
  WHERE t.secret_sha256 = decode(:dig, 'hex') AND t.revoked_at IS NULL AND t.expires_at > now();
SELECT count(*) FROM models;
SELECT id, name, last_version, created_at FROM models
  WHERE name >= (SELECT name FROM models ORDER BY name OFFSET :page * 50 LIMIT 1) ORDER BY name LIMIT 50;
SELECT m.name, a.alias, v.version FROM aliases a JOIN models m ON m.id = a.model_id
  JOIN model_versions v ON v.id = a.version_id
  WHERE a.model_id = ANY(ARRAY(SELECT generate_series(:lo, :lo + 49)::bigint)) ORDER BY a.alias;
