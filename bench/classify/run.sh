#!/usr/bin/env bash
# Throughput of k-mer classification with the default model (logreg, k=6): the compiled path
# beside Tribuo's path (-Dpromoter.inference.compiled=false), in one run. Not part of the Maven
# build or its tests.
#
#   bench/classify/run.sh [REPEATS]     default 10
#
# 1. End to end: `./promoter classify` (JVM start, FASTA parsing, output) over every record of
#    data/rrna (train + test) written REPEATS times into one plain FASTA, once per path; the two
#    label files must be identical. A one-record run gives the fixed start-up cost.
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
./mvnw -q -B -o -pl workers -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$out/classpath" -Dmdep.includeScope=runtime >/dev/null

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
head -2 "$fasta" >"$out/one.fasta"
records=$(grep -c '^>' "$fasta")
bases=$(grep -v '^>' "$fasta" | tr -d '\n' | wc -c)

now() { date +%s.%N; }
classify() { # MODE FASTA OUT -> seconds
  local opts=""
  [ "$1" = tribuo ] && opts="-Dpromoter.inference.compiled=false"
  local t0; t0=$(now)
  PROMOTER_JAVA_OPTS="$opts" ./promoter classify --model "$model" --fasta "$2" --out "$3"
  echo "$(now) - $t0" | bc -l
}
echo "== ./promoter classify, end to end: $records records, $(echo "$bases / 1000000" | bc -l | xargs printf '%.1f') Mbases ($repeats x data/rrna), $(nproc) cores"
for mode in tribuo compiled; do
  start=$(classify "$mode" "$out/one.fasta" "$out/one-$mode.tsv")
  secs=$(classify "$mode" "$fasta" "$out/labels-$mode.tsv")
  awk -v m="$mode" -v s="$secs" -v st="$start" -v n="$records" -v b="$bases" 'BEGIN {
    printf "%-8s %6.2f s  %9.0f sequences/s  %6.1f Mbases/s   (one-record run: %.2f s; net of it: %9.0f sequences/s)\n",
      m, s, n / s, b / s / 1e6, st, n / (s - st) }'
done
if cmp -s "$out/labels-tribuo.tsv" "$out/labels-compiled.tsv"; then
  echo "label files identical"
else
  echo "label files DIFFER"; exit 1
fi

echo "== SequenceClassifier.classify in one JVM (C2), data/rrna once per pass"
cp="activities/target/classes:workers/target/classes:$(cat "$out/classpath")"
"$JAVA_HOME/bin/java" -Xmx2g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$cp" \
  bench/classify/ClassifyBench.java "$model" 5 data/rrna/train.fasta.gz data/rrna/test.fasta.gz
