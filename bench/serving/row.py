"""One table row from a `wrk --latency` output and the CPU seconds the server used meanwhile.

  row.py LABEL WRK_OUTPUT CPU_SECONDS MEASURED_SECONDS [WRK_CPU_SECONDS]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "registry-api"))
from summarize import wrk  # noqa: E402

label, path, cpu, secs = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
rps, p50, p90, p99, errors = wrk(path)
wrk_cpu = float(sys.argv[5]) if len(sys.argv) > 5 else None
per_request = cpu / (rps * secs) * 1e6 if rps else 0
row = "| %-22s | %8.0f | %7.2f | %7.2f | %7.2f | %8.0f | %4.2f | %s |" % (
    label, rps or 0, p50 or 0, p90 or 0, p99 or 0, per_request, cpu / secs, errors or "")
if wrk_cpu is not None:
    row += " %4.2f |" % (wrk_cpu / secs)
print(row)
