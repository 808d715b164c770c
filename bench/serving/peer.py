"""The peer: the model server a user would otherwise write. FastAPI + uvicorn + scikit-learn,
serving the same k-mer logistic regression as Promoter's server.

The model is not retrained: the weights Promoter registered (exported by ExportWeights.java to
PEER_WEIGHTS) are set into a scikit-learn LogisticRegression (multinomial: a softmax over
coef_ @ x + intercept_, which is what Tribuo's logistic regression computes), so both servers
answer with the same model and the benchmark compares serving, not training. Features as
Promoter builds them: k-mer frequencies (A C G T either case, U as T; an ambiguous base breaks
the run) scaled to unit L2 norm, plus for k >= 5 the 3-mer frequencies as a second unit block
scaled by 2. Counting is vectorised with numpy (sliding windows and bincount), not a Python loop.

Same API shape as ours: POST /api/v1/models/{name}/predict with {"sequence"} or {"sequences"}
(at most 1,000, each at most 50,000 bases), a bearer token (PEER_TOKEN, compared in constant
time in memory: cheaper than ours, which looks its tokens up in Postgres), 400 for bad input.
"""
import hmac
import json
import os
import re
import uuid
from typing import List, Optional

import numpy as np
from fastapi import FastAPI, Header, HTTPException
from pydantic import BaseModel
from sklearn.linear_model import LogisticRegression

TOKEN = os.environ["PEER_TOKEN"]
MAX_BATCH = 1000
MAX_LENGTH = 50000
VALID = re.compile(r"^[ACGTURYSWKMBDHVNacgturyswkmbdhvn.\-\s]*$")

with open(os.environ["PEER_WEIGHTS"]) as f:
    exported = json.load(f)
K = exported["k"]
if exported["canonical"]:
    raise SystemExit("the peer reads forward-strand models only")
CODES = np.full(256, -1, dtype=np.int64)
for i, b in enumerate("ACGT"):
    CODES[ord(b)] = CODES[ord(b.lower())] = i
CODES[ord("U")] = CODES[ord("u")] = 3


def kmer_index(name):
    code = 0
    for b in name:
        code = code * 4 + "ACGT".index(b)
    return code


BLOCKS = [(K, 1.0, 0)] + ([(3, 2.0, 4 ** K)] if K >= 5 else [])
DIM = sum(4 ** k for k, _, _ in BLOCKS)
columns = []
for name in exported["features"]:
    columns.append(4 ** K + kmer_index(name[3:]) if name.startswith("k3:") else kmer_index(name))
coef = np.zeros((len(exported["labels"]), DIM))
coef[:, columns] = np.array(exported["weights"])
MODEL = LogisticRegression(multi_class="multinomial")
MODEL.classes_ = np.array(exported["labels"])
MODEL.coef_ = coef
MODEL.intercept_ = np.array(exported["bias"])
MODEL.n_features_in_ = DIM
LABELS = list(MODEL.classes_)


def block(codes, k):
    """Frequencies of the k-mers of one sequence's base codes (-1 ambiguous), float32 as ours."""
    if len(codes) < k:
        return np.zeros(4 ** k, dtype=np.float32)
    windows = np.lib.stride_tricks.sliding_window_view(codes, k)
    ok = (windows >= 0).all(axis=1)
    kmers = windows[ok] @ (4 ** np.arange(k - 1, -1, -1))
    counts = np.bincount(kmers, minlength=4 ** k).astype(np.float32)
    total = len(kmers)
    return counts * np.float32(1.0 / total) if total else counts


def features(sequences):
    x = np.zeros((len(sequences), DIM))
    for row, s in enumerate(sequences):
        codes = CODES[np.frombuffer(s.encode("latin-1"), dtype=np.uint8)]
        for k, norm, offset in BLOCKS:
            f = block(codes, k).astype(np.float64)
            ss = float(f @ f)
            if ss > 0:
                x[row, offset:offset + 4 ** k] = f * (norm / np.sqrt(ss))
    return x


class PredictBody(BaseModel):
    sequence: Optional[str] = None
    sequences: Optional[List[str]] = None


app = FastAPI()


def checked(body):
    if (body.sequence is None) == (body.sequences is None):
        raise HTTPException(400, 'send "sequence" or "sequences", not both or neither')
    seqs = [body.sequence] if body.sequence is not None else body.sequences
    if not seqs or len(seqs) > MAX_BATCH:
        raise HTTPException(400, "send 1 to %d sequences" % MAX_BATCH)
    out = []
    for i, s in enumerate(seqs):
        if len(s) > MAX_LENGTH or not VALID.match(s):
            raise HTTPException(400, "sequence %d: not IUPAC nucleotides of at most %d bases" % (i, MAX_LENGTH))
        out.append("".join(s.split()).replace("-", "").replace(".", ""))
    return out


@app.post("/api/v1/models/{name}/predict")
async def predict(name: str, body: PredictBody, authorization: str = Header("")):
    if not hmac.compare_digest(authorization, "Bearer " + TOKEN):
        raise HTTPException(401, "the bearer token is unknown")
    seqs = checked(body)
    proba = MODEL.predict_proba(features(seqs))
    answers = []
    for p in proba:
        best = int(np.argmax(p))
        answers.append({"label": LABELS[best], "confidence": float(p[best]),
                        "probabilities": dict(zip(LABELS, map(float, p))), "version": 1, "route": "primary"})
    request_id = str(uuid.uuid4())
    if body.sequence is not None:
        return {"requestId": request_id, "model": name, **answers[0]}
    return {"requestId": request_id, "model": name, "version": 1, "route": "primary", "predictions": answers}
