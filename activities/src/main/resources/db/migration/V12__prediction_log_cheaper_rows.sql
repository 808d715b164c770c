-- The prediction log is the serving path's one write: every answered sequence is a row, tens of
-- thousands a second on a busy replica, and on the embedded stack Postgres shares the server's
-- cores. What a row cost Postgres (COPY of 200,000 real rows into an empty table, the backend's
-- CPU, PG 18, 3 runs) was 24-34 us, most of it in index maintenance and JSONB parsing; with this
-- migration 14-17 us.
--
-- * (model_name, at) served no query: the drift monitor and the rollout gates read
--   (model_name, version, at), the agreement and feedback lookups (request_id, item, version).
-- * (at) serves only the hourly retention delete. Rows arrive in time order, which is the case a
--   BRIN index is made for: a few pages summarise the whole table and an insert rarely touches it.
-- * features is a JSON object our writer builds and only our code reads back (as text); JSONB
--   parsed and rebuilt it on every insert. Query it with features::jsonb ->> 'gc'.
-- * request ids and model names are compared for equality and ordered only inside indexes:
--   byte order ("C") instead of the database's locale makes every comparison a memcmp. The
--   feedback table joins on the same columns, so it gets the same collation.
DROP INDEX prediction_log_model_at;
DROP INDEX prediction_log_at;
CREATE INDEX prediction_log_at_brin ON prediction_log USING brin (at);
ALTER TABLE prediction_log
    ALTER COLUMN features TYPE TEXT USING features::text,
    ALTER COLUMN request_id TYPE TEXT COLLATE "C",
    ALTER COLUMN model_name TYPE TEXT COLLATE "C";
ALTER TABLE prediction_feedback
    ALTER COLUMN request_id TYPE TEXT COLLATE "C",
    ALTER COLUMN model_name TYPE TEXT COLLATE "C";
