"""Independent (Python) Newick split reader used to check RF = 0 between our trees and peers'.
Handles [comments], quoted labels, lengths, internal labels, rooted or unrooted input."""
import re

TOKEN = re.compile(r"\[[^\]]*\]|'(?:[^']|'')*'|[(),;:]|[^\s(),;:\[\]']+")


def parse(text):
    """Returns a list of trees, each a list of leaf-label sets per internal node (clusters)."""
    trees, stack, clusters, leaves, prev = [], [], [], [], None
    for tok in TOKEN.findall(text):
        if tok.startswith('['):
            continue
        if tok == '(':
            stack.append(set())
        elif tok in (',', ')', ';'):
            if tok == ')':
                c = stack.pop()
                clusters.append(frozenset(c))
                if stack:
                    stack[-1] |= c
            if tok == ';':
                trees.append((clusters, leaves))
                clusters, leaves = [], []
            prev = tok
            continue
        elif tok == ':':
            prev = tok
            continue
        else:
            if prev in (')', ':'):  # internal label or a length
                prev = tok
                continue
            name = tok[1:-1].replace("''", "'") if tok.startswith("'") else tok.replace('_', ' ')
            leaves.append(name)
            if stack:
                stack[-1].add(name)
        prev = tok
    return trees


def splits(tree):
    clusters, leaves = tree
    taxa = frozenset(leaves)
    first = min(taxa)
    out = set()
    for c in clusters:
        side = c if first not in c else taxa - c
        if 2 <= len(side) <= len(taxa) - 2:
            out.add(frozenset(side))
    return out


def rf(a, b):
    return len(splits(a) ^ splits(b))


def read(path):
    with open(path) as f:
        return parse(f.read())
