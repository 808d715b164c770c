#!/usr/bin/env bash
# Registry reads and promotions through the REST API under load, beside a peer measured in the same run.
#
#   bench/registry-api/run.sh                 # full run (about 8 minutes after the build)
#   BENCH_SECONDS=10 bench/registry-api/run.sh   # quicker, noisier
#
# Starts `./promoter server` on a throwaway PROMOTER_HOME and free ports (never your .promoter),
# seeds 10,000 models x 10 versions with SQL, then drives GET /api/v1/models?page=P and
# GET /api/v1/models/NAME with wrk, flat out and paced at about 1,000 requests/s, and an admin's
# promotions (PUT /api/v1/models/NAME/aliases/production) flat out, all on one model (contention
# for its row lock) and spread over all of them; afterwards it checks from the audit log that no
# promotion of the contended model was lost. The peer is a
# FastAPI + uvicorn + psycopg2 service (peer.py) with the same SQL and the same token check on
# the same database; pgbench runs the bare SQL as a lower bound. Prints one table.
#
# Settings: BENCH_SECONDS (measured seconds per run, 20), BENCH_WARMUP (10), BENCH_CONNS (flat
# out: 16), BENCH_RATE (paced: 1100 requested, a little less arrives), BENCH_MAX_LOAD (wait for
# the 1-minute load average to fall below this, up to BENCH_LOAD_WAIT seconds: 0.8 / 600),
# BENCH_KEEP=1 keeps the throwaway home (server and peer logs, raw wrk output) afterwards.
# BENCH_MODES picks the endpoints: list (?page=), after (?after=, keyset), get (one model),
# promote-hot and promote-spread (an admin's PUT .../aliases/production: on one model, every request
# waiting for its row lock, or on any of the 10,000; flat out only); default all.
# PROMOTER_JAVA_OPTS passes through (e.g. -XX:StartFlightRecording=...).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
secs=${BENCH_SECONDS:-20}
warm=${BENCH_WARMUP:-10}
conns=${BENCH_CONNS:-16}
rate=${BENCH_RATE:-1100}
paced_conns=32
max_load=${BENCH_MAX_LOAD:-0.8}
load_wait=${BENCH_LOAD_WAIT:-600}
py=/usr/bin/python3   # Debian's, where the apt packages land (not a pyenv or venv python)

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v psql >/dev/null || need+=(postgresql-client)
command -v pgbench >/dev/null || need+=(postgresql-contrib)
command -v curl >/dev/null || need+=(curl)
$py -c 'import fastapi, uvicorn, psycopg2' 2>/dev/null \
  || need+=(python3-fastapi uvicorn python3-psycopg2 python3-uvloop python3-httptools)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get install -y -q "${need[@]}" >/dev/null
fi

free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export PROMOTER_HOME; PROMOTER_HOME="$(mktemp -d /tmp/promoter-bench.XXXXXX)"
export PROMOTER_TEMPORAL_PORT=$(free_port) PROMOTER_POSTGRES_PORT=$(free_port) PROMOTER_HTTP_PORT=$(free_port)
peer_port=$(free_port)
out="$PROMOTER_HOME/out"; mkdir -p "$out"
api="http://127.0.0.1:$PROMOTER_HTTP_PORT"
peer="http://127.0.0.1:$peer_port"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "${BENCH_KEEP:-0}" != 1 ]; then rm -rf "$PROMOTER_HOME"; fi
}
trap cleanup EXIT

echo "== build (if needed) and start: home $PROMOTER_HOME, http $PROMOTER_HTTP_PORT, postgres $PROMOTER_POSTGRES_PORT"
(cd "$root" && ./promoter --help >/dev/null)
(cd "$root" && exec ./promoter server) >"$out/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do
  if curl -fs "$api/actuator/health" >/dev/null 2>&1 && [ -s "$PROMOTER_HOME/dev-tokens" ]; then break; fi
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$out/server.log"; echo "the server stopped" >&2; exit 1; }
  sleep 1
done
curl -fs "$api/actuator/health" >/dev/null || { tail -50 "$out/server.log"; echo "no health after 240 s" >&2; exit 1; }
token=$(sed -n 's/^demo=//p' "$PROMOTER_HOME/dev-tokens")
[ -n "$token" ] || { echo "no demo token in $PROMOTER_HOME/dev-tokens" >&2; exit 1; }

echo "== seed 10,000 models x 10 versions"
export PGHOST=127.0.0.1 PGPORT=$PROMOTER_POSTGRES_PORT PGUSER=postgres PGDATABASE=promoter
# the dev Postgres asks for its generated superuser password (kept owner-only beside its data)
export PGPASSWORD=$(cat "$PROMOTER_HOME/postgres-password")
t0=$(date +%s.%N)
psql -q -X -f "$here/seed.sql"
printf 'seeded in %.1f s: %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" \
  "$(psql -At -X -c "SELECT count(*) || ' models, ' || (SELECT count(*) FROM model_versions) || ' versions, ' || (SELECT count(*) FROM aliases) || ' aliases' FROM models")"

echo "== start the peer (FastAPI + uvicorn, 2 worker processes, psycopg2)"
(cd "$here" && PEER_DSN="host=127.0.0.1 port=$PROMOTER_POSTGRES_PORT dbname=promoter user=postgres password=$PGPASSWORD" \
  exec $py -B -m uvicorn peer:app --host 127.0.0.1 --port "$peer_port" --workers 2 \
  --no-access-log --log-level warning) >"$out/peer.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fs -o /dev/null "$peer/docs" && break; sleep 0.5; done

echo "== same answers? (both endpoints, both servers)"
auth=(-H "Authorization: Bearer $token")
for path in "/api/v1/models?page=3&size=50" "/api/v1/models?after=model-04242&size=50" "/api/v1/models/model-04242"; do
  a=$(curl -fs "${auth[@]}" "$api$path" | $py -c 'import json,sys; d=json.load(sys.stdin); print(str(sorted(d)) + " " + str(len(d.get("items", d.get("versions", [])))))')
  b=$(curl -fs "${auth[@]}" "$peer$path" | $py -c 'import json,sys; d=json.load(sys.stdin); print(str(sorted(d)) + " " + str(len(d.get("items", d.get("versions", [])))))')
  echo "   $path  ours: $a  peer: $b"
  [ "$a" = "$b" ] || { echo "the peer does not answer like ours" >&2; exit 1; }
done
# a promotion to the version that holds production already: both answer it, neither changes anything
put=(-X PUT -H 'Content-Type: application/json' -d '{"version": 8, "reason": "benchmark: same answers"}')
keys='import json,sys; d=json.load(sys.stdin); print(sorted(d), d["fromVersion"], d["toVersion"], d["changed"])'
a=$(curl -fs "${auth[@]}" "${put[@]}" "$api/api/v1/models/model-00002/aliases/production" | $py -c "$keys")
b=$(curl -fs "${auth[@]}" "${put[@]}" "$peer/api/v1/models/model-00002/aliases/production" | $py -c "$keys")
echo "   PUT .../aliases/production  ours: $a  peer: $b"
[ "$a" = "$b" ] || { echo "the peer does not promote like ours" >&2; exit 1; }
curl -fs -o /dev/null -w '   ours without a token: %{http_code}\n' "$api/api/v1/models" || true

echo "== wait for a quiet machine (1-minute load < $max_load, up to $load_wait s)"
waited=0
while awk -v m="$max_load" '{exit !($1 >= m)}' /proc/loadavg && [ "$waited" -lt "$load_wait" ]; do
  sleep 10; waited=$((waited + 10))
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "   load average before the runs: $load_before (waited $waited s)"

rows=()
drive() { # label base mode paced?
  local label=$1 base=$2 mode=$3 paced=$4 c=$conns
  local env=(BENCH_TOKEN="$token" BENCH_MODE="$mode")
  if [ "$paced" = yes ]; then c=$paced_conns; env+=(BENCH_RATE="$rate" BENCH_CONNS="$c"); fi
  env "${env[@]}" wrk -t1 -c"$c" -d"${warm}s" -s "$here/wrk.lua" "$base" >/dev/null
  env "${env[@]}" wrk -t1 -c"$c" -d"${secs}s" --latency -s "$here/wrk.lua" "$base" >"$out/$label.txt"
  rows+=("$($py "$here/summarize.py" "$label" wrk "$out/$label.txt")")
  echo "${rows[-1]}"
}
modes=${BENCH_MODES:-list after get promote-hot promote-spread}
for mode in $modes; do
  case $mode in list|after|get|promote-hot|promote-spread) ;; *) echo "unknown mode $mode" >&2; exit 2 ;; esac
  drive "ours $mode, flat out, c=$conns" "$api" $mode no
  drive "peer $mode, flat out, c=$conns" "$peer" $mode no
  if [[ $mode != promote-* ]]; then   # a read's latency at a steady load; promotions only flat out
    drive "ours $mode, paced, c=$paced_conns" "$api" $mode yes
    drive "peer $mode, paced, c=$paced_conns" "$peer" $mode yes
  fi
done

dig=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
pgb() { # label script connections -D settings...
  local label=$1 script=$2 c=$3; shift 3
  rm -f "$out"/pgb.*
  (cd "$out" && pgbench -n -M prepared -c "$c" -j 1 -T "$secs" -D dig="$dig" "$@" -f "$here/$script" \
    --log --log-prefix=pgb >"$out/pgbench.log" 2>&1) || { tail -5 "$out/pgbench.log" >&2; return 1; }
  rows+=("$($py "$here/summarize.py" "$label" pgbench "$secs" "$out"/pgb.*)")
  echo "${rows[-1]}"
}
pgb "pgbench list SQL only, c=8" pgbench-list.sql 8
pgb "pgbench get SQL only, c=8" pgbench-get.sql 8
for mode in $modes; do
  case $mode in
    promote-hot) pgb "pgbench promote-hot SQL only, c=$conns" pgbench-promote.sql "$conns" -D hot=1 ;;
    promote-spread) pgb "pgbench promote-spread SQL only, c=$conns" pgbench-promote.sql "$conns" -D hot=0 ;;
  esac
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# No promotion lost: every move of model-00001's production, by all three (ours, the peer, pgbench),
# found the alias where the move before it left it (its from_version is the previous row's version),
# and the alias ends where the last audited move put it.
chain=""
if [[ " $modes " == *" promote-hot "* ]]; then
  chain=$(psql -At -X -F ' ' -c "
    WITH moves AS (SELECT id, version, from_version, lag(version) OVER (ORDER BY id) AS before
                   FROM audit_log WHERE model_name = 'model-00001' AND alias = 'production'
                     AND action = 'promote' AND reason = 'benchmark: promotions under contention')
    SELECT count(*), count(*) FILTER (WHERE before IS NOT NULL AND from_version IS DISTINCT FROM before),
           (SELECT version FROM moves ORDER BY id DESC LIMIT 1),
           (SELECT v.version FROM aliases a JOIN model_versions v ON v.id = a.version_id
              JOIN models m ON m.id = a.model_id WHERE m.name = 'model-00001' AND a.alias = 'production')
    FROM moves")
  read -r moved breaks last holder <<<"$chain"
  chain="model-00001's production moved $moved times under contention (ours, the peer and pgbench); moves that did not find it where the move before left it: $breaks; the last audited move put it on v$last, and v$holder holds it"
  [ "$breaks" = 0 ] && [ "$last" = "$holder" ] || { echo "$chain: a promotion was lost" >&2; exit 1; }
fi

echo
echo "Registry reads and promotions, 10,000 models x 10 versions, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
echo "load average: $load_before before, $load_after after; wrk (1 thread) shares the cores with the servers and Postgres"
echo "$secs s measured after $warm s warm-up per row; latencies in ms"
echo
echo "| run                                | req/s    | p50     | p90     | p99     | errors |"
echo "| ---------------------------------- | -------: | ------: | ------: | ------: | ------ |"
printf '%s\n' "${rows[@]}"
if [ -n "$chain" ]; then echo; echo "$chain."; fi
