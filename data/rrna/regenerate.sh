#!/usr/bin/env bash
# Regenerate data/rrna/{train,test}.fasta.gz, counts.tsv and sources.tsv from Debian packages.
# Needs root (apt-get) unless the packages are already installed; about 10 minutes on 2 cores.
# Deterministic for the same package versions (fixed seed, sorted inputs, gzip mtime 0).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="${WORK:-$(mktemp -d /tmp/rrna-work.XXXXXX)}"
SEED="${SEED:-20240607}"
PKGS=(ncbi-rrna-data ncbi-blast+ barrnap hmmer
      kleborate-examples ragout-examples sibelia-examples abacas-examples any2fasta-examples
      bowtie-examples kmer-examples smalt-examples unicycler-data python-biopython-doc)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
# record the package versions used
for p in "${PKGS[@]}"; do dpkg-query -W -f='${Package}\t${Version}\n' "$p"; done > "$HERE/package-versions.tsv"
python3 "$HERE/build_rrna.py" --work "$WORK" --out "$HERE" --seed "$SEED" --threads "$(nproc)"
echo "work files kept in $WORK"
