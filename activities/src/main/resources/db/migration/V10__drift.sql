-- Drift closes the loop: monitors per model, the training reference each production artifact is
-- compared with (computed once per artifact digest), and every check a monitor made.

CREATE TABLE drift_monitors (
    model_name  TEXT        PRIMARY KEY CHECK (model_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    settings    JSONB       NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- SequenceSummary columns of the training records of an artifact, found through its lineage.
CREATE TABLE drift_references (
    artifact_sha256 TEXT        PRIMARY KEY CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
    dataset_digest  TEXT        NOT NULL,
    records         INTEGER     NOT NULL CHECK (records > 0),
    summary         JSONB       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE drift_checks (
    id               BIGSERIAL   PRIMARY KEY,
    -- the monitor's workflow id and the check's workflow time: a retried activity finds its row
    check_key        TEXT        NOT NULL UNIQUE,
    checked_at       TIMESTAMPTZ NOT NULL,
    model_name       TEXT        NOT NULL,
    version          INTEGER,
    reference_size   INTEGER     NOT NULL CHECK (reference_size >= 0),
    current_size     INTEGER     NOT NULL CHECK (current_size >= 0),
    verdict          TEXT        NOT NULL CHECK (verdict IN ('NONE', 'MODERATE', 'SIGNIFICANT', 'SKIPPED')),
    drifted_features INTEGER     NOT NULL CHECK (drifted_features >= 0),
    -- the most drifted features with their KS D, p-value and PSI
    top_features     JSONB       NOT NULL,
    note             TEXT        NOT NULL,
    retrain_window   TIMESTAMPTZ,
    retrain_run_id   TEXT,
    CHECK ((retrain_window IS NULL) = (retrain_run_id IS NULL))
);
CREATE INDEX drift_checks_model_at ON drift_checks (model_name, checked_at DESC);
-- at most one retraining run per model and cool-down window, whatever the monitors do
CREATE UNIQUE INDEX drift_checks_one_retrain_per_window ON drift_checks (model_name, retrain_window)
    WHERE retrain_run_id IS NOT NULL;

CREATE FUNCTION refuse_drift_check_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'drift_checks is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER drift_checks_append_only BEFORE UPDATE OR DELETE ON drift_checks
    FOR EACH ROW EXECUTE FUNCTION refuse_drift_check_rewrite();
CREATE TRIGGER drift_checks_no_truncate BEFORE TRUNCATE ON drift_checks
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_drift_check_rewrite();
