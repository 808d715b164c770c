#!/usr/bin/env bash
# Two builds of Promoter's server back to back on one home, in turns: CPU per request is the
# figure to compare on a shared machine (wall-clock rates move with the others' load).
#
#   BENCH_KEEP=1 bench/serving/run.sh          # once: leaves a home with the model promoted ("kept ...")
#   bench/serving/ab.sh HOME TREE_A TREE_B [ROUNDS]
#
# TREE_A and TREE_B are checkouts with the application built (`./mvnw -pl workers -am package
# -DskipTests`); e.g. a `git archive` of the base commit under /tmp beside this worktree. Each turn
# starts TREE's `./promoter server` on HOME, warms it (BENCH_JIT_WARMUP, 60 s), then drives single
# 16S genes at BENCH_CONNS (8) connections for BENCH_SECONDS (20) and prints a row of run.sh's
# table, CPU counting the JVM and its Postgres. PROMOTER_JAVA_OPTS_A / _B are passed to each side
# (e.g. a GC to compare on one build). BENCH_FASTA (e.g. run.sh's bench/out/serving/rrna-10000.fasta)
# adds run.sh's batch row, with the CPU per sequence over its 3 passes. BENCH_RATE (e.g. 5000) drives
# each turn open loop at that many requests/s with rate.c instead of wrk (run.sh's fixed-rate row:
# p50 to p99.9 from each request's due time, and the steal). Ports: PROMOTER_HTTP_PORT etc. from the environment, else free.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 3 ] || { sed -n 2,14p "$0"; exit 2; }
home=$1 tree_a=$(cd "$2" && pwd) tree_b=$(cd "$3" && pwd) rounds=${4:-2}
secs=${BENCH_SECONDS:-20} jit=${BENCH_JIT_WARMUP:-60} c=${BENCH_CONNS:-8}
py=/usr/bin/python3
[ -s "$home/out/single.jsonl" ] || { echo "$home/out/single.jsonl missing: run BENCH_KEEP=1 bench/serving/run.sh first" >&2; exit 2; }
free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export PROMOTER_HOME=$home
export PROMOTER_TEMPORAL_PORT=${PROMOTER_TEMPORAL_PORT:-$(free_port)} PROMOTER_POSTGRES_PORT=${PROMOTER_POSTGRES_PORT:-$(free_port)}
export PROMOTER_HTTP_PORT=${PROMOTER_HTTP_PORT:-$(free_port)}
export PROMOTER_PRINCIPALS=${PROMOTER_PRINCIPALS:-"demo=submitter,admin;reviewer=approver;alice=submitter,approver;bob=approver;vera=viewer"}
api="http://127.0.0.1:$PROMOTER_HTTP_PORT"
predict="/api/v1/models/rrna-classifier/predict"
out="$home/ab"; mkdir -p "$out"
. "$here/steal.sh"   # ticks, steal_since, as run.sh
[ -z "${BENCH_RATE:-}" ] || gcc -O2 -o "$out/rate" "$here/rate.c"
pid=""
stop() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do pgrep -f "$home/postgres" >/dev/null || break; sleep 1; done
    pid=""
  fi
}
trap stop EXIT
turn() { # label tree java-opts
  local label=$1 tree=$2
  PROMOTER_JAVA_OPTS="$3" "$tree/promoter" server >"$out/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -fs "$api/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { tail -30 "$out/$label.log"; exit 1; }
    sleep 1
  done
  local vera; vera=$(sed -n 's/^vera=//p' "$home/dev-tokens")
  local env=(BENCH_TOKEN="$vera" BENCH_BODIES="$home/out/single.jsonl" BENCH_PATH="$predict")
  env "${env[@]}" wrk -t1 -c"$c" -d"${jit}s" -s "$here/predict.lua" "$api" >/dev/null
  local before
  if [ -n "${BENCH_RATE:-}" ]; then
    "$out/rate" 127.0.0.1 "$PROMOTER_HTTP_PORT" "$predict" "$vera" "$home/out/single.jsonl" "$BENCH_RATE" 5 0 16 >/dev/null
    before=$($py "$here/cputime.py" "$pid" --cmdline "$home/postgres")
    local t0; t0=$(ticks)
    /usr/bin/time -f "%U %S" -o "$out/$label.ratetime" "$out/rate" 127.0.0.1 "$PROMOTER_HTTP_PORT" "$predict" \
      "$vera" "$home/out/single.jsonl" "$BENCH_RATE" "$secs" 0 16 >"$out/$label.rate"
    local used; used=$(echo "$($py "$here/cputime.py" "$pid" --cmdline "$home/postgres") - $before" | bc)
    echo "$($py "$here/row.py" --rate "$label" "$out/$label.rate" "$used" "$secs" \
      "$(awk '{print $1 + $2}' "$out/$label.ratetime")") $(steal_since "$t0") |"
    stop
    return
  fi
  before=$($py "$here/cputime.py" "$pid" --cmdline "$home/postgres")
  env "${env[@]}" /usr/bin/time -f "%U %S" -o "$out/$label.wrktime" \
    wrk -t1 -c"$c" -d"${secs}s" --latency -s "$here/predict.lua" "$api" >"$out/$label.txt"
  local used; used=$(echo "$($py "$here/cputime.py" "$pid" --cmdline "$home/postgres") - $before" | bc)
  $py "$here/row.py" "$label" "$out/$label.txt" "$used" "$secs" "$(awk '{print $1 + $2}' "$out/$label.wrktime")"
  if [ -n "${BENCH_FASTA:-}" ]; then # run.sh's batch row: JSON batches of <= 1,000 records, 2 clients, best of 3
    before=$($py "$here/cputime.py" "$pid" --cmdline "$home/postgres")
    local b; b=$($py "$here/batch.py" run "$api$predict" "$vera" "$BENCH_FASTA" 3 2)
    used=$(echo "$($py "$here/cputime.py" "$pid" --cmdline "$home/postgres") - $before" | bc)
    echo "|   $label batch: $b, CPU $(echo "scale=1; $used * 1000000 / 30000" | bc) us per sequence"
  fi
  stop
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BENCH_RATE:-}" ]; then
  echo "| run                    | answered/s | p50 ms  | p90 ms  | p99 ms  | p99.9 ms | max ms | CPU us/req | cores | errors | unfinished | generator cores | steal % |"
else
  echo "| run                    | req/s    | p50 ms  | p90 ms  | p99 ms  | CPU us/req | cores | errors | wrk cores |"
fi
for r in $(seq 1 "$rounds"); do
  turn "A$r" "$tree_a" "${PROMOTER_JAVA_OPTS_A:-}"
  turn "B$r" "$tree_b" "${PROMOTER_JAVA_OPTS_B:-}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
