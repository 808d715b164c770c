-- Rollouts: a second version beside an alias's holder, with a share of its traffic.
-- One row per model and alias; the holder keeps the rest. Changed only by TrafficSplits, in the
-- same transaction as its audit row (action 'split' or 'split-clear').
--   canary: the version answers `percent` % of requests (by request key), the rest the holder
--   shadow: the holder answers everything; `percent` % are also run on the version off the path
--   ab:     as canary, but judged on online accuracy against the holder
--   warm:   loaded and warmed by every replica, 0 % traffic (blue-green)
CREATE TABLE traffic_splits (
    model_id    BIGINT      NOT NULL REFERENCES models (id),
    alias       TEXT        NOT NULL,
    version_id  BIGINT      NOT NULL REFERENCES model_versions (id),
    mode        TEXT        NOT NULL CHECK (mode IN ('canary', 'shadow', 'ab', 'warm')),
    percent     INTEGER     NOT NULL CHECK (percent BETWEEN 0 AND 100),
    since       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (model_id, alias),
    CHECK (mode <> 'warm' OR percent = 0)
);

-- The prediction log learns the rollout routes, and records failures so gates read them from the
-- log: 'model_error' is the version's own exception on valid input (counted against it);
-- 'unavailable' is infrastructure (the artifact store or registry unreachable, a replica going
-- away) and is never counted as the model's error. A failed row has no label.
ALTER TABLE prediction_log DROP CONSTRAINT prediction_log_route_check;
ALTER TABLE prediction_log ADD CONSTRAINT prediction_log_route_check
    CHECK (route IN ('primary', 'fallback', 'canary', 'shadow', 'ab'));
ALTER TABLE prediction_log ADD COLUMN outcome TEXT NOT NULL DEFAULT 'ok'
    CHECK (outcome IN ('ok', 'model_error', 'unavailable'));
ALTER TABLE prediction_log ALTER COLUMN label DROP NOT NULL;
ALTER TABLE prediction_log ALTER COLUMN confidence DROP NOT NULL;
ALTER TABLE prediction_log ADD CONSTRAINT prediction_log_label_when_ok
    CHECK (outcome <> 'ok' OR (label IS NOT NULL AND confidence IS NOT NULL));
-- a shadow answer shares its request's id and item: one row per version that scored it
ALTER TABLE prediction_log DROP CONSTRAINT prediction_log_request_id_item_key;
ALTER TABLE prediction_log ADD CONSTRAINT prediction_log_request_item_version
    UNIQUE (request_id, item, version);
CREATE INDEX prediction_log_version_at ON prediction_log (model_name, version, at);
