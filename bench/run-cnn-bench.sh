#!/usr/bin/env bash
# CNN training throughput (sequences/s per epoch) and inference throughput on the device DJL's
# engine selects (CPU unless a CUDA libtorch and a GPU are present), with the CNN's macro-F1 on
# the full-length and fragment test sets. Not part of the Maven build or its tests.
#
#   bench/run-cnn-bench.sh [DATASET_DIR] [EPOCHS|default] [KEY=VALUE ...]   default: data/rrna, 2 epochs
#   EPOCHS sets epochs and patience alike; "default" keeps the config's own (14, patience 4).
#   e.g. bench/run-cnn-bench.sh data/rrna default                    # the default CNN, full run
#        bench/run-cnn-bench.sh data/rrna 2 max-per-class=200         # quicker
#        PROMOTER_MAX_GPUS=0 bench/run-cnn-bench.sh                   # force the CPU on a GPU node
#        OMP_NUM_THREADS=1 bench/run-cnn-bench.sh data/rrna default   # CPU-s on a loaded machine
#   JAVA_OPTS=-Dcnn.bench.validation=true ...: score on a held-out fifth of the training records
#   (for choosing settings) instead of the test set; -Dcnn.bench.validation=genomes holds out whole
#   genomes instead (what the test set's 5S genes are); -Dcnn.bench.skip-inference=true: quality only
# It prints the training CPU seconds of the process beside each epoch: on a shared machine compare
# those, not wall time (libtorch's OpenMP threads spin when the cores are oversubscribed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
promoter_find_jdk >/dev/null

data=${1:-data/rrna}
epochs=${2:-2}
shift $(( $# > 2 ? 2 : $# )) || true
mkdir -p bench/out
# every scope (the plugin's default): logback, which bench/logback-bench.xml configures, is a test
# dependency of gpu-worker. (The -Dmdep.includeScope=runtime this line had was never read: the
# plugin's property is includeScope.)
./mvnw -q -B -pl gpu-worker -am compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/out/cnn.classpath" >/dev/null
cp="gpu-worker/target/classes:activities/target/classes:workflows/target/classes:$(cat bench/out/cnn.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx4g ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
  -Dlogback.configurationFile=bench/logback-bench.xml -cp "$cp" bench/CnnBench.java "$data" "$epochs" "$@"
