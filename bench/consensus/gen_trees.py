#!/usr/bin/env python3
"""Deterministic random tree sets: one random unrooted binary tree of N taxa and K copies, each
perturbed by a random number of NNI moves (and an occasional SPR), written one Newick per line,
each rooted at a random internal node with shuffled child order (exercises normalisation).
usage: gen_trees.py K N SEED [--lengths] [--moves=M] > trees.nwk (M: most NNIs per copy)"""
import random
import sys


def random_tree(n, rnd):
    """Random-addition tree: leaves 1..n, internal nodes 0 and > n."""
    adj = {0: {1, 2, 3}, 1: {0}, 2: {0}, 3: {0}}
    nodes = [0, 1, 2, 3]
    nxt = n + 1
    for leaf in range(4, n + 1):
        u = rnd.choice(nodes)
        v = rnd.choice(sorted(adj[u]))
        w = nxt
        nxt += 1
        adj[u].discard(v); adj[v].discard(u)
        adj[w] = {u, v, leaf}; adj[u].add(w); adj[v].add(w)
        adj[leaf] = {w}
        nodes += [w, leaf]
    return adj


def nni(adj, n, rnd, inner):
    """Swap a subtree on each side of a random internal edge."""
    while True:
        u = rnd.choice(inner)
        v = rnd.choice(sorted(adj[u]))
        if v == 0 or v > n:
            break
    a = rnd.choice(sorted(adj[u] - {v}))
    b = rnd.choice(sorted(adj[v] - {u}))
    adj[u].remove(a); adj[a].remove(u); adj[v].remove(b); adj[b].remove(v)
    adj[u].add(b); adj[b].add(u); adj[v].add(a); adj[a].add(v)


def write(adj, n, rnd, lengths):
    # iterative writer with explicit separators
    inner = [x for x in adj if x == 0 or x > n]
    root = rnd.choice(inner)
    parts = []
    stack = [("open", root, -1)]
    while stack:
        op, x, p = stack.pop()
        if op == "text":
            parts.append(x)
            continue
        if 1 <= x <= n:
            parts.append("t%d" % x)
        else:
            kids = sorted(adj[x] - {p})
            rnd.shuffle(kids)
            parts.append("(")
            stack.append(("text", ")" + ((":%.4f" % rnd.expovariate(10)) if lengths and p != -1 else ""), None))
            for i, k in enumerate(reversed(kids)):
                if i > 0:
                    stack.append(("text", ",", None))
                stack.append(("open", k, x))
            continue
        if lengths:
            parts.append(":%.4f" % rnd.expovariate(10))
    return "".join(parts) + ";"


def main():
    k, n, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    lengths = "--lengths" in sys.argv
    rnd = random.Random(seed)
    base = random_tree(n, rnd)
    out = sys.stdout
    max_moves = max(2, n // 10)
    for arg in sys.argv[4:]:
        if arg.startswith("--moves="):
            max_moves = int(arg.split("=")[1])
    for _ in range(k):
        adj = {x: set(s) for x, s in base.items()}
        inner = [x for x in adj if x == 0 or x > n]
        for _ in range(rnd.randint(0, max_moves)):
            nni(adj, n, rnd, inner)
        out.write(write(adj, n, rnd, lengths) + "\n")


if __name__ == "__main__":
    main()
