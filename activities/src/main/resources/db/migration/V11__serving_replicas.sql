-- Serving replicas report what they have loaded, about once a second, so a blue-green rollout can
-- wait until every live replica has its candidate warm before traffic switches. A replica is live
-- while its seen_at is recent (the database's clock, so hosts' clocks never disagree). Written
-- only by ServingReplicas: each report replaces the replica's rows in one transaction; a replica
-- that stops cleanly deletes itself, and one unseen for an hour is deleted by the next report.
CREATE TABLE serving_replicas (
    replica    TEXT        PRIMARY KEY CHECK (length(replica) BETWEEN 1 AND 200),
    started_at TIMESTAMPTZ NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE serving_replica_versions (
    replica    TEXT        NOT NULL REFERENCES serving_replicas (replica) ON DELETE CASCADE,
    model_name TEXT        NOT NULL,
    version    INTEGER     NOT NULL CHECK (version > 0),
    state      TEXT        NOT NULL CHECK (state IN ('LOADING', 'WARM', 'ACTIVE', 'DEGRADED', 'FAILED')),
    cause      TEXT,
    loaded_at  TIMESTAMPTZ,
    PRIMARY KEY (replica, model_name, version)
);
CREATE INDEX serving_replica_versions_model ON serving_replica_versions (model_name, version);
