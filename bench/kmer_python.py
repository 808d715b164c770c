#!/usr/bin/env python3
"""The seed design's k-mer featurizer, timed: collections.Counter over sliced k-mers seq[i:i+k],
copied into a 4^k frequency vector. Pure python3 stdlib, one core.

Prints one line: `python k=K records=R mbases=M best_mbases_per_s=X median_mbases_per_s=Y`.
Parsing and upper-casing are not timed, the same as on the Java side. Each round featurizes the
first --mbases of the file (the whole file would take minutes); best and median rounds are
reported, as on the Java side.
"""
import argparse
import collections
import gzip
import itertools
import time


def read_fasta(path):
    with open(path, "rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"  # magic bytes, like the Java reader
    opener = gzip.open if gz else open
    seqs, parts = [], None
    with opener(path, "rt") as f:
        for line in f:
            if line.startswith(">"):
                if parts is not None:
                    seqs.append("".join(parts).upper().replace("U", "T"))
                parts = []
            elif parts is not None:
                parts.append(line.strip())
    if parts is not None:
        seqs.append("".join(parts).upper().replace("U", "T"))
    return seqs


def featurize(seq, k, index, size):
    counts = collections.Counter(seq[i:i + k] for i in range(len(seq) - k + 1))
    # k-mers with N or other ambiguity codes are not in the index and are dropped. Only the
    # non-zero entries are divided, so the dense vector costs Python as little as it can.
    valid = [(index[kmer], n) for kmer, n in counts.items() if kmer in index]
    total = sum(n for _, n in valid)
    vector = [0.0] * size
    for j, n in valid:
        vector[j] = n / total
    return vector


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("fasta")
    parser.add_argument("--k", type=int, default=6)
    parser.add_argument("--mbases", type=float, default=2.0, help="bases per round, in millions")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    seqs = read_fasta(args.fasta)
    index = {"".join(p): i for i, p in enumerate(itertools.product("ACGT", repeat=args.k))}
    size = 4 ** args.k
    subset, bases = [], 0
    for seq in seqs:
        if bases >= args.mbases * 1e6:
            break
        subset.append(seq)
        bases += len(seq)
    rates = []
    for _ in range(args.rounds):
        start = time.thread_time()  # CPU time: a neighbour's turn on the core is not ours
        for seq in subset:
            featurize(seq, args.k, index, size)
        rates.append(bases / 1e6 / (time.thread_time() - start))
    rates.sort()
    print(f"python k={args.k} records={len(subset)} mbases={bases / 1e6:.2f} "
          f"best_mbases_per_s={rates[-1]:.3f} median_mbases_per_s={rates[len(rates) // 2]:.3f}")

if __name__ == "__main__":
    main()
