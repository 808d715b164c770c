#!/usr/bin/env python3
"""Writes a deterministic synthetic rRNA-like FASTA (gzip) in the dataset's header format.

Used by run-kmer-bench.sh when no real file is given. Lengths follow full-length genes
(5S ~120 bp to 23S ~2,900 bp), with rare N runs and soft-masked (lower-case) stretches so that
both featurizers exercise their ambiguity and case handling.
"""
import argparse
import gzip
import random

CLASSES = [("16S", 1300, 1600), ("18S", 1700, 1900), ("23S", 2700, 3000), ("5S", 110, 125),
           ("5.8S", 150, 165), ("mito-SSU", 900, 1000), ("non-rRNA", 300, 3000)]
TO_BASE = bytes(b"ACGT"[i & 3] for i in range(256))


def record(rng, i):
    name, low, high = CLASSES[i % len(CLASSES)]
    seq = bytearray(rng.randbytes(rng.randint(low, high)).translate(TO_BASE))
    if rng.random() < 0.2:  # an N run, as in real references
        at = rng.randrange(len(seq))
        seq[at:at + rng.randint(1, 20)] = b"N" * len(seq[at:at + 20])
    if rng.random() < 0.1:  # a soft-masked stretch
        at = rng.randrange(len(seq))
        seq[at:at + 50] = seq[at:at + 50].lower()
    header = f">SYN{i:07d} class={name} source=synthetic-seed{rng.seed_value}\n"
    lines = [bytes(seq[j:j + 80]) for j in range(0, len(seq), 80)]
    return header.encode() + b"\n".join(lines) + b"\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output")
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rng.seed_value = args.seed
    # mtime=0 keeps the gzip bytes identical from run to run.
    with open(args.output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        for i in range(args.records):
            out.write(record(rng, i))


if __name__ == "__main__":
    main()
