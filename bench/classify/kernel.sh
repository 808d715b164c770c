#!/usr/bin/env bash
# The compiled model's kernel alone, per gene, one thread (KernelBench.java); COPIES=2 runs two
# JVMs at once, to see what a second busy core costs the first. Not part of the Maven build.
#
#   bench/classify/kernel.sh [PASSES]       default 12; needs bench/classify/run.sh's model
#                                            (bench/out/classify/rrna-logreg) and its class path
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/find-jdk.sh
promoter_find_jdk >/dev/null
out=bench/out/classify
[ -f "$out/rrna-logreg/model.tribuo" ] && [ -f "$out/classpath" ] \
  || { echo "run bench/classify/run.sh first (it trains the model and writes the class path)" >&2; exit 2; }
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
cp="activities/target/classes:$(cat "$out/classpath")"
"$JAVA_HOME/bin/javac" -d "$classes" -cp "$cp" bench/classify/KernelBench.java
run() { "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$classes:$cp" dev.promoter.inference.KernelBench \
  "$out/rrna-logreg" "${1:-12}" data/rrna/train.fasta.gz data/rrna/test.fasta.gz; }
if [ "${COPIES:-1}" = 2 ]; then
  run "$@" >"$classes/second.txt" 2>&1 &
  run "$@" | sed 's/^/first:  /'
  wait
  sed 's/^/second: /' "$classes/second.txt"
else
  run "$@"
fi
