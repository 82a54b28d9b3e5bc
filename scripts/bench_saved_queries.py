"""Side by side, in one run against a real `kg serve`: the saved-query API (bind, run, record a
citable run) and the same query sent to /sparql, over HTTP; and a notebook run. Medians of N.

    .venv/bin/python scripts/bench_saved_queries.py      (after `kg build`)
"""

import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.servers import running_server  # noqa: E402

N = 60
state = Path(tempfile.mkdtemp()) / "state"
text = (ROOT / "queries" / "c02-constituency.rq").read_text(encoding="utf-8")
q14 = (ROOT / "queries" / "q14-candidate-results.rq").read_text(encoding="utf-8")


def timed(url, data=None):
    t = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, data=data)) as r:
        r.read()
        assert r.status == 200
    return (time.perf_counter() - t) * 1000


with running_server(ROOT / "build", state) as url:
    for _ in range(5):
        timed(url + "/queries/c02-constituency.json")
        timed(url + "/sparql?" + urllib.parse.urlencode({"query": text}))
    rows = {
        "/sparql c02": [],
        "/queries/c02 (the same run each time)": [],
        "/queries/q14, minVotes=i (a new run each time)": [],
        "/sparql q14 text (parameters unbound)": [],
    }
    for i in range(N):
        rows["/sparql c02"].append(
            timed(url + "/sparql?" + urllib.parse.urlencode({"query": text}))
        )
        rows["/queries/c02 (the same run each time)"].append(
            timed(url + "/queries/c02-constituency.json")
        )
        rows["/queries/q14, minVotes=i (a new run each time)"].append(
            timed(url + f"/queries/q14-candidate-results.json?minVotes={i}")
        )
        rows["/sparql q14 text (parameters unbound)"].append(
            timed(url + "/sparql?" + urllib.parse.urlencode({"query": q14}))
        )
    nb = [timed(url + "/notebooks/counting-day-2024/run", data=b"") for _ in range(15)]
base = statistics.median(rows["/sparql c02"])
for k, v in rows.items():
    m = statistics.median(v)
    print(f"{k:48s} median {m:6.2f} ms  ratio to /sparql c02 {m / base:4.2f}")
print(f"{'notebook run counting-day (3 queries)':48s} median {statistics.median(nb):6.2f} ms")
