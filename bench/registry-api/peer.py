"""The peer: the Python model-server design (FastAPI + uvicorn + psycopg2, as MLflow-style
registries and the seeds' own server are built), serving the same registry reads and the same
operator's promotion as Promoter's REST API, on the same database, with the same SQL and the same
bearer-token check.

Run: PEER_DSN='host=127.0.0.1 port=P dbname=promoter user=postgres' \
     python3 -m uvicorn peer:app --workers 2 --port 8790 --no-access-log
"""
import hashlib
import json
import os
import re
import threading

import psycopg2
import psycopg2.pool
from fastapi import Body, FastAPI, Header, HTTPException, Query

app = FastAPI()
_pool = None
_pool_lock = threading.Lock()
SECRET = re.compile(r"pmt_[A-Za-z0-9_-]{43}")

# the same statements as ApiTokens.authenticate and RegistryQueries (models page, versions)
STALE = "(t.last_used_at IS NULL OR t.last_used_at < now() - interval '5 minutes')"
AUTH = ("SELECT t.id, t.user_name, p.roles, " + STALE + " FROM api_tokens t "
        "JOIN principals p ON p.name = t.user_name "
        "WHERE t.secret_sha256 = %s AND t.revoked_at IS NULL AND t.expires_at > now()")
TOUCH = "UPDATE api_tokens t SET last_used_at = now() WHERE t.id = %s AND " + STALE
COUNT = "SELECT count(*) FROM models"
PAGE = ("SELECT id, name, last_version, created_at FROM models "
        "WHERE name >= (SELECT name FROM models ORDER BY name OFFSET %s LIMIT 1) ORDER BY name LIMIT %s")
AFTER = "SELECT id, name, last_version, created_at FROM models WHERE name > %s ORDER BY name LIMIT %s"
PAGE_ALIASES = ("SELECT m.name, a.alias, v.version FROM aliases a "
                "JOIN models m ON m.id = a.model_id JOIN model_versions v ON v.id = a.version_id "
                "WHERE a.model_id = ANY(%s) ORDER BY a.alias")
EXISTS = "SELECT 1 FROM models WHERE name = %s"
VERSIONS = ("SELECT v.version, v.status, v.artifact_uri, v.artifact_sha256, v.framework, "
            "v.metrics::text, v.params::text, v.provenance::text, v.dataset_digest, v.code_version, "
            "v.parent_run, v.created_at, v.created_by, "
            "ARRAY(SELECT a.alias FROM aliases a WHERE a.model_id = v.model_id AND a.version_id = v.id "
            "ORDER BY a.alias) "
            "FROM model_versions v JOIN models m ON m.id = v.model_id "
            "WHERE m.name = %s AND (%s::int IS NULL OR v.version = %s::int) ORDER BY v.version")


def pool():
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                # minconn = maxconn: psycopg2's pool closes every connection handed back while it
                # holds minconn idle ones, so with minconn 1 most requests under load opened a new
                # connection (a backend fork and a SCRAM handshake: the peer answered 35-43
                # requests/s instead of 150+); Hikari, ours, keeps its 10 open
                _pool = psycopg2.pool.ThreadedConnectionPool(10, 10, os.environ["PEER_DSN"])
    return _pool


# FastAPI runs sync endpoints on 40 threads; like Hikari, wait for one of the 10 connections
# instead of failing when all are out
_slots = threading.BoundedSemaphore(10)


class Conn:
    """A pooled connection's cursor: autocommit, or with transaction=True one transaction,
    committed when the block ends normally and rolled back when it raises."""

    def __init__(self, transaction=False):
        self.transaction = transaction

    def __enter__(self):
        _slots.acquire()
        self.c = pool().getconn()
        self.c.autocommit = not self.transaction
        return self.c.cursor()

    def __exit__(self, kind, *exc):
        try:
            if self.transaction:
                self.c.commit() if kind is None else self.c.rollback()
                self.c.autocommit = True
        finally:
            pool().putconn(self.c)
            _slots.release()


def authenticate(authorization):
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(401, "authentication required")
    secret = authorization[7:]
    if not SECRET.fullmatch(secret):
        raise HTTPException(401, "the bearer token is unknown, expired or revoked")
    digest = hashlib.sha256(secret.encode("ascii")).digest()
    with Conn() as cur:
        cur.execute(AUTH, (psycopg2.Binary(digest),))
        row = cur.fetchone()
        if row is None:
            raise HTTPException(401, "the bearer token is unknown, expired or revoked")
        if row[3]:
            cur.execute(TOUCH, (row[0],))
    roles = set(row[2])
    if not roles & {"viewer", "submitter", "approver", "admin"}:
        raise HTTPException(403, "needs a role")
    return row[1], roles


@app.get("/api/v1/models")
def models(page: int = 0, size: int = Query(50, le=500), after: str = None,
           authorization: str = Header(None)):
    authenticate(authorization)
    with Conn() as cur:
        if after is not None:  # keyset, like ours: no offset, no total
            cur.execute(AFTER, (after, size))
            rows = cur.fetchall()
            total = None
        else:
            cur.execute(COUNT)
            total = cur.fetchone()[0]
            cur.execute(PAGE, (page * size, size))
            rows = cur.fetchall()
        aliases = {}
        if rows:
            cur.execute(PAGE_ALIASES, ([r[0] for r in rows],))
            for name, alias, version in cur.fetchall():
                aliases.setdefault(name, {})[alias] = version
    items = [{"name": r[1], "latestVersion": r[2], "aliases": aliases.get(r[1], {}),
              "createdAt": r[3].isoformat()} for r in rows]
    if after is not None:
        return {"items": items, "size": size, "next": items[-1]["name"] if len(items) == size else None}
    return {"items": items, "page": page, "size": size, "total": total}


@app.get("/api/v1/models/{name}")
def model(name: str, authorization: str = Header(None)):
    authenticate(authorization)
    with Conn() as cur:
        cur.execute(EXISTS, (name,))
        if cur.fetchone() is None:
            raise HTTPException(404, "unknown model '%s'" % name)
        cur.execute(VERSIONS, (name, None, None))
        rows = cur.fetchall()
    versions = [{"modelName": name, "version": r[0], "status": r[1], "aliases": list(r[13]),
                 "artifactUri": r[2], "artifactSha256": r[3], "framework": r[4],
                 "metrics": json.loads(r[5]), "params": json.loads(r[6]), "provenanceJson": r[7],
                 "lineage": {"datasetDigest": r[8], "codeVersion": r[9], "parentRun": r[10]},
                 "createdAt": r[11].isoformat(), "createdBy": r[12]} for r in rows]
    return {"name": name, "versions": versions}


# An operator's promotion, the statements of ModelRegistry.promoteAsOperator (AliasMoves.promote):
# in one transaction, the model's row lock, the target and the present holder, the alias moved,
# both versions' status fixed, one audit row.
LOCK_TIMEOUT = "SET LOCAL lock_timeout = '15s'"
LOCK_MODEL = "SELECT id FROM models WHERE name = %s FOR UPDATE"
VERSION = "SELECT id, status FROM model_versions WHERE model_id = %s AND version = %s"
HOLDER = ("SELECT v.id, v.version, v.status FROM aliases a JOIN model_versions v ON v.id = a.version_id "
          "WHERE a.model_id = %s AND a.alias = %s")
MOVE = ("INSERT INTO aliases (model_id, alias, version_id) VALUES (%s, %s, %s) ON CONFLICT (model_id, alias) "
        "DO UPDATE SET version_id = EXCLUDED.version_id, updated_at = now()")
STATUS = "UPDATE model_versions SET status = %s WHERE id = %s"
HELD = "SELECT count(*) FROM aliases WHERE version_id = %s"
AUDIT = ("INSERT INTO audit_log (actor, action, model_name, version, alias, from_version, reason, details) "
         "VALUES (%s, 'promote', %s, %s, %s, %s, %s, '{\"operator\": true}'::jsonb) RETURNING id")


@app.put("/api/v1/models/{name}/aliases/{alias}")
def promote(name: str, alias: str, body: dict = Body(...), authorization: str = Header(None)):
    user, roles = authenticate(authorization)
    if "admin" not in roles:
        raise HTTPException(403, "moving an alias by hand needs the admin role")
    version, reason = body.get("version"), body.get("reason")
    if not isinstance(version, int) or not reason:
        raise HTTPException(400, "\"version\" and a reason are required")
    with Conn(transaction=True) as cur:
        cur.execute(LOCK_TIMEOUT)
        cur.execute(LOCK_MODEL, (name,))
        model = cur.fetchone()
        if model is None:
            raise HTTPException(404, "unknown model '%s'" % name)
        cur.execute(VERSION, (model[0], version))
        target = cur.fetchone()
        if target is None:
            raise HTTPException(404, "model '%s' has no version %d" % (name, version))
        if target[1] == "REJECTED":
            raise HTTPException(409, "version %d of '%s' was rejected" % (version, name))
        cur.execute(HOLDER, (model[0], alias))
        holder = cur.fetchone()
        before = holder[1] if holder else None
        if holder and holder[0] == target[0]:
            return {"modelName": name, "alias": alias, "fromVersion": before, "toVersion": version,
                    "changed": False, "auditId": 0}
        cur.execute(MOVE, (model[0], alias, target[0]))
        cur.execute(STATUS, ("ACTIVE", target[0]))
        if holder:
            cur.execute(HELD, (holder[0],))
            if cur.fetchone()[0] == 0:
                cur.execute(STATUS, ("ARCHIVED", holder[0]))
        cur.execute(AUDIT, (user, name, version, alias, before, reason))
        audit = cur.fetchone()[0]
    return {"modelName": name, "alias": alias, "fromVersion": before, "toVersion": version,
            "changed": True, "auditId": audit}
