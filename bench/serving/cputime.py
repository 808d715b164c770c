"""CPU seconds (user + system) used so far by processes and all their descendants.

  cputime.py PID... [--cmdline TEXT]...

--cmdline adds every process whose command line contains TEXT (the embedded Postgres detaches
from the server that started it, so it is found by its data folder) with its descendants. On a
shared machine CPU time per request is the steady figure: wall-clock throughput moves with
whatever else runs, the CPU a request costs much less.
"""
import os
import sys

TICK = os.sysconf("SC_CLK_TCK")


def table():
    procs = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                stat = f.read()
            with open("/proc/%s/cmdline" % d, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("latin-1")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        procs[int(d)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, cmd)
    return procs


def main():
    roots, texts, args = set(), [], sys.argv[1:]
    while args:
        a = args.pop(0)
        if a == "--cmdline":
            texts.append(args.pop(0))
        else:
            roots.add(int(a))
    procs = table()
    roots |= {p for p, (_, _, cmd) in procs.items() if any(t in cmd for t in texts)}
    chosen, grew = set(roots), True
    while grew:
        more = {p for p, (ppid, _, _) in procs.items() if ppid in chosen} - chosen
        chosen |= more
        grew = bool(more)
    print("%.2f" % sum(procs[p][1] for p in chosen if p in procs))


if __name__ == "__main__":
    main()
