-- Users, roles and API tokens live in the registry. The principals table stays the users table
-- (approval validation reads roles from it); a process's environment no longer grants roles.

-- Security changes (users, roles, tokens) have no model, and audit_log requires one, so they get
-- their own append-only log, refused rewrites exactly like audit_log.
CREATE TABLE security_audit (
    id      BIGSERIAL   PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor   TEXT        NOT NULL CHECK (actor <> ''),
    action  TEXT        NOT NULL,
    -- the user name or token id the change is about
    subject TEXT        NOT NULL,
    details TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX security_audit_by_subject ON security_audit (subject, id);

CREATE FUNCTION refuse_security_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'security_audit is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER security_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON security_audit
    FOR EACH ROW EXECUTE FUNCTION refuse_security_audit_rewrite();
CREATE TRIGGER security_audit_no_truncate BEFORE TRUNCATE ON security_audit
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_security_audit_rewrite();

-- null: the user signs in with API tokens only. The hash carries its algorithm ({bcrypt}...).
ALTER TABLE principals
    ADD COLUMN password_hash TEXT        NULL CHECK (password_hash <> ''),
    ADD COLUMN created_at    TIMESTAMPTZ NOT NULL DEFAULT now();

-- Only four roles exist now. Principals seeded before this migration may hold other names
-- (any lower-case word was accepted): those roles are dropped, and each drop is audited so an
-- operator can see who lost what. Role-less principals stay, holding no role.
INSERT INTO security_audit (actor, action, subject, details)
SELECT 'migration:V3', 'drop-unknown-roles', name,
       'dropped ' || array_to_string(ARRAY(
           SELECT r FROM unnest(roles) AS r
           WHERE r IS NULL OR r NOT IN ('viewer', 'submitter', 'approver', 'admin') ORDER BY r), ',', 'NULL')
FROM principals
WHERE NOT roles <@ ARRAY['viewer', 'submitter', 'approver', 'admin']::text[]
   OR array_position(roles, NULL) IS NOT NULL;

UPDATE principals
SET roles = ARRAY(SELECT DISTINCT r FROM unnest(roles) AS r
                  WHERE r IN ('viewer', 'submitter', 'approver', 'admin') ORDER BY r),
    updated_at = now()
WHERE NOT roles <@ ARRAY['viewer', 'submitter', 'approver', 'admin']::text[]
   OR array_position(roles, NULL) IS NOT NULL;

ALTER TABLE principals ADD CONSTRAINT principals_known_roles
    CHECK (roles <@ ARRAY['viewer', 'submitter', 'approver', 'admin']::text[]
           AND array_position(roles, NULL) IS NULL);

-- API tokens. The secret is 256 random bits, shown once at creation; only its SHA-256 is kept.
-- A fast unsalted hash is right here, unlike for passwords: a 256-bit random secret cannot be
-- guessed or found in a dictionary, so a slow hash would add nothing but cost, and this lookup
-- runs on every REST request. The unique index makes authentication one indexed query.
CREATE TABLE api_tokens (
    -- the public handle for listing and revoking; never enough to authenticate
    id            TEXT        PRIMARY KEY CHECK (id ~ '^tok_[a-z2-7]{10}$'),
    user_name     TEXT        NOT NULL REFERENCES principals (name) ON DELETE CASCADE,
    secret_sha256 BYTEA       NOT NULL UNIQUE CHECK (octet_length(secret_sha256) = 32),
    description   TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by    TEXT        NOT NULL CHECK (created_by <> ''),
    expires_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    -- updated at most every few minutes per token, never on every request
    last_used_at  TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_name, created_at);
