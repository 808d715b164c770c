-- Retraining schedules, indexed in the registry: listing them needs no Temporal visibility API
-- (the embedded test server has none) and works the same whichever mechanism runs them.
CREATE TABLE retrain_schedules (
    name        TEXT        PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    cron        TEXT        NOT NULL,
    overlap     TEXT        NOT NULL CHECK (overlap IN ('SKIP', 'BUFFER_ONE')),
    model_name  TEXT        NOT NULL,
    mechanism   TEXT        NOT NULL,
    request     JSONB       NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
