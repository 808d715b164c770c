#!/usr/bin/env bash
# Throughput of k-mer classification with the default model (logreg, k=6): the compiled path
# beside Tribuo's path (-Dpromoter.inference.compiled=false), in one run. Not part of the Maven
# build or its tests.
#
#   bench/classify/run.sh [REPEATS]     default 10
#
# 1. End to end, under hyperfine (BENCH_RUNS timed runs after one warm-up run, which also leaves
#    model.compiled beside the model and the launcher's AOT cache in place): `./promoter classify`
#    over one record (the fixed start-up cost), over every record of data/rrna (train + test)
#    written REPEATS times into one plain FASTA, and over data/rrna/train written 10 times (39,340
#    records, 74 Mbases: issue 15's input). The compiled path on all three, Tribuo's path
#    (-Dpromoter.inference.compiled=false) on the second; with BENCH_BASELINE=DIR also DIR/promoter
#    (another checkout, built: the code before a change) on all three, in the same run. Every label
#    file of one input must be byte-identical to the others.
# 2. In one JVM: SequenceClassifier.classify over every record of data/rrna in batches of 4,096,
#    5 timed passes per path after a warm-up (ClassifyBench.java), and a count of predictions
#    that differ between the paths (must be 0).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/find-jdk.sh
promoter_find_jdk >/dev/null

repeats=${1:-10}
out=bench/out/classify
mkdir -p "$out"
# package, never install: ./promoter finds workers/target/promoter.jar up to date and runs it
# (bench/run-all.sh has built it already and hands over its class path: BENCH_PREBUILT)
if [ -n "${BENCH_PREBUILT:-}" ]; then
  cp "$BENCH_PREBUILT/runtime.classpath" "$out/classpath"
else
  # the plugin's property is includeScope (mdep.includeScope was ignored: every scope was listed)
  ./mvnw -q -B -o -pl workers -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$out/classpath" -DincludeScope=runtime >/dev/null
fi

model=$out/rrna-logreg
if [ ! -f "$model/model.tribuo" ]; then
  rm -rf "$model"
  ./promoter train --data data/rrna --out "$model" >"$out/train.log"
fi

fasta=$out/rrna-x$repeats.fasta
if [ ! -f "$fasta" ]; then
  for _ in $(seq "$repeats"); do zcat data/rrna/train.fasta.gz data/rrna/test.fasta.gz; done >"$fasta.tmp"
  mv "$fasta.tmp" "$fasta"
fi
train10=$out/rrna-train-x10.fasta
if [ ! -f "$train10" ]; then
  for _ in $(seq 10); do zcat data/rrna/train.fasta.gz; done >"$train10.tmp"
  mv "$train10.tmp" "$train10"
fi
head -2 "$fasta" >"$out/one.fasta"
runs=${BENCH_RUNS:-3}
baseline=${BENCH_BASELINE:-}
if [ -n "$baseline" ] && [ ! -x "$baseline/promoter" ]; then
  echo "BENCH_BASELINE=$baseline: no promoter launcher there" >&2; exit 2
fi
# The baseline gets its own copy of the model: model.compiled is a cache whose format may differ
# between the two builds, and each would rewrite the other's on every run, paying Tribuo's full
# model load each time.
baseline_model=$out/rrna-logreg-baseline
if [ -n "$baseline" ]; then
  rm -rf "$baseline_model" && mkdir -p "$baseline_model"
  cp "$model/metadata.json" "$model/model.tribuo" "$baseline_model/"
fi
if ! command -v hyperfine >/dev/null; then # Debian's, installed here as run.sh installs its peers
  echo "installing hyperfine" >&2
  apt-get install -y -q hyperfine >/dev/null || { echo "hyperfine is missing and could not be installed: apt-get install hyperfine" >&2; exit 2; }
fi

echo "== ./promoter classify, end to end, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before;"
echo "   hyperfine: $runs runs after 1 warm-up; CPU = user + sys of the whole process, start-up included"
echo "   (steadier than wall time on a shared machine)"
for input in one "rrna-x$repeats" rrna-train-x10; do
  f=$out/$input.fasta
  records=$(grep -c '^>' "$f")
  bases=$(grep -v '^>' "$f" | tr -d '\n' | wc -c)
  cmds=(-n compiled "./promoter classify --model $model --fasta $f --out $out/labels-$input-compiled.tsv")
  if [ "$input" = "rrna-x$repeats" ]; then
    cmds+=(-n tribuo "PROMOTER_JAVA_OPTS=-Dpromoter.inference.compiled=false ./promoter classify --model $model --fasta $f --out $out/labels-$input-tribuo.tsv")
  fi
  if [ -n "$baseline" ]; then
    cmds+=(-n baseline "$baseline/promoter classify --model $baseline_model --fasta $f --out $out/labels-$input-baseline.tsv")
  fi
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$out/hyperfine-$input.json" "${cmds[@]}" >/dev/null
  python3 - "$out/hyperfine-$input.json" "$input" "$records" "$bases" <<'PY'
import json, sys
results, name, n, b = json.load(open(sys.argv[1]))["results"], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
print(f"{name}: {n} records, {b / 1e6:.1f} Mbases")
for r in results:
    wall, best, cpu = r["median"], r["min"], r["user"] + r["system"]
    print(f"  {r['command']:<9} wall median {wall:6.2f} s (best {best:5.2f}): {n / wall:7.0f} sequences/s "
          f"(best {n / best:6.0f}), {b / wall / 1e6:5.1f} Mbases/s | CPU {cpu:5.2f} s: {n / cpu:7.0f} sequences per CPU-s")
PY
  for other in "$out"/labels-"$input"-*.tsv; do
    cmp -s "$out/labels-$input-compiled.tsv" "$other" || { echo "label files DIFFER: $other"; exit 1; }
  done
  echo "  label files identical ($(ls "$out"/labels-"$input"-*.tsv | wc -l) of them)"
done
echo "   load average $(cut -d' ' -f1-3 /proc/loadavg) after"

echo "== SequenceClassifier.classify in one JVM (C2), data/rrna once per pass"
cp="activities/target/classes:workers/target/classes:$(cat "$out/classpath")"
"$JAVA_HOME/bin/java" -Xmx2g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$cp" \
  bench/classify/ClassifyBench.java "$model" 5 data/rrna/train.fasta.gz data/rrna/test.fasta.gz
