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

classify() { # MODE FASTA OUT -> "wall user sys" seconds
  local opts=""
  [ "$1" = tribuo ] && opts="-Dpromoter.inference.compiled=false"
  PROMOTER_JAVA_OPTS="$opts" /usr/bin/time -f "%e %U %S" -o "$out/time.txt" \
    ./promoter classify --model "$model" --fasta "$2" --out "$3"
  cat "$out/time.txt"
}
echo "== ./promoter classify, end to end: $records records, $(echo "$bases / 1000000" | bc -l | xargs printf '%.1f') Mbases ($repeats x data/rrna), $(nproc) cores"
echo "   (CPU = user + sys of the whole process, start-up included: steadier than wall time on a shared machine)"
for mode in tribuo compiled; do
  start=$(classify "$mode" "$out/one.fasta" "$out/one-$mode.tsv")
  run=$(classify "$mode" "$fasta" "$out/labels-$mode.tsv")
  awk -v m="$mode" -v r="$run" -v st="$start" -v n="$records" -v b="$bases" 'BEGIN {
    split(r, t, " "); split(st, u, " "); cpu = t[2] + t[3]; cpu1 = u[2] + u[3]
    printf "%-8s wall %6.2f s: %7.0f sequences/s %5.1f Mbases/s | CPU %6.2f s: %7.0f sequences per CPU-s" \
      " | one-record run: wall %.2f s, CPU %.2f s\n", m, t[1], n / t[1], b / t[1] / 1e6, cpu, n / cpu, u[1], cpu1 }'
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
