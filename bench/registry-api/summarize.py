"""Reads `wrk --latency` output (or a pgbench per-transaction log) and prints one table row."""
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def ms(text):
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * UNITS[unit]
    return float(text) * 1000.0


def wrk(path):
    rps, pct, errors = None, {}, 0
    for line in open(path):
        f = line.split()
        if line.startswith("Requests/sec:"):
            rps = float(f[1])
        elif len(f) == 2 and f[0] in ("50%", "90%", "99%"):
            pct[f[0]] = ms(f[1])
        elif line.strip().startswith("Non-2xx") or line.strip().startswith("Socket errors"):
            errors += sum(int(x.strip(",")) for x in f if x.strip(",").isdigit())
    return rps, pct.get("50%"), pct.get("90%"), pct.get("99%"), errors


def pgbench(paths, seconds):
    lat = []
    for path in paths:
        for line in open(path):
            lat.append(int(line.split()[2]) / 1000.0)
    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
    return len(lat) / seconds, q(0.50), q(0.90), q(0.99), 0


if __name__ == "__main__":
    label, kind = sys.argv[1], sys.argv[2]
    row = wrk(sys.argv[3]) if kind == "wrk" else pgbench(sys.argv[4:], float(sys.argv[3]))
    rps, p50, p90, p99, errors = row
    print("| %-34s | %8.0f | %7.2f | %7.2f | %7.2f | %s |" % (
        label, rps or 0, p50 or 0, p90 or 0, p99 or 0, errors or ""))
