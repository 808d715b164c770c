"""Labels from a sortmerna run and macro-F1 of any labelling against the FASTA's class= headers.

  sortmerna.py labels REFERENCE.fasta ALIGNED.blast READS.fasta OUT.tsv   best hit's class per read
  sortmerna.py score READS.fasta LABELS.tsv                               accuracy and macro-F1

A read sortmerna does not align is labelled non-rRNA (it ships no non-rRNA reference: with the
training records as its database, "no rRNA hit" is its answer for the class). LABELS.tsv is
`id<TAB>label[...]` per record, as `promoter classify` writes it.
"""
import gzip
import sys


def headers(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        for line in f:
            if line.startswith(">"):
                h = line[1:].strip()
                cls = h.split(" class=")[1].split()[0] if " class=" in h else None
                yield h.split()[0], cls


def macro_f1(truth, predicted):
    classes = sorted(set(truth.values()))
    f1s = []
    for c in classes:
        tp = sum(1 for r, t in truth.items() if t == c and predicted.get(r) == c)
        fp = sum(1 for r, t in truth.items() if t != c and predicted.get(r) == c)
        fn = sum(1 for r, t in truth.items() if t == c and predicted.get(r) != c)
        p = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * p * rec / (p + rec) if p + rec else 0.0)
    accuracy = sum(1 for r, t in truth.items() if predicted.get(r) == t) / len(truth)
    return accuracy, sum(f1s) / len(f1s)


def main():
    if sys.argv[1] == "labels":
        ref, blast, reads, out = sys.argv[2:6]
        ref_class = dict(headers(ref))
        best = {}
        with open(blast) as f:
            for line in f:
                q, s, *rest = line.rstrip("\n").split("\t")
                bitscore = float(rest[-1]) if rest else 0.0
                if s in ref_class and (q not in best or bitscore > best[q][1]):
                    best[q] = (ref_class[s], bitscore)
        with open(out, "w") as f:
            for rid, _ in headers(reads):
                f.write("%s\t%s\n" % (rid, best[rid][0] if rid in best else "non-rRNA"))
    else:
        reads, labels = sys.argv[2:4]
        truth = dict(headers(reads))
        predicted = {}
        with open(labels) as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2:
                    predicted[parts[0]] = parts[1]
        accuracy, f1 = macro_f1(truth, predicted)
        print("records=%d accuracy=%.4f macro_f1=%.4f" % (len(truth), accuracy, f1))


if __name__ == "__main__":
    main()
