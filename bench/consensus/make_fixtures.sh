#!/usr/bin/env bash
# Regenerates the JUnit fixtures in activities/src/test/resources/consensus/: seeded random tree
# sets and the peers' actual outputs for them (see the README written there). Needs phylip,
# iqtree, raxml, r-cran-ape, r-cran-phangorn. Usage: bench/consensus/make_fixtures.sh [16S-trees]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
res=$here/../../activities/src/test/resources/consensus
mkdir -p "$res"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

peers() { # $1 = name of a tree set in $res; writes $1.<peer>-<method>.tre beside it
  local set=$1 f=$res/$1.nwk d=$work/$1
  mkdir -p "$d" && cp "$f" "$d/intree"
  (cd "$d" && printf 'C\nC\nY\n' | /usr/lib/phylip/bin/consense >/dev/null && mv outtree "$res/$set.phylip-majority.tre" && rm -f outfile)
  (cd "$d" && printf 'C\nY\n' | /usr/lib/phylip/bin/consense >/dev/null && mv outtree "$res/$set.phylip-strict.tre" && rm -f outfile)
  iqtree2 -con -t "$f" -minsup 0.5 -pre "$d/iq" -quiet -redo >/dev/null && cp "$d/iq.contree" "$res/$set.iqtree-majority.tre"
  raxmlHPC -J MR -z "$f" -m GTRCAT -n mr -w "$d" >/dev/null && cp "$d/RAxML_MajorityRuleConsensusTree.mr" "$res/$set.raxml-majority.tre"
  raxmlHPC -J STRICT -z "$f" -m GTRCAT -n st -w "$d" >/dev/null && cp "$d/RAxML_StrictConsensusTree.st" "$res/$set.raxml-strict.tre"
  Rscript -e "library(ape); t<-read.tree('$f'); write.tree(consensus(t, p=0.5), '$res/$set.ape-majority.tre'); write.tree(consensus(t, p=1), '$res/$set.ape-strict.tre')" >/dev/null
  [ "$set" = 16s-ufboot-20 ] || Rscript -e "library(phangorn); t<-read.tree('$f'); write.table(as.matrix(RF.dist(t)), '$res/$set.phangorn-rf.tsv', sep='\t', quote=FALSE, col.names=FALSE, row.names=FALSE)" >/dev/null 2>&1
}

python3 "$here/gen_trees.py" 41 12 11 --lengths --moves=6 > "$res/random-41x12.nwk"
python3 "$here/gen_trees.py" 200 40 12 --moves=12 > "$res/random-200x40.nwk"
if [ -n "${1:-}" ]; then # first 300 trees, names cut to the accession (PHYLIP overflows on long names)
  head -n 300 "$1" | sed -E 's/([A-Z]+[0-9]+)_[A-Za-z.]+/\1/g' > "$res/16s-ufboot-20.nwk"
fi
for s in random-41x12 random-200x40 16s-ufboot-20; do
  [ -f "$res/$s.nwk" ] && peers "$s"
done
echo "fixtures written to $res"
