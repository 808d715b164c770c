#!/usr/bin/env bash
# Times the Java k-mer featurizer against the seed design's Python (collections.Counter) on the
# same FASTA and prints them side by side. Not part of the Maven build or its tests.
#
#   bench/run-kmer-bench.sh [FASTA] [k]       default: a synthetic 20,000-record file, k=6
#   e.g. bench/run-kmer-bench.sh data/rrna/train.fasta.gz 6
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
promoter_find_jdk >/dev/null

input=${1:-}
k=${2:-6}
if [ -z "$input" ]; then
  input=bench/out/synthetic.fasta.gz
  mkdir -p bench/out
  [ -f "$input" ] || python3 bench/make_synthetic_fasta.py "$input"
fi

./mvnw -q -B -pl activities -am compile
java_out=$("$JAVA_HOME/bin/java" -Xmx4g -cp activities/target/classes bench/KmerBench.java "$input" "$k")
py_out=$(python3 bench/kmer_python.py "$input" --k "$k")

echo "input: $input"
echo "$java_out"
echo "$py_out"
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
cores=$(echo "$java_out" | tail -1 | sed -n 's/.*threads=\([0-9]*\).*/\1/p')
awk -v k="$k" -v c="$cores" \
    -v pyb="$(echo "$py_out" | field best_mbases_per_s)" -v pym="$(echo "$py_out" | field median_mbases_per_s)" \
    -v j1b="$(echo "$java_out" | head -1 | field best_per_core)" -v j1m="$(echo "$java_out" | head -1 | field median_per_core)" \
    -v jab="$(echo "$java_out" | tail -1 | field best_per_core)" -v jam="$(echo "$java_out" | tail -1 | field median_per_core)" 'BEGIN {
  printf "\nMbases/s per core, k=%d        %10s %10s %12s %12s\n", k, "best", "median", "best ratio", "median ratio"
  printf "%-32s %10.3f %10.3f %11.0fx %11.0fx\n", "Python Counter (1 core)", pyb, pym, 1, 1
  printf "%-32s %10.1f %10.1f %11.0fx %11.0fx\n", "Java, 1 thread", j1b, j1m, j1b / pyb, j1m / pym
  printf "%-32s %10.1f %10.1f %11.0fx %11.0fx\n", "Java, " c " threads (per core)", jab, jam, jab / pyb, jam / pym
}'
