"""The peer: the Python model-server design (FastAPI + uvicorn + psycopg2, as MLflow-style
registries and the seeds' own server are built), serving the same two registry reads as
Promoter's REST API, on the same database, with the same SQL and the same bearer-token check.

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
from fastapi import FastAPI, Header, HTTPException, Query

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
                _pool = psycopg2.pool.ThreadedConnectionPool(1, 10, os.environ["PEER_DSN"])
    return _pool


# FastAPI runs sync endpoints on 40 threads; like Hikari, wait for one of the 10 connections
# instead of failing when all are out
_slots = threading.BoundedSemaphore(10)


class Conn:
    def __enter__(self):
        _slots.acquire()
        self.c = pool().getconn()
        self.c.autocommit = True
        return self.c.cursor()

    def __exit__(self, *exc):
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
    return row[1]


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
