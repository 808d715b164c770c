"""One table row from a `wrk --latency` output, or with --rate from rate.c's output line, and the
CPU seconds the server used meanwhile.

  row.py LABEL WRK_OUTPUT CPU_SECONDS MEASURED_SECONDS [WRK_CPU_SECONDS]
  row.py --rate LABEL RATE_OUTPUT CPU_SECONDS MEASURED_SECONDS [GENERATOR_CPU_SECONDS]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "registry-api"))
from summarize import wrk  # noqa: E402

args = sys.argv[1:]
fixed = args[0] == "--rate"
if fixed:
    args = args[1:]
label, path, cpu, secs = args[0], args[1], float(args[2]), float(args[3])
gen_cpu = float(args[4]) if len(args) > 4 else None
if fixed:
    with open(path) as f:
        figures = dict(pair.split("=", 1) for pair in f.read().split())
    answered = float(figures["answered_per_s"])
    secs = float(figures.get("seconds", secs))  # an overloaded server's answers come in after the window
    per_request = cpu / (answered * secs) * 1e6 if answered else 0
    row = "| %-22s | %8.0f | %7.2f | %7.2f | %7.2f | %7.2f | %7.2f | %8.0f | %4.2f | %s | %s |" % (
        label, answered, float(figures["p50"]), float(figures["p90"]), float(figures["p99"]),
        float(figures["p999"]), float(figures["max"]), per_request, cpu / secs, figures["errors"],
        figures["unfinished"])
else:
    rps, p50, p90, p99, errors = wrk(path)
    per_request = cpu / (rps * secs) * 1e6 if rps else 0
    row = "| %-22s | %8.0f | %7.2f | %7.2f | %7.2f | %8.0f | %4.2f | %s |" % (
        label, rps or 0, p50 or 0, p90 or 0, p99 or 0, per_request, cpu / secs, errors or "")
if gen_cpu is not None:
    row += " %4.2f |" % (gen_cpu / secs)
print(row)
