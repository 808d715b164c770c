-- What the lifecycle workflows need from the registry: who may do what, and each experiment's
-- candidates.

-- Principals and their roles (submitter, approver, admin), seeded from configuration. Approval
-- validation reads them, so a UI or another engine sees the same rules.
CREATE TABLE principals (
    name       TEXT        PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$'),
    roles      TEXT[]      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every candidate an experiment trained, kept whether or not it was registered.
CREATE TABLE experiment_candidates (
    run_id          TEXT        NOT NULL REFERENCES lifecycle_runs (run_id),
    candidate       TEXT        NOT NULL,
    trainer         TEXT        NOT NULL,
    framework       TEXT        NOT NULL,
    artifact_uri    TEXT        NOT NULL,
    artifact_sha256 TEXT        NOT NULL CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
    metrics         JSONB       NOT NULL,
    params          JSONB       NOT NULL,
    dataset_digest  TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, candidate)
);

CREATE INDEX lifecycle_runs_by_start ON lifecycle_runs (started_at DESC);
CREATE INDEX approval_requests_pending ON approval_requests (status) WHERE status = 'PENDING';
