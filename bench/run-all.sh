#!/usr/bin/env bash
# Every benchmark in one run, each beside its peer on the same input, written to bench/REPORT.md
# with PNG plots in bench/report/. Not part of the Maven build or its tests.
#
#   bench/run-all.sh --quick     smaller inputs and shorter runs (under 10 minutes on 2 cores)
#   bench/run-all.sh             the full sizes (about 40 minutes on 2 cores, demo included)
#
# Installs what is missing from Debian (wrk, gnuplot, gcc, sortmerna, barrnap, hyperfine, the FastAPI peer's
# packages, phylip, iqtree, raxml; in the full run also r-cran-ape, r-cran-phangorn), builds the
# application once (package, never install), then runs:
#   featurization  Java vs Python Counter vs plain C (bench/run-kmer-bench.sh, bench/kmer_c.c),
#                  and its growth with the number of sequences
#   serving        bench/serving/run.sh: predict API vs FastAPI + scikit-learn, batch, batch-size growth
#   classification ours vs sortmerna on data/rrna/test (macro-F1, sequences/s whole process, and per
#                  sequence with fixed costs apart: both again on the records repeated), barrnap as a locator;
#                  bench/classify/run.sh (compiled vs Tribuo, end to end)
#   registry       bench/registry-api/run.sh (GET one model of 10,000; quick: that endpoint only)
#   orchestration  bench/orchestration/run.sh: a no-op lifecycle on the embedded Temporal and the
#                  embedded Zeebe, per-step overhead and lifecycles/minute with 50 in flight
#   consensus      bench/consensus/bench.py vs RAxML, PHYLIP, IQ-TREE (and ape, phangorn: full run),
#                  time against trees x taxa as a plot; the full run also trees and taxa apart
#   memory         peak RSS: classify, server idle and serving (from the serving run), demo (full run)
#   cnn            bench/run-cnn-bench.sh (full run only)
# A section that fails is reported as failed with its log; the others still run. Raw output in
# bench/out/report/.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
quick=0
[ "${1:-}" = --quick ] && quick=1
out=$root/bench/out/report
plots=$root/bench/report
report=$root/bench/REPORT.md
py=/usr/bin/python3
mkdir -p "$out" "$plots"
started=$(date +%s)

need=()
for pair in wrk:wrk gnuplot:gnuplot-nox gcc:gcc sortmerna:sortmerna barrnap:barrnap bc:bc hyperfine:hyperfine; do
  command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
[ -x /usr/bin/time ] || need+=(time)
$py -c 'import fastapi, uvicorn, sklearn, uvloop, httptools' 2>/dev/null \
  || need+=(python3-fastapi uvicorn python3-sklearn python3-uvloop python3-httptools)
[ -x /usr/lib/phylip/bin/consense ] || need+=(phylip)   # Debian keeps PHYLIP's programs there
for pair in raxmlHPC:raxml iqtree2:iqtree; do
  command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
if [ $quick = 0 ]; then # R (about 260 MB with its dependencies) for the full run only
  command -v Rscript >/dev/null || need+=(r-cran-ape)
  Rscript -e 'library(phangorn)' >/dev/null 2>&1 || need+=(r-cran-phangorn)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get install -y -q "${need[@]}" >"$out/apt.log" 2>&1 || { tail "$out/apt.log"; exit 1; }
fi

. bin/find-jdk.sh
promoter_find_jdk >/dev/null
echo "== build (package, offline)"
# the benchmarks below take their class paths from this one build instead of each starting Maven
# again (BENCH_PREBUILT: see workers/pom.xml's bench-classpaths profile)
rm -rf "$out/classpaths"
./mvnw -q -B -o -pl workers -am package -DskipTests -Dbench.classpaths="$out/classpaths" >"$out/build.log" 2>&1 \
  || { tail -30 "$out/build.log"; exit 1; }
export BENCH_PREBUILT="$out/classpaths"

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A titles
section() { # NAME TITLE FUNCTION: runs FUNCTION, its stdout into the section's fragment
  local name=$1 title=$2 fn=$3 t0; t0=$(date +%s)
  echo "== $title"
  { echo "## $title"; echo; echo "_Measured $(date -u '+%Y-%m-%d %H:%M UTC')$([ $quick = 1 ] && echo ', --quick')._"; echo; } >"$out/$name.md"
  if ! "$fn" >>"$out/$name.md" 2>"$out/$name.err"; then
    { echo; echo "**This section failed**; the end of its log (\`bench/out/report/$name.err\`):"; echo
      echo '```'; tail -15 "$out/$name.err"; echo '```'; } >>"$out/$name.md"
  fi
  printf '\n_Section time: %d s; load average at its end: %s._\n\n' "$(( $(date +%s) - t0 ))" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/$name.md"
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" | head -1; }
png() { # OUT.png TITLE XLABEL YLABEL then gnuplot plot commands on stdin
  { echo "set terminal pngcairo size 720,440 font 'sans,10'; set output '$1'"
    echo "set title '$2'; set xlabel '$3'; set ylabel '$4'; set grid; set key left top"
    cat; } | gnuplot 2>>"$out/gnuplot.err"
}

featurization() {
  local plain=$out/train.fasta
  zcat data/rrna/train.fasta.gz >"$plain"
  gcc -O2 -o "$out/kmer_c" bench/kmer_c.c
  echo "Same input for all three: \`data/rrna/train.fasta.gz\` (real rRNA genes), k = 6, one thread each, timed by the thread's CPU time (a neighbour's turn on the core is not counted against either side)."
  echo
  echo '```'
  echo "bench/run-kmer-bench.sh data/rrna/train.fasta.gz 6      # Java (KmerBench.java) and Python Counter (kmer_python.py)"
  echo "gcc -O2 -o kmer_c bench/kmer_c.c && ./kmer_c train.fasta 6   # the plain C 2-bit rolling count"
  echo '```'
  echo
  local jp c
  jp=$(bench/run-kmer-bench.sh data/rrna/train.fasta.gz 6 2>&1) || { echo "$jp" >&2; return 1; }
  c=$("$out/kmer_c" "$plain" 6)
  echo "$jp" >"$out/kmer.txt"; echo "$c" >>"$out/kmer.txt"
  local j1 j1m jn py pym cb cm
  j1=$(echo "$jp" | grep '^java.*threads=1 ' | field best_per_core)
  j1m=$(echo "$jp" | grep '^java.*threads=1 ' | field median_per_core)
  jn=$(echo "$jp" | grep '^java' | tail -1 | field best_per_core)
  py=$(echo "$jp" | grep '^python' | field best_mbases_per_s)
  pym=$(echo "$jp" | grep '^python' | field median_mbases_per_s)
  cb=$(echo "$c" | field best_per_core); cm=$(echo "$c" | field median_per_core)
  echo "| k = 6, Mbases/s per core | best | median | Java / this (best) |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| plain C, 1 thread | $cb | $cm | $(echo "scale=2; $j1 / $cb" | bc) |"
  echo "| **Java (ours), 1 thread** | **$j1** | $j1m | 1 |"
  echo "| Java (ours), all cores, per core | $jn | | |"
  echo "| Python Counter, 1 thread | $py | $pym | $(echo "$j1 / $py" | bc)x |"
  echo
  echo "Target (issue 15): Java at least 75 % of the C loop, one core: **$(echo "scale=0; 100 * $j1 / $cb" | bc) %** in this run (best passes)."
  echo
  # growth with the number of sequences: Java and C over the first N records
  local cp="activities/target/classes" n
  printf 'records\tmbases\tjava_s\tc_s\n' >"$out/featurize-growth.tsv"
  for n in 250 500 1000 2000 3934; do
    awk -v n="$n" '/^>/ {r++} r > n {exit} {print}' "$plain" >"$out/head.fasta"
    local jl cl mb
    jl=$("$JAVA_HOME/bin/java" -Xmx2g -Dkmer.warmup.ms=300 -cp "$cp" bench/KmerBench.java "$out/head.fasta" 6 | head -1)
    cl=$("$out/kmer_c" "$out/head.fasta" 6)
    mb=$(echo "$jl" | field mbases)
    printf '%d\t%s\t%s\t%s\n' "$n" "$mb" "$(echo "scale=5; $mb / $(echo "$jl" | field best_mbases_per_s)" | bc)" \
      "$(echo "scale=5; $mb / $(echo "$cl" | field best_mbases_per_s)" | bc)" >>"$out/featurize-growth.tsv"
  done
  png "$plots/featurize-growth.png" "k-mer featurization (k=6) vs number of sequences, one core, best pass" \
    "sequences (first N of data/rrna/train)" "seconds per pass" <<PLOT
plot '$out/featurize-growth.tsv' using 1:3 with linespoints title 'Java (ours)', '' using 1:4 with linespoints title 'plain C'
PLOT
  echo "How the time grows with the number of sequences (first N records of the same file, best of 40 passes each, Java after a 0.3 s warm-up):"
  echo
  echo "![featurization growth](report/featurize-growth.png)"
  echo
  echo "| records | Mbases | Java s | C s |"; echo "| ---: | ---: | ---: | ---: |"
  tail -n +2 "$out/featurize-growth.tsv" | awk -F'\t' '{printf "| %d | %s | %.4f | %.4f |\n", $1, $2, $3, $4}'
}

serving() {
  local secs=20 warm=10 conns="8 32" jit=60 rates="1000 5000"
  # --quick: no fixed-rate rows, whose peer row alone runs into the 10 s drain (it cannot keep 5,000/s)
  [ $quick = 1 ] && secs=8 warm=4 conns="16" jit=60 rates=""   # 20 s left C2 mid-way on a busy machine
  echo '```'
  echo "BENCH_SECONDS=$secs BENCH_WARMUP=$warm BENCH_JIT_WARMUP=$jit BENCH_CONNS=\"$conns\" BENCH_RATES=\"$rates\" bench/serving/run.sh"
  echo '```'
  echo
  BENCH_SECONDS=$secs BENCH_WARMUP=$warm BENCH_JIT_WARMUP=$jit BENCH_CONNS="$conns" BENCH_RATES="$rates" bench/serving/run.sh >"$out/serving.txt" 2>&1 \
    || { tail -30 "$out/serving.txt" >&2; return 1; }
  sed -n '/^Online predictions/,$p' "$out/serving.txt"
  local s=bench/out/serving
  png "$plots/predict-growth.png" "predict latency vs batch size (16S genes, one connection, median)" \
    "sequences per request" "milliseconds" <<PLOT
set logscale xy
plot '$s/growth-ours.tsv' using 1:2 with linespoints title 'ours', '$s/growth-peer.tsv' using 1:2 with linespoints title 'FastAPI + scikit-learn'
PLOT
  echo
  echo "Latency by batch size (median of 20 requests after 2 warm-up ones, one connection):"
  echo
  echo "![predict latency by batch size](report/predict-growth.png)"
  echo
  echo "| sequences | ours ms | ours us/sequence | peer ms | peer us/sequence |"; echo "| ---: | ---: | ---: | ---: | ---: |"
  paste "$s/growth-ours.tsv" "$s/growth-peer.tsv" | tail -n +2 | awk -F'\t' '{printf "| %d | %.2f | %.0f | %.2f | %.0f |\n", $1, $2, $4, $6, $8}'
}

classification() {
  local m=bench/out/serving/model test=$out/test.fasta train=$out/train.fasta w=$out/sortmerna
  if [ ! -f "$m/model.tribuo" ]; then
    # the serving section did not run: the same default model, trained the way a user does
    m=bench/out/classify/rrna-logreg
    if [ ! -f "$m/model.tribuo" ]; then
      rm -rf "$m"; mkdir -p bench/out/classify
      ./promoter train --data data/rrna --out "$m" >"$out/classify-train.log" 2>&1 || { tail "$out/classify-train.log" >&2; return 1; }
    fi
  fi
  zcat data/rrna/test.fasta.gz >"$test"
  [ -f "$train" ] || zcat data/rrna/train.fasta.gz >"$train"
  local n; n=$(grep -c '^>' "$test")
  echo "The default model (the one the serving section trained and promoted, else \`promoter train --data data/rrna\`) against sortmerna 4.3 with the"
  echo "training records as its reference (it ships no databases), on the same $n test records of data/rrna."
  echo "A read sortmerna does not align is called non-rRNA; otherwise the class of its best hit."
  echo
  echo '```'
  echo "./promoter classify --model $m --fasta test.fasta --out ours.tsv"
  echo "sortmerna --ref train.fasta --reads test.fasta --index 1 --workdir W              # indexing, timed apart"
  echo "sortmerna --ref train.fasta --reads test.fasta --index 0 --workdir W --blast 1 --num_alignments 1 --threads $(nproc)"
  echo "bench/report/sortmerna.py labels|score ...                                       # labels and macro-F1"
  echo '```'
  echo
  # one run first, untimed: it leaves the launcher's AOT cache and the model's model.compiled, which
  # every later run uses (the first classify after training decodes Tribuo's file instead)
  ./promoter classify --model "$m" --fasta "$test" --out "$out/ours.tsv" 2>"$out/ours.err"
  # Then five timed runs, and the one of median CPU: a run of about 0.3 s varies by a fifth from one
  # launch to the next on a shared VM, where sortmerna's 20 s average their own noise out.
  local i
  for i in 1 2 3 4 5; do
    /usr/bin/time -f '%e %M %U %S' -o "$out/ours.time.$i" ./promoter classify --model "$m" --fasta "$test" \
      --out "$out/ours.tsv" 2>"$out/ours.err"
  done
  local by_cpu ours_cpus   # "CPU-s run" lines, fewest CPU-s first
  by_cpu=$(for i in 1 2 3 4 5; do awk -v i="$i" '{printf "%.2f %d\n", $3 + $4, i}' "$out/ours.time.$i"; done | sort -n)
  ours_cpus=$(cut -d' ' -f1 <<<"$by_cpu" | paste -sd' ')
  cp "$out/ours.time.$(sed -n '3s/.* //p' <<<"$by_cpu")" "$out/ours.time"
  rm -rf "$w"; mkdir -p "$w"
  /usr/bin/time -f '%e %M %U %S' -o "$out/smr-index.time" sortmerna --ref "$train" --reads "$test" --index 1 --workdir "$w" \
    --threads "$(nproc)" >"$out/smr-index.log" 2>&1 || { tail "$out/smr-index.log" >&2; return 1; }
  rm -rf "$w/readb" "$w/kvdb" "$w/out"
  /usr/bin/time -f '%e %M %U %S' -o "$out/smr-align.time" sortmerna --ref "$train" --reads "$test" --index 0 --workdir "$w" \
    --blast 1 --num_alignments 1 --threads "$(nproc)" >"$out/smr-align.log" 2>&1 || { tail "$out/smr-align.log" >&2; return 1; }
  $py bench/report/sortmerna.py labels "$train" "$w/out/aligned.blast" "$test" "$out/smr.tsv"
  # Per-sequence (marginal) rates, fixed costs apart: both again on more of the same records, and
  # the difference in CPU time over the difference in records. Ours: the test records 30 times
  # (its fixed cost, the JVM's start and the model's load, then weighs little); sortmerna: 3 times
  # (about 1.5 minutes of CPU; its index is already built and is not counted in either run).
  local ours_reps=30 smr_reps=3
  [ $quick = 1 ] && smr_reps=2   # sortmerna's x 3 alone takes 40 s of the quick run's 10 minutes
  for r in $ours_reps $smr_reps; do
    [ -f "$out/test-x$r.fasta" ] || for _ in $(seq "$r"); do cat "$test"; done >"$out/test-x$r.fasta"
  done
  /usr/bin/time -f '%e %M %U %S' -o "$out/ours-x$ours_reps.time" ./promoter classify --model "$m" \
    --fasta "$out/test-x$ours_reps.fasta" --out "$out/ours-x$ours_reps.tsv" 2>"$out/ours-x$ours_reps.err"
  rm -rf "$w/readb" "$w/kvdb" "$w/out"
  /usr/bin/time -f '%e %M %U %S' -o "$out/smr-align-x$smr_reps.time" sortmerna --ref "$train" \
    --reads "$out/test-x$smr_reps.fasta" --index 0 --workdir "$w" --blast 1 --num_alignments 1 --threads "$(nproc)" \
    >"$out/smr-align-x$smr_reps.log" 2>&1 || { tail "$out/smr-align-x$smr_reps.log" >&2; return 1; }
  local so ss oi oa
  so=$($py bench/report/sortmerna.py score "$test" "$out/ours.tsv")
  ss=$($py bench/report/sortmerna.py score "$test" "$out/smr.tsv")
  read -r ow orss ou os <"$out/ours.time"; read -r iw irss iu is <"$out/smr-index.time"
  read -r aw arss au as <"$out/smr-align.time"
  local oc ac; oc=$(echo "$ou + $os" | bc); ac=$(echo "$au + $as" | bc)
  echo "| classifier | accuracy | macro-F1 | wall s | sequences/s | CPU s | sequences per CPU-s | peak RSS MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  echo "| ours, \`promoter classify\` (one process, JVM start-up included; after a warm-up run, the median of 5 by CPU) | $(echo "$so" | field accuracy) | $(echo "$so" | field macro_f1) | $ow | $(echo "$n / $ow" | bc) | $oc | $(echo "$n / $oc" | bc) | $((orss / 1024)) |"
  echo "| sortmerna, aligning (index built before) | $(echo "$ss" | field accuracy) | $(echo "$ss" | field macro_f1) | $aw | $(echo "$n / $aw" | bc) | $ac | $(echo "$n / $ac" | bc) | $((arss / 1024)) |"
  echo "| sortmerna, indexing the $(grep -c '^>' "$train") training records | | | $iw | | $(echo "$iu + $is" | bc) | | $((irss / 1024)) |"
  echo
  echo "Whole process on these $n records: ours answers $(echo "scale=1; $aw / $ow" | bc)x sortmerna's sequences/s by wall time,"
  echo "$(echo "scale=1; $ac / $oc" | bc)x per CPU-second (target: >= 100x, at least as accurate). Ours includes the JVM's start and the"
  echo "model's load, sortmerna only its alignment (its index is timed apart, above). Ours' five runs took $ours_cpus CPU-s."
  echo
  # marginal: (CPU of the larger run - CPU of the one above) / (records more)
  local ow2 ou2 os2 aw2 au2 as2 x
  read -r ow2 _ ou2 os2 <"$out/ours-x$ours_reps.time"; read -r aw2 _ au2 as2 <"$out/smr-align-x$smr_reps.time"
  local on=$((n * ours_reps)) sn=$((n * smr_reps))
  local om sm; om=$(echo "($on - $n) / ($ou2 + $os2 - $oc)" | bc); sm=$(echo "($sn - $n) / ($au2 + $as2 - $ac)" | bc)
  cmp -s <(for _ in $(seq "$ours_reps"); do cat "$out/ours.tsv"; done) "$out/ours-x$ours_reps.tsv" \
    && x="identical to $ours_reps copies of ours.tsv" || x="DIFFER from $ours_reps copies of ours.tsv"
  echo "Per sequence, fixed costs apart (the same records repeated; labels $x):"
  echo
  echo "| classifier | run | records | wall s | CPU s | whole process, sequences per CPU-s | marginal sequences per CPU-s |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  echo "| ours | test x 1 | $n | $ow | $oc | $(echo "$n / $oc" | bc) | |"
  echo "| ours | test x $ours_reps | $on | $ow2 | $(echo "$ou2 + $os2" | bc) | $(echo "$on / ($ou2 + $os2)" | bc) | $om |"
  echo "| sortmerna, aligning | test x 1 | $n | $aw | $ac | $(echo "$n / $ac" | bc) | |"
  echo "| sortmerna, aligning | test x $smr_reps | $sn | $aw2 | $(echo "$au2 + $as2" | bc) | $(echo "$sn / ($au2 + $as2)" | bc) | $sm |"
  echo
  echo "Marginal rate: ours $(echo "scale=1; $om / $sm" | bc)x sortmerna's per CPU-second. Fixed costs: ours $oc CPU-s"
  echo "for the whole process on $n records (JVM start, model load; \`bench/classify/run.sh\`'s one-record run isolates it),"
  echo "sortmerna $(echo "$iu + $is" | bc) CPU-s to index the reference. Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo
  # barrnap: a locator of rRNA genes in longer sequences, not a classifier (see ../shared DATA.md)
  local sub=$out/barrnap.fasta k=200
  [ $quick = 0 ] && k=$n
  awk -v n="$k" '/^>/ {r++} r > n {exit} {print}' "$test" >"$sub"
  /usr/bin/time -f '%e %M' -o "$out/barrnap.time" barrnap --kingdom bac --threads "$(nproc)" --quiet "$sub" >"$out/barrnap.gff" 2>"$out/barrnap.err" \
    || { tail "$out/barrnap.err" >&2; return 1; }
  read -r bw brss <"$out/barrnap.time"
  echo "barrnap 0.9 (\`barrnap --kingdom bac --threads $(nproc) FASTA\`, the first $k test records) as a locator: $bw s wall"
  echo "($(echo "scale=1; $k / $bw" | bc) records/s), $(grep -v '^#' "$out/barrnap.gff" | cut -f1 | sort -u | wc -l) records with a located gene;"
  echo "hits by the record's true class (a record may carry several hits):"
  echo
  echo "| true class | records | located | barrnap's product names |"; echo "| --- | ---: | ---: | --- |"
  $py - "$sub" "$out/barrnap.gff" <<'PY'
import collections, sys
cls = {}
for line in open(sys.argv[1]):
    if line.startswith(">"):
        h = line[1:].split()
        cls[h[0]] = [w.split("=")[1] for w in h[1:] if w.startswith("class=")][0]
hits = collections.defaultdict(set); names = collections.defaultdict(collections.Counter)
for line in open(sys.argv[2]):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    hits[cls[f[0]]].add(f[0])
    names[cls[f[0]]][f[8].split("Name=")[1].split(";")[0] if "Name=" in f[8] else "?"] += 1
for c in sorted(set(cls.values())):
    n = sum(1 for v in cls.values() if v == c)
    print("| %s | %d | %d | %s |" % (c, n, len(hits[c]), ", ".join("%s %d" % kv for kv in names[c].most_common())))
PY
  echo
  echo "### Batch classification: compiled vs Tribuo's path"
  echo
  local reps=10 runs=3; [ $quick = 1 ] && reps=1 runs=2
  mkdir -p bench/out/classify
  if [ ! -f bench/out/classify/rrna-logreg/model.tribuo ]; then
    rm -rf bench/out/classify/rrna-logreg; cp -r "$m" bench/out/classify/rrna-logreg   # the same default model
  fi
  echo '```'; echo "BENCH_RUNS=$runs bench/classify/run.sh $reps"; echo '```'; echo
  echo '```'
  BENCH_RUNS=$runs bench/classify/run.sh "$reps" 2>&1 | grep -v WARNING
  echo '```'
}

registry() {
  local env=(BENCH_LOAD_WAIT=0) shown="BENCH_LOAD_WAIT=0"
  if [ $quick = 1 ]; then # one read, and the contended promotion (every request on one model's row lock)
    env+=(BENCH_SECONDS=5 BENCH_WARMUP=3 "BENCH_MODES=get promote-hot")
    shown="$shown BENCH_SECONDS=5 BENCH_WARMUP=3 BENCH_MODES='get promote-hot'"
  fi
  echo '```'; echo "$shown bench/registry-api/run.sh"; echo '```'; echo
  env "${env[@]}" bench/registry-api/run.sh >"$out/registry.txt" 2>&1 || { tail -30 "$out/registry.txt" >&2; return 1; }
  sed -n '/^Registry reads/,$p' "$out/registry.txt"
}

orchestration() {
  local args="200 1000 50 100"
  [ $quick = 1 ] && args="30 150 50 30"
  echo '```'; echo "bench/orchestration/run.sh $args    # SEQUENTIAL TOTAL IN_FLIGHT WARMUP"; echo '```'; echo
  # shellcheck disable=SC2086
  bench/orchestration/run.sh $args >"$out/orchestration.txt" 2>"$out/orchestration.log" \
    || { tail -30 "$out/orchestration.log" >&2; return 1; }
  sed -n '/^Orchestration overhead/,$p' "$out/orchestration.txt"
}

consensus() {
  # RAxML, PHYLIP and IQ-TREE are small (about 6 MB from Debian) and installed for either run;
  # R with ape and phangorn (about 260 MB) only for the full run, so a quick run leaves them out
  if ! command -v raxmlHPC >/dev/null || [ ! -x /usr/lib/phylip/bin/consense ] || ! command -v iqtree2 >/dev/null; then
    echo "RAxML, PHYLIP or IQ-TREE is missing although the script installs them: see \`bench/out/report/apt.log\`." >&2
    return 1
  fi
  local sizes="100x50,500x100,1000x200,2000x400" reps=3 nor=""
  [ $quick = 1 ] && sizes="100x50,500x100,1000x200" reps=1
  # R's start-up alone costs seconds a call: a quick run leaves ape and phangorn out even where installed
  if [ $quick = 1 ] || ! command -v Rscript >/dev/null || ! Rscript -e 'library(ape); library(phangorn)' >/dev/null 2>&1; then
    nor="--no-r"
  fi
  local cmd="python3 bench/consensus/bench.py --sizes $sizes --reps $reps --rf-max-trees 1000 $nor"
  echo "Wall seconds of the whole process as a user runs each tool, best of $reps (ours: \`./promoter consensus\`, JVM start included;"
  echo "\"warm worker\": the same call in a running JVM, as a worker's consensus activity serves it). Every peer's tree is"
  echo "checked to be ours (Robinson-Foulds distance 0), and our RF matrix against RAxML's$([ -z "$nor" ] && echo " and phangorn's")."
  [ -n "$nor" ] && echo "R's ape and phangorn are left out of a quick run (and of a full one where they are not installed): the full run adds them."
  echo
  echo '```'; echo "$cmd"; echo '```'; echo
  echo '```'
  # shellcheck disable=SC2086
  $py bench/consensus/bench.py --sizes "$sizes" --reps "$reps" --rf-max-trees 1000 $nor --csv "$out/consensus.csv" \
    2>&1 | tee "$out/consensus.txt"
  local rc=${PIPESTATUS[0]}
  echo '```'
  [ "$rc" = 0 ] || return 1
  # growth with trees x taxa, majority rule: one data file per tool for gnuplot
  local tool plots_cmd="plot" sep=""
  rm -f "$out"/consensus-growth-*.dat
  while IFS= read -r tool; do
    local f="$out/consensus-growth-${tool//[^A-Za-z]/_}.dat"
    awk -F, -v t="$tool" '$4 == "majority" && $5 == t {print $2 * $3, $6}' "$out/consensus.csv" >"$f"
    plots_cmd="$plots_cmd$sep '$f' using 1:2 with linespoints title '$tool'"; sep=","
  done < <(awk -F, 'NR > 1 && $4 == "majority" && !seen[$5]++ {print $5}' "$out/consensus.csv")
  png "$plots/consensus-growth.png" "majority-rule consensus: time vs trees x taxa (sizes $sizes)" \
    "trees x taxa" "wall seconds (log)" <<PLOT
set logscale xy
$plots_cmd
PLOT
  echo
  echo "How each tool's time grows with the input (trees x taxa; majority rule):"
  echo
  echo "![consensus growth](report/consensus-growth.png)"
  if [ $quick = 0 ]; then
    # trees and taxa apart: ours only, time against the number of trees at 200 taxa and against
    # the number of taxa at 1,000 trees
    echo
    echo '```'; echo "python3 bench/consensus/bench.py --scaling"; echo '```'; echo
    echo '```'
    $py bench/consensus/bench.py --scaling 2>&1 | tee "$out/consensus-scaling.txt"
    echo '```'
    awk '$1 ~ /x200$/ {split($1, a, "x"); print a[1], $3}' "$out/consensus-scaling.txt" >"$out/scaling-trees.dat"
    awk '$1 ~ /^1000x/ {split($1, a, "x"); print a[2], $3}' "$out/consensus-scaling.txt" | sort -n >"$out/scaling-taxa.dat"
    png "$plots/consensus-scaling.png" "ours, majority rule, warm worker: trees at 200 taxa, taxa at 1,000 trees" \
      "trees (at 200 taxa) or taxa (at 1,000 trees)" "seconds" <<PLOT
plot '$out/scaling-trees.dat' using 1:2 with linespoints title 'trees, 200 taxa', '$out/scaling-taxa.dat' using 1:2 with linespoints title 'taxa, 1,000 trees'
PLOT
    echo
    echo "![consensus scaling](report/consensus-scaling.png)"
  fi
}

memory() {
  echo "Peak resident set size (\`/usr/bin/time -f %M\`, or the kernel's VmHWM for the server):"
  echo
  echo "| process | peak RSS MB | command |"; echo "| --- | ---: | --- |"
  local f=bench/out/serving/rrna-10000.fasta
  if [ -f "$f" ]; then
    /usr/bin/time -f '%e %M' -o "$out/classify10k.time" ./promoter classify --model bench/out/serving/model --fasta "$f" \
      --out "$out/classify10k.tsv" 2>/dev/null
    read -r cw crss <"$out/classify10k.time"
    echo "| \`promoter classify\`, 10,000 records | $((crss / 1024)) | \`/usr/bin/time -f %M ./promoter classify --model bench/out/serving/model --fasta bench/out/serving/rrna-10000.fasta\` ($cw s) |"
  fi
  if [ -f bench/out/serving/memory.txt ]; then
    local m; m=$(cat bench/out/serving/memory.txt)
    echo "| \`promoter server\`, idle (started, no model loaded) | $(echo " $m" | field rss_idle_mb) | VmRSS during \`bench/serving/run.sh\` |"
    echo "| \`promoter server\`, after serving the benchmark (peak) | $(echo " $m" | field hwm_serving_mb) | VmHWM at the end of \`bench/serving/run.sh\` |"
  fi
  # the demo in the full run: about a minute, which a quick run (under 10 minutes) cannot spare
  if [ $quick = 0 ]; then
    local home; home=$(mktemp -d /tmp/promoter-demo.XXXXXX)
    free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
    PROMOTER_HOME=$home PROMOTER_TEMPORAL_PORT=$(free_port) PROMOTER_POSTGRES_PORT=$(free_port) \
      /usr/bin/time -f '%e %M %U %S' -o "$out/demo.time" ./promoter demo --auto-approve --as reviewer >"$out/demo.log" 2>&1 \
      || { rm -rf "$home"; tail -20 "$out/demo.log" >&2; return 1; }
    read -r dw drss du ds <"$out/demo.time"
    echo "| \`promoter demo --auto-approve --as reviewer\` (Temporal, fresh home) | $((drss / 1024)) | $dw s wall, $(awk "BEGIN { print $du + $ds }") CPU-s, load $(cut -d' ' -f1 /proc/loadavg) at the end |"
    rm -rf "$home"
  else
    echo "| \`promoter demo\` | not run | the full run measures it (about a minute) |"
  fi
}

cnn() {
  if [ $quick = 1 ]; then echo "Not in the quick run: \`bench/run-cnn-bench.sh data/rrna 1 max-per-class=150\`."; return 0; fi
  echo '```'; echo "bench/run-cnn-bench.sh data/rrna 1 max-per-class=150"; echo '```'; echo; echo '```'
  bench/run-cnn-bench.sh data/rrna 1 max-per-class=150 2>&1 | grep -v WARNING | tail -20
  echo '```'
}

# BENCH_SECTIONS picks sections (default all, in this order; classification and memory use the
# model and files the serving section leaves in bench/out/serving); the report keeps the last
# fragment of the sections not run, each dated
all="featurization serving classification registry orchestration consensus memory cnn"
sections=${BENCH_SECTIONS:-$all}
titles+=([featurization]="k-mer featurization: ours vs plain C vs Python"
  [serving]="Online predictions: ours vs FastAPI + scikit-learn"
  [classification]="rRNA classification: ours vs sortmerna, barrnap as a locator"
  [registry]="Registry reads and promotions through the REST API vs FastAPI"
  [orchestration]="Orchestration overhead: a no-op lifecycle on the embedded Temporal and Zeebe"
  [consensus]="Consensus vs RAxML, PHYLIP, IQ-TREE, ape"
  [memory]="Memory" [cnn]="CNN throughput")
for s in $sections; do section "$s" "${titles[$s]}" "$s"; done

{
  echo "# Benchmark report"
  echo
  echo "Written by \`$([ -n "${BENCH_SECTIONS:-}" ] && echo "BENCH_SECTIONS=\"$sections\" ")bench/run-all.sh$([ $quick = 1 ] && echo ' --quick')\` on $(date -u '+%Y-%m-%d %H:%M UTC') in $(( ($(date +%s) - started) / 60 )) min,"
  [ -n "${BENCH_SECTIONS:-}" ] && echo "which ran only those sections; the others are an earlier run's, each dated,"
  echo "at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/REPORT.md' ':!bench/report' || echo ' (with uncommitted changes)')."
  echo
  echo "| machine | |"; echo "| --- | --- |"
  echo "| CPU | $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
  echo "| memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) |"
  echo "| OS | $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r) |"
  echo "| JDK | $("$JAVA_HOME/bin/java" -version 2>&1 | head -1) |"
  echo "| Python (peers) | $($py --version 2>&1), scikit-learn $($py -c 'import sklearn; print(sklearn.__version__)' 2>/dev/null) |"
  echo "| load average | $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end |"
  echo
  if [ -n "${BENCH_NOTE:-}" ]; then echo "$BENCH_NOTE"; echo; fi
  echo "Each figure is measured in this run, beside its peer on the same input and machine; the command above"
  echo "each table reproduces it. Wall-clock figures move with whatever else runs on the machine: compare within a"
  echo "table, and prefer the CPU-time columns where a table has them."
  echo
  # sections not run this time keep their last fragment, which says when it was measured
  for s in $all; do [ -f "$out/$s.md" ] && cat "$out/$s.md"; done
} >"$report"
echo "wrote $report"
