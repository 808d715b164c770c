#!/usr/bin/env python3
"""Build the labelled rRNA data set (train/test FASTA) from Debian-packaged data.

Standard library only.  External programs (from Debian packages): blastdbcmd and
blastn (ncbi-blast+), barrnap, nhmmer (hmmer).  See README.md for provenance and
the labelling rules.  Run through regenerate.sh, which installs the packages.

Usage: build_rrna.py --work WORKDIR --out OUTDIR [--seed N] [--threads N]
"""
import argparse
import gzip
import hashlib
import lzma
import os
import random
import re
import statistics
import subprocess
import sys
import tarfile

CLASSES = ["5S", "5.8S", "16S", "18S", "23S", "28S", "mt-SSU", "non-rRNA"]

# Target number of distinct sequences per class (before the split).  Classes with
# fewer candidates keep all of them.
TARGET = {"16S": 800, "18S": 800, "23S": 800, "28S": 800, "non-rRNA": 800,
          "mt-SSU": 600, "5S": 100000, "5.8S": 100000}
TEST_FRACTION = 0.25

NCBI = "/usr/share/ncbi/data"
BARRNAP_DB = "/usr/share/barrnap/db"
DOC = "/usr/share/doc"

# Genomes shipped as example/test data: (name, package, path, kingdom, group)
# group = species; all records from one group go to the same split.
GENOMES = [
    ("kleborate_HS11286", "kleborate-examples", DOC + "/kleborate/examples/data/Klebs_HS11286.fna.xz", "bac", "Klebsiella_pneumoniae"),
    ("kleborate_Kp1084", "kleborate-examples", DOC + "/kleborate/examples/data/Klebs_Kp1084.fna.xz", "bac", "Klebsiella_pneumoniae"),
    ("kleborate_MGH78578", "kleborate-examples", DOC + "/kleborate/examples/data/MGH78578.fna.xz", "bac", "Klebsiella_pneumoniae"),
    ("kleborate_NTUH-K2044", "kleborate-examples", DOC + "/kleborate/examples/data/NTUH-K2044.fna.xz", "bac", "Klebsiella_pneumoniae"),
    ("ragout_DH1", "ragout-examples", DOC + "/ragout/examples/E.Coli/references/DH1.fasta.gz", "bac", "Escherichia_coli"),
    ("ragout_MG1655", "ragout-examples", DOC + "/ragout/examples/E.Coli/references/MG1655-K12.fasta.gz", "bac", "Escherichia_coli"),
    ("ragout_ELS37", "ragout-examples", DOC + "/ragout/examples/H.Pylori/references/ELS37.fasta.gz", "bac", "Helicobacter_pylori"),
    ("ragout_G27", "ragout-examples", DOC + "/ragout/examples/H.Pylori/references/G27.fasta.gz", "bac", "Helicobacter_pylori"),
    ("ragout_Gambia94_24", "ragout-examples", DOC + "/ragout/examples/H.Pylori/references/Gambia94_24.fasta.gz", "bac", "Helicobacter_pylori"),
    ("ragout_Puno120", "ragout-examples", DOC + "/ragout/examples/H.Pylori/references/Puno120.fasta.gz", "bac", "Helicobacter_pylori"),
    ("ragout_SJM180", "ragout-examples", DOC + "/ragout/examples/H.Pylori/references/SJM180.fasta.gz", "bac", "Helicobacter_pylori"),
    ("ragout_COL", "ragout-examples", DOC + "/ragout/examples/S.Aureus/references/COL.fasta.gz", "bac", "Staphylococcus_aureus"),
    ("ragout_JKD6008", "ragout-examples", DOC + "/ragout/examples/S.Aureus/references/JKD6008.fasta.gz", "bac", "Staphylococcus_aureus"),
    ("ragout_N315", "ragout-examples", DOC + "/ragout/examples/S.Aureus/references/N315.fasta.gz", "bac", "Staphylococcus_aureus"),
    ("ragout_RF122", "ragout-examples", DOC + "/ragout/examples/S.Aureus/references/RF122.fasta.gz", "bac", "Staphylococcus_aureus"),
    ("ragout_USA300", "ragout-examples", DOC + "/ragout/examples/S.Aureus/references/USA300_FPR3757.fasta.gz", "bac", "Staphylococcus_aureus"),
    ("ragout_H1", "ragout-examples", DOC + "/ragout/examples/V.Cholerae/references/H1.fasta.gz", "bac", "Vibrio_cholerae"),
    ("ragout_O1_Inaba", "ragout-examples", DOC + "/ragout/examples/V.Cholerae/references/O1_Inaba.fasta.gz", "bac", "Vibrio_cholerae"),
    ("ragout_O1_biovar", "ragout-examples", DOC + "/ragout/examples/V.Cholerae/references/O1_biovar.fasta.gz", "bac", "Vibrio_cholerae"),
    ("ragout_O395", "ragout-examples", DOC + "/ragout/examples/V.Cholerae/references/O395.fasta.gz", "bac", "Vibrio_cholerae"),
    ("sibelia_NCTC8325", "sibelia-examples", DOC + "/sibelia/examples/C-Sibelia/Staphylococcus_aureus/NCTC8325.fasta.gz", "bac", "Staphylococcus_aureus"),
    ("sibelia_RN4220", "sibelia-examples", DOC + "/sibelia/examples/C-Sibelia/Staphylococcus_aureus/RN4220.fasta.gz", "bac", "Staphylococcus_aureus"),
    ("sibelia_Hpylori", "sibelia-examples", DOC + "/sibelia/examples/Sibelia/Helicobacter_pylori/Helicobacter_pylori.fasta.gz", "bac", "Helicobacter_pylori"),
    ("sibelia_Staph", "sibelia-examples", DOC + "/sibelia/examples/Sibelia/Staphylococcus_aureus/Staphylococcus.fasta.gz", "bac", "Staphylococcus_aureus"),
    ("abacas_SS_SC84", "abacas-examples", DOC + "/abacas-examples/SS_SC84.dna.gz", "bac", "Streptococcus_suis"),
    ("bowtie_Ecoli536", "bowtie-examples", DOC + "/bowtie/examples/genomes/NC_008253.fna.gz", "bac", "Escherichia_coli"),
    ("kmer_Mleprae", "kmer-examples", "tar:" + DOC + "/kmer-examples/test_data.tar.gz:GCF_000195855.1_ASM19585v1_genomic.fna", "bac", "Mycobacterium"),
    ("kmer_Mtb", "kmer-examples", "tar:" + DOC + "/kmer-examples/test_data.tar.gz:GCF_000195955.2_ASM19595v2_genomic.fna", "bac", "Mycobacterium"),
    ("smalt_Ssuis", "smalt-examples", DOC + "/smalt/test/data/sequence_test_1.fa.gz", "bac", "Streptococcus_suis"),
    ("unicycler_Shigella", "unicycler-data", "/usr/share/unicycler-data/sample_data/reference.fasta", "bac", "Escherichia_coli"),
    ("any2fasta_Leptospira", "any2fasta-examples", "gbk:" + DOC + "/any2fasta/examples/test.gbk.gz", "bac", "Leptospira"),
    ("smalt_Pfalciparum", "smalt-examples", DOC + "/smalt/test/data/genome_1.fa.gz", "euk", "Plasmodium"),
    ("smalt_Pknowlesi", "smalt-examples", DOC + "/smalt/test/data/cigar_ref.fa.gz", "euk", "Plasmodium"),
    ("smalt_contigs", "smalt-examples", DOC + "/smalt/test/data/contigs.fa.gz", "euk", "smalt_contigs"),
]
ORCHID = DOC + "/python-biopython-doc/Doc/examples/ls_orchid.fasta.gz"
LEPTO_GBK = DOC + "/any2fasta/examples/test.gbk.gz"

IUPAC = set("ACGTRYKMSWBDHVN")
COMP = str.maketrans("ACGTRYKMSWBDHVN", "TGCAYRMKSWVHDBN")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def tok(word):
    """Regex for a gene name as a whole token (16S but not 16S-like clone ids such as B5SC)."""
    return re.compile(r"(?<![A-Za-z0-9.])" + re.escape(word) + r"(?![A-Za-z0-9])", re.I)


T5S, T58S, T16S, T18S, T23S = tok("5S"), tok("5.8S"), tok("16S"), tok("18S"), tok("23S")
T25_28 = re.compile(r"(?<![A-Za-z0-9.])(25S|26S|28S|25-28S|26-28S)(?![A-Za-z0-9])", re.I)
PLASTID = re.compile(r"chloroplast|plastid|apicoplast|cyanelle|chromatophore", re.I)
MITO = re.compile(r"mitochondri", re.I)
ITS = re.compile(r"internal transcribed|(?<![A-Za-z0-9])ITS[12]?(?![A-Za-z0-9])|intergenic spacer|external transcribed", re.I)


def clean(seq):
    s = seq.upper().replace("U", "T").replace("-", "").replace(".", "")
    s = re.sub(r"\s+", "", s)
    return s


def ok_alphabet(s, max_ambig=0.01):
    if not s or set(s) - IUPAC:
        return False
    ambig = sum(1 for c in s if c not in "ACGT")
    return ambig <= max_ambig * len(s)


def revcomp(s):
    return s.translate(COMP)[::-1]


def safe(x):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", x).strip("_")


def sh(cmd, **kw):
    log("+", " ".join(cmd) if isinstance(cmd, list) else cmd)
    return subprocess.run(cmd, check=True, **kw)


def read_fasta(path):
    name, buf = None, []
    with open(path) as f:
        for line in f:
            if line.startswith(">"):
                if name is not None:
                    yield name, "".join(buf)
                name, buf = line[1:].strip(), []
            else:
                buf.append(line.strip())
    if name is not None:
        yield name, "".join(buf)


def open_any(path):
    if path.endswith(".xz"):
        return lzma.open(path, "rt")
    if path.endswith(".gz"):
        return gzip.open(path, "rt")
    return open(path)


# ---------------------------------------------------------------- GenBank ----
def parse_genbank(path):
    """Minimal GenBank reader: yields (locus, seq, features[(type, location, quals)])."""
    recs = []
    with open_any(path) as f:
        locus, feats, seq, in_feat, in_seq, cur = None, [], [], False, False, None
        for line in f:
            if line.startswith("LOCUS"):
                locus, feats, seq, in_feat, in_seq, cur = line.split()[1], [], [], False, False, None
            elif line.startswith("FEATURES"):
                in_feat = True
            elif line.startswith("ORIGIN"):
                in_feat, in_seq = False, True
            elif line.startswith("//"):
                recs.append((locus, "".join(seq).upper(), feats))
                in_seq = False
            elif in_seq:
                seq.append(re.sub(r"[^A-Za-z]", "", line))
            elif in_feat:
                if len(line) > 5 and line[5] != " ":
                    cur = [line[5:21].strip(), line[21:].strip(), {}]
                    feats.append(cur)
                    cur.append(None)  # last qualifier key
                elif cur is not None:
                    body = line[21:].strip()
                    if body.startswith("/"):
                        k, _, v = body[1:].partition("=")
                        cur[2][k] = v.strip('"')
                        cur[3] = k
                    elif cur[3] is None:
                        cur[1] += body
                    else:
                        cur[2][cur[3]] += " " + body.strip('"')
    return recs


def gb_location(loc, seq):
    """Return (sequence, min, max, complete) for a GenBank location string."""
    partial = "<" in loc or ">" in loc
    loc = loc.replace("<", "").replace(">", "")
    strand = 1
    if loc.startswith("complement(") and loc.endswith(")"):
        strand, loc = -1, loc[len("complement("):-1]
    if loc.startswith("join(") and loc.endswith(")"):
        loc = loc[5:-1]
    parts = []
    for p in loc.split(","):
        if "complement" in p or ":" in p or "order" in p:
            return None
        a, _, b = p.partition("..")
        b = b or a
        parts.append((int(a), int(b)))
    s = "".join(seq[a - 1:b] for a, b in parts)
    if strand < 0:
        s = revcomp(s)
    return s, min(a for a, _ in parts), max(b for _, b in parts), not partial


# ---------------------------------------------------------------- tools ------
def blastdb_dump(db, out):
    if not os.path.exists(out):
        with open(out + ".tmp", "w") as f:
            sh(["blastdbcmd", "-db", f"{NCBI}/{db}", "-entry", "all", "-outfmt", "%t\t%s"], stdout=f)
        os.replace(out + ".tmp", out)
    with open(out) as f:
        for line in f:
            t, _, s = line.rstrip("\n").partition("\t")
            yield t, s


def silva_title(t):
    """'gb|DQ639903| Genus species ... 1900 bp ' -> (accession, description)."""
    t = t.strip()
    m = re.match(r"^(?:gi\|(\d+)(?::(\d+-\d+))?\|?)?(?:[a-z]+\|([^|]+)\|)?\s*(.*)$", t)
    gi, rng, acc, desc = m.groups()
    if acc:
        acc = acc.split(".")[0]
    else:
        acc = f"gi{gi}" + (f"_{rng}" if rng else "")
    desc = re.sub(r"\s*(length )?\d+( bp)?\s*$", "", desc).strip()
    return acc, desc


def genus_group(desc, acc):
    words = desc.split()
    if not words:
        return acc
    w = words[0].strip("[]'\"")
    if w.lower() in {"uncultured", "unidentified", "unknown", "environmental", "marine", "candidatus",
                     "bacterium", "eukaryote", "soil", "endosymbiont", "symbiont", "mixed", "un"}:
        return acc  # too broad to group: each record on its own
    return w


def make_small_hmm(path):
    """5S (bac/arc/euk) and 5.8S (euk) profile HMMs from barrnap's Rfam-derived databases."""
    out = []
    lengths = {}
    for k in ["bac", "arc", "euk"]:
        txt = open(f"{BARRNAP_DB}/{k}.hmm").read()
        for m in txt.split("//\n"):
            if not m.strip():
                continue
            name = re.search(r"^NAME\s+(\S+)", m, re.M).group(1)
            if name == "5S_rRNA" or (name == "5_8S_rRNA" and k == "euk"):
                new = f"{name}_{k}"
                out.append(re.sub(r"^NAME\s+\S+", f"NAME  {new}", m, flags=re.M) + "//\n")
                lengths[new] = int(re.search(r"^LENG\s+(\d+)", m, re.M).group(1))
    with open(path, "w") as f:
        f.write("".join(out))
    return lengths


def nhmmer(hmm, fasta, tbl, threads):
    if not os.path.exists(tbl):
        sh(["nhmmer", "--cpu", str(threads), "-E", "1e-5", "-o", "/dev/null", "--tblout", tbl + ".tmp", hmm, fasta])
        os.replace(tbl + ".tmp", tbl)
    hits = []
    for line in open(tbl):
        if line.startswith("#"):
            continue
        x = line.split()
        hits.append(dict(target=x[0], model=x[2], hmmfrom=int(x[4]), hmmto=int(x[5]), alifrom=int(x[6]),
                         alito=int(x[7]), sqlen=int(x[10]), strand=x[11], evalue=float(x[12]), score=float(x[13])))
    return hits


def barrnap(kingdom, fasta, gff, threads):
    if not os.path.exists(gff):
        with open(gff + ".tmp", "w") as f:
            sh(["barrnap", "--kingdom", kingdom, "--threads", str(threads), "--quiet", fasta], stdout=f)
        os.replace(gff + ".tmp", gff)
    regions = []
    for line in open(gff):
        if line.startswith("#") or not line.strip():
            continue
        x = line.rstrip("\n").split("\t")
        regions.append((x[0], int(x[3]), int(x[4]), x[8]))
    return regions


def small_rna_hits(hits, lengths, seqs, min_cov=0.6):
    """Best non-overlapping 5S/5.8S hits, extended to the full model length, as (label, contig, start, end, strand, seq)."""
    hits = [h for h in hits if (h["hmmto"] - h["hmmfrom"] + 1) / lengths[h["model"]] >= min_cov]
    hits.sort(key=lambda h: (-h["score"], h["target"], min(h["alifrom"], h["alito"])))
    taken = {}
    out = []
    for h in hits:
        lo, hi = min(h["alifrom"], h["alito"]), max(h["alifrom"], h["alito"])
        if any(not (hi < a or lo > b) for a, b in taken.get(h["target"], [])):
            continue
        taken.setdefault(h["target"], []).append((lo, hi))
        L = lengths[h["model"]]
        ext5, ext3 = h["hmmfrom"] - 1, L - h["hmmto"]
        if h["strand"] == "+":
            start, end = h["alifrom"] - ext5, h["alito"] + ext3
        else:
            start, end = h["alito"] - ext3, h["alifrom"] + ext5
        seq = seqs.get(h["target"])
        if seq is None:
            continue
        start, end = max(1, start), min(len(seq), end)
        s = seq[start - 1:end]
        if h["strand"] == "-":
            s = revcomp(s)
        label = "5.8S" if h["model"].startswith("5_8S") else "5S"
        lo_len, hi_len = (95, 135) if label == "5S" else (135, 175)
        if not (lo_len <= len(s) <= hi_len):
            continue
        out.append((label, h["target"], start, end, h["strand"], clean(s)))
    return out


# ---------------------------------------------------------------- main -------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20240607)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    W = args.work
    os.makedirs(W, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    records = []  # dicts: id, label, source, group, seq

    def add(id_, label, source, group, seq):
        seq = clean(seq)
        if ok_alphabet(seq):
            records.append(dict(id=safe(id_), label=label, source=source, group=safe(group), seq=seq))

    # ---- SILVA SSU Ref 93 -------------------------------------------------
    small_hmm = os.path.join(W, "small.hmm")
    lengths = make_small_hmm(small_hmm)
    ssu_sub = os.path.join(W, "ssu_sub.fa")
    ssu_sub_seqs = {}
    with open(ssu_sub, "w") as fsub:
        for t, s in blastdb_dump("SSURef_93.fasta", os.path.join(W, "ssu.tsv")):
            acc, desc = silva_title(t)
            grp = genus_group(desc, acc)
            if PLASTID.search(desc):
                continue
            if MITO.search(desc):
                if not re.search(r"large subunit|23S|26S|28S", desc, re.I) and len(s) >= 300:
                    add(acc, "mt-SSU", "silva-ssu-93", grp, s)
            else:
                has16, has18 = bool(T16S.search(desc)), bool(T18S.search(desc))
                multi = bool(ITS.search(desc) or T58S.search(desc) or T23S.search(desc) or T25_28.search(desc)
                             or re.search(r"large subunit", desc, re.I))
                if has16 and not has18 and not multi and 1200 <= len(s) <= 2000:
                    add(acc, "16S", "silva-ssu-93", grp, s)
                elif has18 and not has16 and not multi and 1300 <= len(s) <= 3000:
                    add(acc, "18S", "silva-ssu-93", grp, s)
            # records that may carry 5.8S / 5S beyond the SSU gene (SILVA 93 SSU entries are not
            # always trimmed): searched with the 5S/5.8S HMMs below
            if (T18S.search(desc) or MITO.search(desc) or T58S.search(desc) or T5S.search(desc)
                    or ITS.search(desc) or re.search(r"small subunit|rrn5", desc, re.I)) and not T16S.search(desc):
                fsub.write(f">{acc}\n{s}\n")
                ssu_sub_seqs[acc] = (desc, s)
    # 5S/5.8S inside SILVA SSU records
    hits = nhmmer(small_hmm, ssu_sub, os.path.join(W, "ssu_sub.small.tbl"), args.threads)
    seqs = {k: clean(v[1]) for k, v in ssu_sub_seqs.items()}
    has58 = set()
    for label, contig, a, b, strand, s in small_rna_hits(hits, lengths, seqs):
        desc = ssu_sub_seqs[contig][0]
        if PLASTID.search(desc):
            continue
        has58.add(contig)
        add(f"{contig}:{a}-{b}{strand}", label, "barrnap:silva-ssu-93", genus_group(desc, contig), s)
    # an 18S record that also carries a 5.8S gene is not a clean 18S example
    records[:] = [r for r in records if not (r["label"] == "18S" and r["id"] in has58)]

    # ---- NCBI SSU-mito-rRNA (mitochondrial SSU incl. vertebrate 12S) ------
    for t, s in blastdb_dump("SSU-mito-rRNA", os.path.join(W, "ssumito.tsv")):
        acc, desc = silva_title(t)
        if PLASTID.search(desc) or re.search(r"large subunit|23S|26S|28S", desc, re.I):
            continue
        if len(s) >= 300:
            add(acc, "mt-SSU", "ncbi-ssu-mito", genus_group(desc, acc), s)

    # ---- SILVA LSU Ref 93 -------------------------------------------------
    for t, s in blastdb_dump("LSURef_93.fasta", os.path.join(W, "lsu.tsv")):
        acc, desc = silva_title(t)
        if PLASTID.search(desc) or MITO.search(desc):
            continue
        has23, has28 = bool(T23S.search(desc)), bool(T25_28.search(desc))
        if has23 and not has28 and 2000 <= len(s) <= 3600:
            add(acc, "23S", "silva-lsu-93", genus_group(desc, acc), s)
        elif has28 and not has23 and 1800 <= len(s) <= 6000:
            add(acc, "28S", "silva-lsu-93", genus_group(desc, acc), s)

    # ---- orchid ITS records (biopython docs): 5.8S ------------------------
    orchid = os.path.join(W, "ls_orchid.fa")
    with gzip.open(ORCHID, "rt") as f, open(orchid, "w") as o:
        o.write(f.read())
    oseqs, odesc = {}, {}
    for name, s in read_fasta(orchid):
        k = name.split()[0]
        oseqs[k] = clean(s)
        odesc[k] = name.split()[1] if len(name.split()) > 1 else k
    for label, contig, a, b, strand, s in small_rna_hits(nhmmer(small_hmm, orchid, os.path.join(W, "ls_orchid.small.tbl"), args.threads), lengths, oseqs):
        acc = contig.split("|")[3] if contig.count("|") >= 3 else contig
        add(f"{acc}:{a}-{b}{strand}", label, "barrnap:ls_orchid", odesc[contig].split(".")[0] + "_orchid", s)

    # ---- genomes: 5S/5.8S via HMM, non-rRNA windows -----------------------
    gdir = os.path.join(W, "genomes")
    os.makedirs(gdir, exist_ok=True)
    genome_seqs = {}
    rrna_mask = {}
    lepto_recs = parse_genbank(LEPTO_GBK)
    for name, pkg, path, kingdom, group in GENOMES:
        fa = os.path.join(gdir, name + ".fa")
        if not os.path.exists(fa):
            with open(fa + ".tmp", "w") as o:
                if path.startswith("tar:"):
                    _, tpath, member = path.split(":")
                    with tarfile.open(tpath) as tf:
                        o.write(tf.extractfile(member).read().decode())
                elif path.startswith("gbk:"):
                    for locus, s, _ in lepto_recs:
                        o.write(f">{locus}\n{s}\n")
                else:
                    with open_any(path) as f:
                        for line in f:
                            o.write(line)
            os.replace(fa + ".tmp", fa)
        seqs = {n.split()[0]: clean(s) for n, s in read_fasta(fa)}
        genome_seqs[name] = (pkg, kingdom, group, seqs)
        regions = barrnap(kingdom, fa, os.path.join(gdir, name + ".gff"), args.threads)
        mask = rrna_mask.setdefault(name, {})
        for contig, a, b, _ in regions:
            mask.setdefault(contig, []).append((a, b))
        hits = nhmmer(small_hmm, fa, os.path.join(gdir, name + ".small.tbl"), args.threads)
        for label, contig, a, b, strand, s in small_rna_hits(hits, lengths, seqs):
            mask.setdefault(contig, []).append((a, b))
            add(f"{name}:{contig}:{a}-{b}{strand}", label, f"barrnap:{pkg}", group, s)
    # annotated rRNA features of the Leptospira GenBank file are masked too
    for locus, s, feats in lepto_recs:
        for ftype, loc, quals, _ in feats:
            if ftype == "rRNA":
                r = gb_location(loc, s)
                if r:
                    rrna_mask["any2fasta_Leptospira"].setdefault(locus, []).append((r[1], r[2]))

    # ---- non-rRNA ---------------------------------------------------------
    rng = random.Random(args.seed)
    nonr = []
    cds, rnas = [], []
    for locus, s, feats in lepto_recs:
        for ftype, loc, quals, _ in feats:
            if ftype in ("CDS", "tRNA", "tmRNA", "ncRNA"):
                r = gb_location(loc, s)
                if not r or not r[3]:
                    continue
                fs = r[0]
                tag = quals.get("locus_tag", f"{r[1]}-{r[2]}")
                if ftype == "CDS" and 100 <= len(fs) <= 3000 and "pseudo" not in quals:
                    cds.append((f"{locus}:{tag}", fs))
                elif ftype != "CDS" and len(fs) >= 50:
                    rnas.append((f"{locus}:{tag}", ftype, fs))
    for i, ftype, fs in rnas:
        nonr.append((i, f"{ftype.lower()}:any2fasta-examples", "Leptospira", fs))
    rng.shuffle(cds)
    for i, fs in cds[:300]:
        nonr.append((i, "cds:any2fasta-examples", "Leptospira", fs))
    n_windows = TARGET["non-rRNA"] - len(nonr) + 150  # spare for BLAST filtering
    names = sorted(genome_seqs)
    contigs = [(n, c, len(s)) for n in names for c, s in sorted(genome_seqs[n][3].items()) if len(s) >= 5000]
    pools = {k: [(n, c, L) for n, c, L in contigs if genome_seqs[n][1] == k] for k in ("bac", "euk")}
    pool_len = {k: sum(L for _, _, L in v) for k, v in pools.items()}
    tries = 0
    windows = []
    while len(windows) < n_windows and tries < 100000:
        tries += 1
        # half the windows from eukaryotic genomes, half from bacterial ones
        want = "euk" if len(windows) % 2 else "bac"
        x = rng.randrange(pool_len[want])
        for n, c, L in pools[want]:
            if x < L:
                break
            x -= L
        wlen = rng.randint(100, 3000)
        if L <= wlen:
            continue
        a = rng.randint(1, L - wlen + 1)
        b = a + wlen - 1
        pad = 7000 if genome_seqs[n][1] == "bac" else 10000
        if any(not (b < ra - pad or a > rb + pad) for ra, rb in rrna_mask.get(n, {}).get(c, [])):
            continue
        s = genome_seqs[n][3][c][a - 1:b]
        if s.count("N") > 0.01 * len(s):
            continue
        if rng.random() < 0.5:
            s = revcomp(s)
            strand = "-"
        else:
            strand = "+"
        windows.append((f"{n}:{c}:{a}-{b}{strand}", f"window:{genome_seqs[n][0]}", genome_seqs[n][2], s))
    nonr.extend(windows)
    # drop any non-rRNA candidate with a BLAST hit to SILVA SSU/LSU or the mito rRNA databases
    q = os.path.join(W, "nonrrna_candidates.fa")
    with open(q, "w") as f:
        for i, (id_, src, grp, s) in enumerate(nonr):
            f.write(f">c{i}\n{s}\n")
    flagged = set()
    for db in ["SSURef_93.fasta", "LSURef_93.fasta", "SSU-mito-rRNA", "LSU_mito_rRNA"]:
        out = os.path.join(W, f"nonrrna_vs_{db}.tsv")
        if not os.path.exists(out):
            sh(["blastn", "-task", "dc-megablast", "-query", q, "-db", f"{NCBI}/{db}", "-evalue", "1e-10",
                "-outfmt", "6 qseqid sseqid evalue length", "-max_target_seqs", "1", "-num_threads",
                str(args.threads), "-out", out + ".tmp"])
            os.replace(out + ".tmp", out)
        for line in open(out):
            flagged.add(line.split("\t")[0])
    log(f"non-rRNA candidates with an rRNA BLAST hit, dropped: {len(flagged)}")
    for i, (id_, src, grp, s) in enumerate(nonr):
        if f"c{i}" not in flagged:
            add(id_, "non-rRNA", src, grp, s)

    # ---- dedup ------------------------------------------------------------
    labels_of = {}
    for r in records:
        labels_of.setdefault(r["seq"], set()).add(r["label"])
    conflict = {s for s, ls in labels_of.items() if len(ls) > 1}
    log(f"sequences with conflicting labels, dropped: {len(conflict)}")
    records.sort(key=lambda r: (r["label"], r["source"], r["id"]))
    seen, ids, uniq = set(), set(), []
    for r in records:
        if r["seq"] in conflict or r["seq"] in seen:
            continue
        seen.add(r["seq"])
        base, k = r["id"], 1
        while r["id"] in ids:
            k += 1
            r["id"] = f"{base}_{k}"
        ids.add(r["id"])
        uniq.append(r)

    # ---- sample and split -------------------------------------------------
    train, test = [], []
    for cls in CLASSES:
        rs = [r for r in uniq if r["label"] == cls]
        random.Random(f"{args.seed}:{cls}:sample").shuffle(rs)
        rs = rs[:TARGET[cls]]
        groups = {}
        for r in rs:
            groups.setdefault(r["group"], []).append(r)
        keys = sorted(groups)
        random.Random(f"{args.seed}:{cls}:split").shuffle(keys)
        # whole groups go to one side; groups larger than the test quota are split by record
        quota = round(TEST_FRACTION * len(rs))
        t_cls, tr_cls = [], []
        for k in keys:
            g = groups[k]
            if len(t_cls) + len(g) <= quota:
                t_cls.extend(g)
            else:
                tr_cls.extend(g)
        if len(t_cls) < quota:  # top up from the largest training groups, record by record
            tr_cls.sort(key=lambda r: (-len(groups[r["group"]]), r["group"], r["id"]))
            need = quota - len(t_cls)
            t_cls.extend(tr_cls[:need])
            tr_cls = tr_cls[need:]
        train.extend(tr_cls)
        test.extend(t_cls)
        log(f"{cls}: candidates={len([r for r in uniq if r['label'] == cls])} train={len(tr_cls)} test={len(t_cls)}")

    def write(path, rs):
        rs = sorted(rs, key=lambda r: (CLASSES.index(r["label"]), r["id"]))
        with open(path, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
                for r in rs:
                    gz.write(f">{r['id']} class={r['label']} source={r['source']}\n".encode())
                    for i in range(0, len(r["seq"]), 80):
                        gz.write((r["seq"][i:i + 80] + "\n").encode())

    write(os.path.join(args.out, "train.fasta.gz"), train)
    write(os.path.join(args.out, "test.fasta.gz"), test)
    with open(os.path.join(args.out, "counts.tsv"), "w") as f:
        f.write("class\tsplit\tcount\tmedian_length\n")
        for cls in CLASSES:
            for name, rs in (("train", train), ("test", test)):
                ls = [len(r["seq"]) for r in rs if r["label"] == cls]
                f.write(f"{cls}\t{name}\t{len(ls)}\t{int(statistics.median(ls)) if ls else 0}\n")
    with open(os.path.join(args.out, "sources.tsv"), "w") as f:
        f.write("class\tsource\ttrain\ttest\n")
        tally = {}
        for name, rs in (("train", train), ("test", test)):
            for r in rs:
                tally.setdefault((r["label"], r["source"]), {"train": 0, "test": 0})[name] += 1
        for (cls, src), v in sorted(tally.items(), key=lambda kv: (CLASSES.index(kv[0][0]), kv[0][1])):
            f.write(f"{cls}\t{src}\t{v['train']}\t{v['test']}\n")
    # cross-split exact-duplicate check
    assert not ({r["seq"] for r in train} & {r["seq"] for r in test})
    log("done")


if __name__ == "__main__":
    main()
