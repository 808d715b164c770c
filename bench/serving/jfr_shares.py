"""Shares of a JFR recording's execution samples on the HTTP request threads, by who owns the code.

  JFR=$JAVA_HOME/bin/jfr jfr_shares.py RECORDING.jfr|PRINTED.json [THREAD_PREFIX [FROM TO]]

THREAD_PREFIX defaults to http- (Tomcat's platform threads http-nio-*, its virtual ones http-virtual-*); FROM and TO (UTC, e.g. 2026-11-29T23:49:47) keep the samples
taken between them, e.g. the single-gene rows of bench/serving/run.sh only. A .json file is the
output of `jfr print --json --stack-depth 64 --events jdk.ExecutionSample`, reused as it is.

Each sample is charged to the innermost frame that is not the JDK's own (java.*, jdk.*, sun.*):
JDK code (collections, I/O, strings) counts for whoever called it. Categories are by package;
the model is the classifier (its inference and k-mer feature packages). Prints one line per category, largest first.
"""
import collections
import json
import os
import subprocess
import sys

CATEGORIES = [  # first prefix that matches wins
    ("model (k-mer features and inference)", ("dev.promoter.inference.", "dev.promoter.features.")),
    ("our serving code", ("dev.promoter.",)),
    ("Jackson", ("com.fasterxml.",)),
    ("Micrometer", ("io.micrometer.",)),
    ("Spring Security", ("org.springframework.security.",)),
    ("Spring MVC dispatch", ("org.springframework.web.servlet.", "org.springframework.web.method.",
                             "org.springframework.http.")),
    ("Spring filters", ("org.springframework.web.filter.", "org.springframework.boot.web.servlet.")),
    ("other Spring", ("org.springframework.",)),
    ("Tomcat", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("Postgres JDBC / Hikari", ("org.postgresql.", "com.zaxxer.")),
]
JDK = ("java.", "jdk.", "sun.", "javax.")


def category(frames):
    for name in frames:  # innermost first
        if name.startswith(JDK):
            continue
        for label, prefixes in CATEGORIES:
            if name.startswith(prefixes):
                return label
        return "other: " + ".".join(name.split(".")[:3])
    return "JDK only"


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "http-"
    start, end = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else ("", "~")
    if path.endswith(".json"):
        with open(path) as f:
            out = f.read()
    else:
        out = subprocess.run([os.environ.get("JFR", "jfr"), "print", "--json", "--stack-depth", "64", "--events",
                              "jdk.ExecutionSample", path], check=True, capture_output=True, text=True).stdout
    counts, total = collections.Counter(), 0
    for event in json.loads(out)["recording"]["events"]:
        thread = (event["values"].get("sampledThread") or {}).get("javaName") or ""
        if not thread.startswith(prefix) or not start <= event["values"]["startTime"] <= end:
            continue
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                  for f in event["values"]["stackTrace"]["frames"]]
        counts[category(frames)] += 1
        total += 1
    print("%d execution samples on %s* threads" % (total, prefix))
    for label, n in counts.most_common():
        print("%5.1f %%  %s" % (100.0 * n / total, label))


if __name__ == "__main__":
    main()
