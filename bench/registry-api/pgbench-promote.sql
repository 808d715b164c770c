-- The SQL of one operator's promotion (PUT /api/v1/models/NAME/aliases/production; the statements
-- of AliasMoves.promote), straight to Postgres: a lower bound for any server in front of it. The
-- token lookup first, as every request does. -D hot=1: model-00001 only (every transaction waits
-- for the same row lock); hot=0: any of the 10,000. The version: 1-8 or 10 (9 is rejected).
\set m random(1, 10000)
\if :hot = 1
\set m 1
\endif
\set r random(1, 9)
\set v CASE WHEN :r = 9 THEN 10 ELSE :r END
SELECT t.id, t.user_name, p.roles FROM api_tokens t JOIN principals p ON p.name = t.user_name
  WHERE t.secret_sha256 = decode(:dig, 'hex') AND t.revoked_at IS NULL AND t.expires_at > now();
BEGIN;
SET LOCAL lock_timeout = '15s';
SELECT id AS mid FROM models WHERE name = 'model-' || lpad(:m::text, 5, '0') FOR UPDATE \gset
SELECT id AS tid, status AS tstatus FROM model_versions WHERE model_id = :mid AND version = :v \gset
SELECT v.id AS hid, v.version AS hver FROM aliases a JOIN model_versions v ON v.id = a.version_id
  WHERE a.model_id = :mid AND a.alias = 'production' \gset
\if :hid != :tid
INSERT INTO aliases (model_id, alias, version_id) VALUES (:mid, 'production', :tid)
  ON CONFLICT (model_id, alias) DO UPDATE SET version_id = EXCLUDED.version_id, updated_at = now();
UPDATE model_versions SET status = 'ACTIVE' WHERE id = :tid;
SELECT count(*) AS held FROM aliases WHERE version_id = :hid \gset
\if :held = 0
UPDATE model_versions SET status = 'ARCHIVED' WHERE id = :hid;
\endif
INSERT INTO audit_log (actor, action, model_name, version, alias, from_version, reason, details)
  VALUES ('demo', 'promote', 'model-' || lpad(:m::text, 5, '0'), :v, 'production', :hver,
          'benchmark: promotions under contention', '{"operator": true}'::jsonb) RETURNING id;
\endif
COMMIT;
