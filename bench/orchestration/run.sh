#!/usr/bin/env bash
# Orchestration overhead: the real lifecycle with no-op steps on the dev stack's embedded Temporal
# (ModelLifecycleWorkflowImpl, no-op activity implementations) and embedded Zeebe
# (model-lifecycle.bpmn, no-op job workers), side by side in one JVM run. Not part of the Maven
# build or its tests.
#
#   bench/orchestration/run.sh [SEQUENTIAL [TOTAL [IN_FLIGHT [WARMUP]]]]   default 200 1000 50 100
#
# Per engine: WARMUP lifecycles (not measured), then SEQUENTIAL lifecycles one at a time
# (median and p99 of a lifecycle, and per step: over the steps the engine hands to workers),
# then TOTAL lifecycles with IN_FLIGHT in flight (lifecycles per minute). Prints a Markdown table
# with the load average before and after each engine's runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/find-jdk.sh
promoter_find_jdk >/dev/null

sequential=${1:-200}
total=${2:-1000}
inflight=${3:-50}
warmup=${4:-100}
out=bench/out/orchestration
mkdir -p "$out"
# package, never install; the test class path holds the dev stack (Temporal test server, the
# embedded Zeebe engine) beside the application. bench/run-all.sh has built it already and hands
# over its class path (BENCH_PREBUILT)
if [ -n "${BENCH_PREBUILT:-}" ]; then
  cp "$BENCH_PREBUILT/test.classpath" "$out/classpath"
else
  ./mvnw -q -B -o -pl workers -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$out/classpath" -DincludeScope=test >/dev/null
fi
cp="workflows/target/classes:activities/target/classes:bpmn/target/classes:zeebe-dev/target/classes"
cp="$cp:workers/target/classes:$(cat "$out/classpath")"
"$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile=bench/logback-bench.xml \
  -cp "$cp" bench/orchestration/OrchestrationBench.java "$sequential" "$total" "$inflight" "$warmup" \
  2> >(grep -v '^WARNING' >&2)
