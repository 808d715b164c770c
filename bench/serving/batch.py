"""Batch predictions through a server's predict API, and the agreement of two servers.

  batch.py bodies FASTA OUT_SINGLE OUT_BATCH       writes the request bodies the benchmark sends
  batch.py agree URL_A URL_B TOKEN_A TOKEN_B FASTA  labels of every record from both, compared
  batch.py run URL TOKEN FASTA PASSES CLIENTS       sequences/s over the whole file, best of PASSES
  batch.py first N OUT FASTA...                     the first N records of the files, cycled
  batch.py growth URL TOKEN FASTA REPEATS SIZE...   median latency of one request of SIZE 16S genes

Bodies: one JSON {"sequence"} per 16S gene of FASTA (for wrk), and the whole file as JSON
{"sequences": [...]} batches of at most 1,000 records and 900 KB (under both servers' limits).
"""
import gzip
import http.client
import json
import sys
import threading
import time
import urllib.parse

MAX_RECORDS = 1000
MAX_BYTES = 900_000


def read_fasta(path):
    opener = gzip.open if path.endswith(".gz") else open
    records, header, seq = [], None, []
    with opener(path, "rt") as f:
        for line in f:
            line = line.strip()
            if line.startswith(">"):
                if header is not None:
                    records.append((header, "".join(seq)))
                header, seq = line[1:], []
            elif line:
                seq.append(line)
    if header is not None:
        records.append((header, "".join(seq)))
    return records


def batches(records):
    out, current, size = [], [], 0
    for _, s in records:
        if current and (len(current) == MAX_RECORDS or size + len(s) + 3 > MAX_BYTES):
            out.append(current)
            current, size = [], 0
        current.append(s)
        size += len(s) + 3
    if current:
        out.append(current)
    return [json.dumps({"sequences": b}).encode() for b in out]


class Client:
    """One keep-alive connection."""

    def __init__(self, url, token):
        u = urllib.parse.urlparse(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        self.path = u.path
        self.headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

    def post(self, body):
        self.conn.request("POST", self.path, body, self.headers)
        r = self.conn.getresponse()
        data = r.read()
        if r.status != 200:
            raise SystemExit("%s answered %d: %s" % (self.path, r.status, data[:300]))
        return json.loads(data)


def labels(url, token, bodies):
    c = Client(url, token)
    return [p["label"] for b in bodies for p in c.post(b)["predictions"]]


def run(url, token, bodies, clients):
    todo = list(range(len(bodies)))
    lock = threading.Lock()
    answered = [0]

    def work():
        c = Client(url, token)
        while True:
            with lock:
                if not todo:
                    return
                i = todo.pop(0)
            n = len(c.post(bodies[i])["predictions"])
            with lock:
                answered[0] += n

    threads = [threading.Thread(target=work) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answered[0], time.perf_counter() - t0


def main():
    cmd = sys.argv[1]
    if cmd == "bodies":
        records = read_fasta(sys.argv[2])
        with open(sys.argv[3], "w") as f:
            n = 0
            for header, s in records:
                if " class=16S" in header:
                    f.write(json.dumps({"sequence": s}) + "\n")
                    n += 1
        print("%d single-gene bodies (16S), %d batch bodies" % (n, len(batches(records))))
    elif cmd == "first":
        n, path, sources = int(sys.argv[2]), sys.argv[3], sys.argv[4:]
        records = [r for s in sources for r in read_fasta(s)]
        with open(path, "w") as f:
            for i in range(n):
                header, s = records[i % len(records)]
                f.write(">%s\n%s\n" % (header, s))
    elif cmd == "agree":
        a, b, ta, tb, fasta = sys.argv[2:7]
        records = read_fasta(fasta)
        bodies = batches(records)
        la, lb = labels(a, ta, bodies), labels(b, tb, bodies)
        truth = [h.split(" class=")[1].split()[0] if " class=" in h else None for h, _ in records]
        same = sum(x == y for x, y in zip(la, lb))
        right = sum(x == t for x, t in zip(la, truth))
        print("agreement: %d of %d labels equal; ours right on %d of %d" % (same, len(la), right, len(truth)))
        if same != len(la) or len(la) != len(records):
            raise SystemExit("the two servers disagree")
    elif cmd == "growth":
        url, token, fasta, repeats = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
        genes = [s for h, s in read_fasta(fasta) if " class=16S" in h]  # one kind: per-record cost comparable
        c = Client(url, token)
        print("records\tmedian_ms\tbest_ms\tus_per_record")
        for size in map(int, sys.argv[6:]):
            body = json.dumps({"sequences": [genes[i % len(genes)] for i in range(size)]}).encode()
            times = []
            for i in range(repeats + 2):
                t0 = time.perf_counter()
                c.post(body)
                if i >= 2:  # two warm-up requests per size
                    times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            median = times[len(times) // 2]
            print("%d\t%.3f\t%.3f\t%.1f" % (size, median, times[0], median * 1000 / size))
    elif cmd == "run":
        url, token, fasta, passes, clients = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
        bodies = batches(read_fasta(fasta))
        run(url, token, bodies[:2], clients)  # warm-up
        best = None
        for _ in range(passes):
            n, secs = run(url, token, bodies, clients)
            best = secs if best is None or secs < best else best
        print("batch records=%d requests=%d clients=%d best_s=%.3f seq_per_s=%.0f" % (n, len(bodies), clients, best, n / best))


if __name__ == "__main__":
    main()
