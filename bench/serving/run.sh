#!/usr/bin/env bash
# Online predictions: Promoter's server beside a FastAPI + uvicorn + scikit-learn peer serving the
# same logistic regression, measured in one run. Not part of the Maven build or its tests.
#
#   bench/serving/run.sh                      # about 6 minutes after the build (training included)
#   BENCH_SECONDS=8 BENCH_JIT_WARMUP=20 BENCH_CONNS=16 bench/serving/run.sh   # quicker, noisier
#
# 1. Builds the application (package, never install) and starts `./promoter server` (embedded
#    stack) on a throwaway PROMOTER_HOME and free ports, with a viewer `vera` among the dev users.
# 2. Trains and promotes the default model the way a user does: a lifecycle with one logreg
#    candidate on data/rrna, started by alice over REST, approved by bob.
# 3. Exports that registered artifact's weights (ExportWeights.java) and starts the peer
#    (peer.py: the same weights in a scikit-learn LogisticRegression, numpy k-mer counting,
#    uvicorn with 2 worker processes, uvloop and httptools), then checks that both servers label
#    every record of data/rrna's test set the same.
# 4. wrk (1 thread) POSTs single real 16S genes (the 225 of data/rrna/test) to each, flat out at
#    BENCH_CONNS connections each, after a warm-up: requests/s, p50/p90/p99, and the CPU seconds
#    the server's processes used per request (cputime.py; ours counts its embedded Postgres).
#    Then the same genes at fixed rates (BENCH_RATES), open loop (rate.c): p50 to p99.9 at that load,
#    latency counted from each request's due time, the measure a target like "5,000/s, p99 < 5 ms" asks for;
#    and floor.c at the same rates, a server that computes nothing: the machine's own latency floor.
#    The Tomcat floor (TomcatFloor.java: ours' servlet container and connector settings answering a
#    fixed body) gets the same closed-loop and fixed-rate rows: the bound any model server on Tomcat has here.
# 5. Batch: a 10,000-record FASTA (data/rrna's records in order, repeated) sent to each as JSON
#    batches of at most 1,000 records / 900 KB by 2 client threads: sequences/s, best of 3; and
#    `./promoter classify` over the same file (one process, start-up included); the latency of
#    one request of 1 to 256 16S genes (batch.py growth); the server's RSS idle and at the end.
#    Results and the served model (for bench/run-all.sh) stay in BENCH_OUT.
#
# 6. Ours again with the predict door off (PROMOTER_HTTP_PREDICT_DOOR=false, the general filter
#    chain; BENCH_GENERAL=0 skips it): the same server and home restarted, the same warm-up and rows.
#
# Settings: BENCH_SECONDS (20), BENCH_WARMUP (10 per row), BENCH_JIT_WARMUP (60: requests to ours
# before the first row; on a busy 2-core machine C2 needs that long), BENCH_CONNS ("2 4 8": a
# latency-throughput curve, since p99 at one concurrency says little; every level runs both servers),
# BENCH_RATES ("1000 5000": open-loop rows at these requests/s, both servers; rate.c, compiled here),
# BENCH_KEEP=1 keeps the throwaway home (server and peer logs, raw wrk output), BENCH_OUT (bench/out/serving: results).
# PROMOTER_JAVA_OPTS passes through (e.g. -XX:StartFlightRecording=...).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
secs=${BENCH_SECONDS:-20}
warm=${BENCH_WARMUP:-10}
jit=${BENCH_JIT_WARMUP:-60}
conns=${BENCH_CONNS:-2 4 8}
rates=${BENCH_RATES-1000 5000}   # set and empty: no fixed-rate rows
results=${BENCH_OUT:-$root/bench/out/serving}
py=/usr/bin/python3   # Debian's, where the apt packages land (not a pyenv or venv python)
model=rrna-classifier

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v gcc >/dev/null || need+=(gcc)
$py -c 'import fastapi, uvicorn, sklearn, uvloop, httptools' 2>/dev/null \
  || need+=(python3-fastapi uvicorn python3-sklearn python3-uvloop python3-httptools)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get install -y -q "${need[@]}" >/dev/null
fi

cd "$root"
. bin/find-jdk.sh
promoter_find_jdk >/dev/null
mkdir -p "$results"
echo "== build (package, offline; drop -o once if a dependency is missing)"
if [ -n "${BENCH_PREBUILT:-}" ]; then   # bench/run-all.sh has built it and hands over its class path
  cp "$BENCH_PREBUILT/runtime.classpath" "$results/classpath"
else
  ./mvnw -q -B -o -pl workers -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$results/classpath" -DincludeScope=runtime >/dev/null
fi

free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export PROMOTER_HOME; PROMOTER_HOME="$(mktemp -d /tmp/promoter-serving.XXXXXX)"
# ports from the environment when set (a shared machine hands each session its own), else free ones
export PROMOTER_TEMPORAL_PORT=${PROMOTER_TEMPORAL_PORT:-$(free_port)} PROMOTER_POSTGRES_PORT=${PROMOTER_POSTGRES_PORT:-$(free_port)}
export PROMOTER_HTTP_PORT=${PROMOTER_HTTP_PORT:-$(free_port)}
export PROMOTER_PRINCIPALS="demo=submitter,admin;reviewer=approver;alice=submitter,approver;bob=approver;vera=viewer"
peer_port=$(free_port)
out="$PROMOTER_HOME/out"; mkdir -p "$out"
api="http://127.0.0.1:$PROMOTER_HTTP_PORT"
peer="http://127.0.0.1:$peer_port"
predict="/api/v1/models/$model/predict"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "${BENCH_KEEP:-0}" != 1 ]; then rm -rf "$PROMOTER_HOME"; else echo "kept $PROMOTER_HOME"; fi
}
trap cleanup EXIT

await_server() { # log: until the server answers its health check
  for _ in $(seq 1 240); do
    if curl -fs "$api/actuator/health" >/dev/null 2>&1 && [ -s "$PROMOTER_HOME/dev-tokens" ]; then break; fi
    kill -0 "${pids[0]}" 2>/dev/null || { tail -50 "$1"; echo "the server stopped" >&2; exit 1; }
    sleep 1
  done
  curl -fs "$api/actuator/health" >/dev/null || { tail -50 "$1"; echo "no health after 240 s" >&2; exit 1; }
}
echo "== start ./promoter server: home $PROMOTER_HOME, http $PROMOTER_HTTP_PORT"
./promoter server >"$out/server.log" 2>&1 &
pids+=($!)
await_server "$out/server.log"
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
hwm() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
sleep 5
rss_idle=$(rss "${pids[0]}")
echo "   server RSS idle (started, no model loaded): $rss_idle MB"
token() { sed -n "s/^$1=//p" "$PROMOTER_HOME/dev-tokens"; }
alice=$(token alice) bob=$(token bob) vera=$(token vera)
[ -n "$vera" ] || { echo "no viewer token in $PROMOTER_HOME/dev-tokens" >&2; exit 1; }

echo "== train and promote the default model (lifecycle: logreg on data/rrna, alice starts, bob approves)"
json() { $py -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
t0=$(date +%s)
run=$(curl -fsS -X POST "$api/api/v1/lifecycles" -H "Authorization: Bearer $alice" -H 'Content-Type: application/json' \
  -d "{\"model\": \"$model\", \"dataset\": \"data/rrna\", \"candidates\": [{\"trainer\": \"logreg\"}],
       \"metric\": \"macro_f1\", \"minimum\": 0.9}" | json 'd["runId"]')
status=RUNNING
for _ in $(seq 1 600); do
  status=$(curl -fsS "$api/api/v1/lifecycles/$run" -H "Authorization: Bearer $alice" | json 'd["run"]["status"]')
  [ "$status" = RUNNING ] || break
  sleep 2
done
[ "$status" = AWAITING_APPROVAL ] || { tail -30 "$out/server.log"; echo "run $run ended $status" >&2; exit 1; }
curl -fsS -X POST "$api/api/v1/lifecycles/$run/approve" -H "Authorization: Bearer $bob" \
  -H 'Content-Type: application/json' -d '{"reason": "benchmark"}' >/dev/null
for _ in $(seq 1 60); do
  status=$(curl -fsS "$api/api/v1/lifecycles/$run" -H "Authorization: Bearer $alice" | json 'd["run"]["status"]')
  [ "$status" = PROMOTED ] && break
  sleep 1
done
[ "$status" = PROMOTED ] || { echo "run $run is $status, not PROMOTED" >&2; exit 1; }
version=$(curl -fsS "$api/api/v1/models/$model" -H "Authorization: Bearer $vera" \
  | json '[v["version"] for v in d["versions"] if "production" in v["aliases"]][0]')
digest=$(curl -fsS "$api/api/v1/models/$model/versions/$version" -H "Authorization: Bearer $vera" | json 'd["artifactSha256"]')
echo "   $model v$version in production after $(( $(date +%s) - t0 )) s, artifact sha256 ${digest:0:12}..."
artifact=$(find "$PROMOTER_HOME/artifacts" -type f -name "$digest*" | head -1)
[ -f "$artifact" ] || { echo "artifact $digest not found under $PROMOTER_HOME/artifacts" >&2; exit 1; }

echo "== the peer: the same weights in scikit-learn, FastAPI + uvicorn (2 workers)"
"$JAVA_HOME/bin/java" -cp "activities/target/classes:$(cat "$results/classpath")" \
  "$here/ExportWeights.java" "$artifact" "$out/weights.json"
peer_token=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
(cd "$here" && PEER_TOKEN=$peer_token PEER_WEIGHTS="$out/weights.json" OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
  exec $py -B -m uvicorn peer:app --host 127.0.0.1 --port "$peer_port" --workers 2 --no-access-log \
  --log-level warning --loop uvloop --http httptools) >"$out/peer.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -fs -o /dev/null "$peer/docs" && break; sleep 0.5; done
curl -fs -o /dev/null "$peer/docs" || { cat "$out/peer.log"; echo "the peer did not start" >&2; exit 1; }

echo "== same answers? every record of data/rrna/test through both"
$py "$here/batch.py" bodies data/rrna/test.fasta.gz "$out/single.jsonl"
$py "$here/batch.py" agree "$api$predict" "$peer$predict" "$vera" "$peer_token" data/rrna/test.fasta.gz
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$api$predict" -H 'Content-Type: application/json' -d '{"sequence":"ACGT"}')
[ "$code" = 401 ] || { echo "ours answered $code without a token" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$peer$predict" -H 'Content-Type: application/json' -d '{"sequence":"ACGT"}')
[ "$code" = 401 ] || { echo "the peer answered $code without a token" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
cpu() { $py "$here/cputime.py" "$@"; }
. "$here/steal.sh"   # ticks, steal_since: the steal column
ours_cpu=("${pids[0]}" --cmdline "$PROMOTER_HOME/postgres")   # the JVM and its Postgres
# uvicorn's two workers share one listening socket, and the few long-lived connections of a wrk
# run may all land on one of them: the same peer gave 2,123 and 3,464 requests/s at 8 connections
# minutes apart (2026-11-30), one worker busy in the first. A peer row where one worker did over
# 80 % of the work is run again, up to 3 runs in all, and says how many it took.
worker_ticks() { # parent: "pid:ticks" of each of its child processes
  local k
  for k in $(pgrep -P "$1"); do awk -v p="$k" '{printf "%s:%d ", p, $14 + $15}' "/proc/$k/stat" 2>/dev/null; done
}
lopsided() { # before after: whether one process did over 80 % of the CPU between the two
  awk -v b="$1" -v a="$2" 'BEGIN {
    n = split(b, x, " "); for (i = 1; i <= n; i++) { split(x[i], f, ":"); was[f[1]] = f[2] }
    n = split(a, x, " "); for (i = 1; i <= n; i++) { split(x[i], f, ":"); d = f[2] - was[f[1]]; s += d; if (d > m) m = d }
    exit !(s > 0 && m > 0.8 * s) }'
}
drive() { # label base token connections pid...
  local label=$1 base=$2 tok=$3 c=$4; shift 4
  local env=(BENCH_TOKEN="$tok" BENCH_BODIES="$out/single.jsonl" BENCH_PATH="$predict")
  env "${env[@]}" wrk -t1 -c"$c" -d"${warm}s" -s "$here/predict.lua" "$base" >/dev/null
  local runs=0 workers before t0 used steal wrk_cpu note
  while :; do
    runs=$((runs + 1))
    workers=$(worker_ticks "$1")
    before=$(cpu "$@")
    t0=$(ticks)
    # wrk's own CPU too: on 2 cores the load generator competes with the server it measures
    env "${env[@]}" /usr/bin/time -f "%U %S" -o "$out/$label.wrktime" \
      wrk -t1 -c"$c" -d"${secs}s" --latency -s "$here/predict.lua" "$base" >"$out/$label.txt"
    used=$(echo "$(cpu "$@") - $before" | bc)
    steal=$(steal_since "$t0")
    note=""
    [ $runs = 1 ] || note=" (run $runs)"
    if [[ $label == peer* ]] && lopsided "$workers" "$(worker_ticks "$1")"; then
      if [ $runs -lt 3 ]; then
        echo "   ($label: one uvicorn worker did the work; run again)"
        continue
      fi
      note=" (run 3, one worker)"
    fi
    break
  done
  wrk_cpu=$(awk '{print $1 + $2}' "$out/$label.wrktime")
  rows+=("$($py "$here/row.py" "$label$note" "$out/$label.txt" "$used" "$secs" "$wrk_cpu") $steal |")
  echo "${rows[-1]}"
}
# The Tomcat floor: ours' servlet container with ours' connector settings answering a fixed body
# (TomcatFloor.java): what a model server on Tomcat could reach here before any work of its own
tomcat_port=$(free_port)
tomcat_cp=$(ls workers/target/promoter-app/lib/tomcat-embed-core-*.jar workers/target/promoter-app/lib/jakarta.annotation-api-*.jar | paste -sd:)
"$JAVA_HOME/bin/java" -cp "$tomcat_cp" "$here/TomcatFloor.java" "$tomcat_port" >"$out/tomcat-floor.log" 2>&1 &
pids+=($!)
tomcat_pid=$!
tomcat="http://127.0.0.1:$tomcat_port"
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$tomcat$predict" -H 'Authorization: Bearer x' -d '{}')" = 200 ] && break
  sleep 0.5
done
echo "== JIT warm-up: $jit s of single-gene requests to ours (C2 compiles Spring's request path; the peer has no JIT), 20 s to the Tomcat floor"
BENCH_TOKEN="$vera" BENCH_BODIES="$out/single.jsonl" BENCH_PATH="$predict" \
  wrk -t1 -c8 -d"${jit}s" -s "$here/predict.lua" "$api" >/dev/null
BENCH_TOKEN=none BENCH_BODIES="$out/single.jsonl" BENCH_PATH="$predict" \
  wrk -t1 -c8 -d20s -s "$here/predict.lua" "$tomcat" >/dev/null
echo "== single 16S genes, wrk flat out ($secs s after $warm s warm-up)"
for c in $conns; do
  drive "ours, c=$c" "$api" "$vera" "$c" "${ours_cpu[@]}"
  drive "peer, c=$c" "$peer" "$peer_token" "$c" "${pids[1]}"
  drive "tomcat floor, c=$c" "$tomcat" none "$c" "$tomcat_pid"
done

fixed_rows=()
if [ -n "$rates" ]; then
  echo "== single 16S genes at fixed rates (open loop: rate.c, latency from each request's due time)"
  gcc -O2 -o "$out/rate" "$here/rate.c"
  # the floor: a C server that answers at once and computes nothing, driven the same way; its
  # latency is what the kernel, the hypervisor and the generator add by themselves
  gcc -O2 -o "$out/floor" "$here/floor.c"
  floor_port=$(free_port)
  "$out/floor" "$floor_port" &
  pids+=($!)
  floor_pid=$!
fi
fixed() { # label base token rate pid...
  local label=$1 base=$2 tok=$3 r=$4; shift 4
  local port=${base##*:} file="$out/${label//\//-per-}"
  "$out/rate" 127.0.0.1 "$port" "$predict" "$tok" "$out/single.jsonl" "$r" "$warm" 0 16 >/dev/null
  local before; before=$(cpu "$@")
  local t0; t0=$(ticks)
  /usr/bin/time -f "%U %S" -o "$file.ratetime" \
    "$out/rate" 127.0.0.1 "$port" "$predict" "$tok" "$out/single.jsonl" "$r" "$secs" 0 16 >"$file.rate"
  local used; used=$(echo "$(cpu "$@") - $before" | bc)
  local steal; steal=$(steal_since "$t0")
  local gen_cpu; gen_cpu=$(awk '{print $1 + $2}' "$file.ratetime")
  fixed_rows+=("$($py "$here/row.py" --rate "$label" "$file.rate" "$used" "$secs" "$gen_cpu") $steal |")
  echo "${fixed_rows[-1]}"
}
for r in $rates; do
  fixed "ours, $r/s" "$api" "$vera" "$r" "${ours_cpu[@]}"
  fixed "peer, $r/s" "$peer" "$peer_token" "$r" "${pids[1]}"
  fixed "tomcat floor, $r/s" "$tomcat" none "$r" "$tomcat_pid"
  fixed "floor, $r/s" "http://127.0.0.1:$floor_port" none "$r" "$floor_pid"
done

echo "== batch: 10,000 records"
fasta="$results/rrna-10000.fasta"
if [ ! -f "$fasta" ]; then
  $py "$here/batch.py" first 10000 "$fasta.tmp" data/rrna/train.fasta.gz data/rrna/test.fasta.gz
  mv "$fasta.tmp" "$fasta"
fi
b_ours=$($py "$here/batch.py" run "$api$predict" "$vera" "$fasta" 3 2)
b_peer=$($py "$here/batch.py" run "$peer$predict" "$peer_token" "$fasta" 3 2)
echo "   ours: $b_ours"
echo "   peer: $b_peer"
echo "== latency by batch size (one connection, median of 20 after 2 warm-up requests)"
$py "$here/batch.py" growth "$api$predict" "$vera" "$fasta" 20 1 4 16 64 256 | tee "$results/growth-ours.tsv"
$py "$here/batch.py" growth "$peer$predict" "$peer_token" "$fasta" 20 1 4 16 64 256 >"$results/growth-peer.tsv"
rm -rf "$results/model"   # kept for the other benchmarks (bench/run-all.sh): the default model as served
$py -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$artifact" "$results/model"
/usr/bin/time -f "%e" -o "$out/classify.time" ./promoter classify --model "$results/model" --fasta "$fasta" \
  --out "$out/labels.tsv" 2>"$out/classify.log"
classify_s=$(tail -1 "$out/classify.time")
rss_serving=$(rss "${pids[0]}") hwm_serving=$(hwm "${pids[0]}")
echo "   ./promoter classify, one process, start-up included: $classify_s s"
if [ "${BENCH_GENERAL:-1}" = 1 ]; then
  # the same server and home with the predict door off: the general filter chain's figures in the
  # same run, so that the door's effect is not confused with the machine's load of the moment
  echo "== ours through the general filter chain (PROMOTER_HTTP_PREDICT_DOOR=false): restart, $jit s JIT warm-up"
  kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
  for _ in $(seq 1 60); do pgrep -f "$PROMOTER_HOME/postgres" >/dev/null || break; sleep 1; done
  PROMOTER_HTTP_PREDICT_DOOR=false ./promoter server >"$out/server-general.log" 2>&1 &
  pids[0]=$!
  await_server "$out/server-general.log"
  vera=$(token vera)
  BENCH_TOKEN="$vera" BENCH_BODIES="$out/single.jsonl" BENCH_PATH="$predict" \
    wrk -t1 -c8 -d"${jit}s" -s "$here/predict.lua" "$api" >/dev/null
  ours_cpu=("${pids[0]}" --cmdline "$PROMOTER_HOME/postgres")
  for c in $conns; do
    drive "ours general, c=$c" "$api" "$vera" "$c" "${ours_cpu[@]}"
  done
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
{
  echo "Online predictions, default model ($model v$version, logreg k=6), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load average: $load_before before, $load_after after; wrk (1 thread), both servers and Postgres share the cores"
  echo "single 16S genes from data/rrna/test (225, cycled), $secs s measured after $warm s warm-up per row"
  echo
  echo "CPU: user + system seconds of the server's processes (ours: the JVM and its Postgres; the peer: uvicorn and"
  echo "its workers) during the measured seconds, per request, and in cores busy; then wrk's own CPU, and the steal: the"
  echo "share of the machine's CPU time the hypervisor gave to other guests meanwhile (/proc/stat)"
  echo
  echo "| run                    | req/s    | p50 ms  | p90 ms  | p99 ms  | CPU us/req | cores | errors | wrk cores | steal % |"
  echo "| ---------------------- | -------: | ------: | ------: | ------: | -------: | ---: | ------ | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
  echo
  if [ ${#fixed_rows[@]} -gt 0 ]; then
    echo "at fixed rates, open loop (bench/serving/rate.c, 16 connections): each request is due at its time and its"
    echo "latency counts from then, also while it waits for a free connection (wrk2's correction); answered/s below the"
    echo "rate asked, or unfinished requests, mean the server could not keep up; the floor is floor.c, a server that"
    echo "answers at once and computes nothing: what the kernel, the hypervisor and the generator add by themselves;"
    echo "the Tomcat floor is ours' servlet container, set as ours, answering a fixed body (TomcatFloor.java)"
    echo
    echo "| run                    | answered/s | p50 ms  | p90 ms  | p99 ms  | p99.9 ms | max ms | CPU us/req | cores | errors | unfinished | generator cores | steal % |"
    echo "| ---------------------- | -------: | ------: | ------: | ------: | ------: | ------: | -------: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${fixed_rows[@]}"
    echo
  fi
  echo "batch, 10,000 records of data/rrna, JSON batches of <= 1,000 records / 900 KB, 2 clients, best of 3:"
  echo "| server | sequences/s |"
  echo "| --- | ---: |"
  echo "| ours | $(echo "$b_ours" | field seq_per_s) |"
  echo "| peer | $(echo "$b_peer" | field seq_per_s) |"
  echo "| ./promoter classify (one process, start-up included) | $(awk -v s="$classify_s" 'BEGIN {printf "%.0f", 10000 / s}') |"
  echo
  echo "server memory: RSS $rss_idle MB idle after start, $rss_serving MB after the runs (peak $hwm_serving MB)"
} | tee "$results/summary.md"
printf 'rss_idle_mb=%s rss_serving_mb=%s hwm_serving_mb=%s\n' "$rss_idle" "$rss_serving" "$hwm_serving" >"$results/memory.txt"
