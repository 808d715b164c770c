-- Promoter model registry, first schema.
-- Naming rules live here as CHECK constraints so that no client, ours or a hand-written one,
-- can store a name the CLI and URLs cannot address.

CREATE TABLE models (
    id           BIGSERIAL PRIMARY KEY,
    name         TEXT        NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    description  TEXT        NOT NULL DEFAULT '',
    -- the last version number handed out; bumped under the model row lock, inside the
    -- registering transaction, so numbers are gap-free even when a registration rolls back
    last_version INTEGER     NOT NULL DEFAULT 0 CHECK (last_version >= 0),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by   TEXT        NOT NULL
);

CREATE TABLE model_versions (
    id               BIGSERIAL PRIMARY KEY,
    model_id         BIGINT      NOT NULL REFERENCES models (id),
    version          INTEGER     NOT NULL CHECK (version > 0),
    status           TEXT        NOT NULL DEFAULT 'REGISTERED'
                                 CHECK (status IN ('REGISTERED', 'ACTIVE', 'ARCHIVED', 'REJECTED')),
    artifact_uri     TEXT        NOT NULL CHECK (artifact_uri <> ''),
    artifact_sha256  TEXT        NOT NULL CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
    framework        TEXT        NOT NULL CHECK (framework ~ '^[a-z][a-z0-9_-]{0,31}$'),
    metrics          JSONB       NOT NULL DEFAULT '{}',
    params           JSONB       NOT NULL DEFAULT '{}',
    provenance       JSONB,
    dataset_digest   TEXT,
    code_version     TEXT,
    parent_run       TEXT,
    idempotency_key  TEXT        NOT NULL CHECK (idempotency_key <> ''),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by       TEXT        NOT NULL,
    UNIQUE (model_id, version),
    UNIQUE (model_id, idempotency_key)
);

-- One row per (model, alias): the primary key is what makes "exactly one holder" true.
CREATE TABLE aliases (
    model_id   BIGINT      NOT NULL REFERENCES models (id),
    alias      TEXT        NOT NULL CHECK (alias ~ '^[a-z][a-z0-9_-]{0,63}$'),
    version_id BIGINT      NOT NULL REFERENCES model_versions (id),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, alias)
);

CREATE TABLE lifecycle_runs (
    run_id       TEXT        PRIMARY KEY,
    model_name   TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('LIFECYCLE', 'RETRAIN', 'ROLLBACK')),
    status       TEXT        NOT NULL CHECK (status IN ('RUNNING', 'AWAITING_APPROVAL', 'PROMOTED',
                                 'NOT_PROMOTED', 'REJECTED', 'EXPIRED', 'FAILED', 'ROLLED_BACK')),
    submitted_by TEXT        NOT NULL,
    input        JSONB       NOT NULL DEFAULT '{}',
    result       JSONB,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at     TIMESTAMPTZ
);

CREATE TABLE approval_requests (
    id               BIGSERIAL PRIMARY KEY,
    run_id           TEXT        NOT NULL REFERENCES lifecycle_runs (run_id),
    model_version_id BIGINT      NOT NULL REFERENCES model_versions (id),
    target_alias     TEXT        NOT NULL CHECK (target_alias ~ '^[a-z][a-z0-9_-]{0,63}$'),
    requested_by     TEXT        NOT NULL,
    approver_role    TEXT        NOT NULL DEFAULT 'approver',
    status           TEXT        NOT NULL DEFAULT 'PENDING'
                                 CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    expires_at       TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (run_id, model_version_id)
);

CREATE TABLE approval_decisions (
    id          BIGSERIAL PRIMARY KEY,
    request_id  BIGINT      NOT NULL UNIQUE REFERENCES approval_requests (id),
    decision    TEXT        NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED')),
    actor       TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    decided_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The audit log is the history that rollback replays, so it must not be rewritable.
CREATE TABLE audit_log (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor        TEXT        NOT NULL CHECK (actor <> ''),
    action       TEXT        NOT NULL,
    model_name   TEXT        NOT NULL,
    version      INTEGER,
    alias        TEXT,
    from_version INTEGER,
    reason       TEXT        NOT NULL DEFAULT '',
    details      JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_model_alias ON audit_log (model_name, alias, id);

CREATE FUNCTION refuse_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_rewrite();
