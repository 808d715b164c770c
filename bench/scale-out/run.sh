#!/usr/bin/env bash
# CPU worker slots per process against lifecycle throughput: how many activities one
# `./promoter server --pools cpu` should run at once (PROMOTER_CPU_SLOTS).
#
#   bench/scale-out/run.sh                      # slots 1, 2, 4; 4 lifecycles each
#   BENCH_SLOTS="1 2" BENCH_RUNS=2 bench/scale-out/run.sh
#
# For each slot count: a fresh `./promoter server --pools cpu` (embedded stack, throwaway
# PROMOTER_HOME, free ports, never your .promoter) with PROMOTER_CPU_SLOTS set; BENCH_RUNS
# lifecycles started at once through the REST API, each with one logreg candidate on data/rrna
# (BENCH_EPOCHS epochs, 1 fragment) on its own model; the clock stops when every run waits for
# approval (record, train, evaluate, register, stage, smoke check all done). Prints one line per
# slot count with the 1-minute load average before and after: on a shared machine read the
# figures as ratios.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
slots_list=${BENCH_SLOTS:-"1 2 4"}
runs=${BENCH_RUNS:-4}
epochs=${BENCH_EPOCHS:-3}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load() { cut -d' ' -f1 /proc/loadavg; }

(cd "$root" && ./promoter --help >/dev/null)   # builds when needed
echo "cores $(nproc); $runs lifecycles per row (logreg, $epochs epochs, 1 fragment, data/rrna)"
printf '%-6s %-9s %-12s %-10s\n' slots seconds "runs/minute" "load"
for slots in $slots_list; do
  export PROMOTER_HOME; PROMOTER_HOME="$(mktemp -d /tmp/promoter-scale.XXXXXX)"
  export PROMOTER_TEMPORAL_PORT=$(free_port) PROMOTER_POSTGRES_PORT=$(free_port) PROMOTER_HTTP_PORT=$(free_port)
  export PROMOTER_CPU_SLOTS=$slots
  api="http://127.0.0.1:$PROMOTER_HTTP_PORT"
  (cd "$root" && exec ./promoter server --pools cpu) >"$PROMOTER_HOME/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    if curl -fs "$api/actuator/health" >/dev/null 2>&1 && [ -s "$PROMOTER_HOME/dev-tokens" ]; then break; fi
    kill -0 $server 2>/dev/null || { tail -30 "$PROMOTER_HOME/server.log"; exit 1; }
    sleep 1
  done
  token=$(sed -n 's/^alice=//p' "$PROMOTER_HOME/dev-tokens")
  before=$(load)
  t0=$(date +%s.%N)
  ids=()
  for i in $(seq 1 "$runs"); do
    ids+=("$(curl -fs -X POST "$api/api/v1/lifecycles" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' \
      -d "{\"model\":\"scale-$i\",\"dataset\":\"data/rrna\",\"minimum\":0,\"candidates\":[{\"trainer\":\"logreg\",\"params\":{\"epochs\":\"$epochs\",\"fragments\":\"1\"}}]}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["runId"])')")
  done
  while :; do
    pending=$(curl -fs "$api/api/v1/approvals?status=PENDING&size=100" -H "Authorization: Bearer $token" || true)
    done_runs=0
    for id in "${ids[@]}"; do
      case "$pending" in *"$id"*) done_runs=$((done_runs + 1)) ;; esac
    done
    [ "$done_runs" -eq "$runs" ] && break
    kill -0 $server 2>/dev/null || { tail -30 "$PROMOTER_HOME/server.log"; exit 1; }
    sleep 0.5
  done
  secs=$(echo "$(date +%s.%N) - $t0" | bc)
  printf '%-6s %-9.1f %-12.2f %s -> %s\n' "$slots" "$secs" "$(echo "$runs * 60 / $secs" | bc -l)" "$before" "$(load)"
  kill $server; wait $server 2>/dev/null || true
  rm -rf "$PROMOTER_HOME"
done
