-- Online predictions, one row per answered sequence, written in batches off the request path.
-- Append-only: a row is never rewritten. The only deletion is retention, which must say so by
-- setting promoter.prediction_log_retention for its own transaction; anything else is refused.
CREATE TABLE prediction_log (
    id          BIGSERIAL        PRIMARY KEY,
    at          TIMESTAMPTZ      NOT NULL,
    request_id  TEXT             NOT NULL,
    item        INTEGER          NOT NULL CHECK (item >= 0),
    model_name  TEXT             NOT NULL,
    version     INTEGER          NOT NULL,
    route       TEXT             NOT NULL CHECK (route IN ('primary', 'fallback')),
    latency_ms  DOUBLE PRECISION NOT NULL,
    label       TEXT             NOT NULL,
    confidence  DOUBLE PRECISION NOT NULL,
    -- a compact summary for drift (length, base composition), never the sequence itself
    features    JSONB            NOT NULL,
    UNIQUE (request_id, item)
);
CREATE INDEX prediction_log_model_at ON prediction_log (model_name, at);
CREATE INDEX prediction_log_at ON prediction_log (at);

-- True labels sent back by users for earlier predictions; the latest per prediction counts.
CREATE TABLE prediction_feedback (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    request_id  TEXT        NOT NULL,
    item        INTEGER     NOT NULL,
    model_name  TEXT        NOT NULL,
    label       TEXT        NOT NULL,
    actor       TEXT        NOT NULL
);
CREATE INDEX prediction_feedback_request ON prediction_feedback (request_id, item);

CREATE FUNCTION refuse_prediction_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('promoter.prediction_log_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER prediction_log_append_only BEFORE UPDATE OR DELETE ON prediction_log
    FOR EACH ROW EXECUTE FUNCTION refuse_prediction_rewrite();
CREATE TRIGGER prediction_log_no_truncate BEFORE TRUNCATE ON prediction_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_prediction_rewrite();
CREATE TRIGGER prediction_feedback_append_only BEFORE UPDATE OR DELETE ON prediction_feedback
    FOR EACH ROW EXECUTE FUNCTION refuse_prediction_rewrite();
CREATE TRIGGER prediction_feedback_no_truncate BEFORE TRUNCATE ON prediction_feedback
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_prediction_rewrite();
