"""Issue 5's walk-through for notebooks, against real servers: edit counting-day, save a copy,
kill the server with SIGKILL, restart, find it intact, run it, export it to .ipynb and execute it
with nbclient against the endpoint.

    .venv/bin/python scripts/walkthrough_notebooks.py      (after `kg build`)
"""

import json
import os
import signal
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from tests.servers import TOKEN, running_server  # noqa: E402

state = Path(tempfile.mkdtemp()) / "state"
build = ROOT / "build"


def req(url, method="GET", body=None, headers=None):
    r = urllib.request.Request(
        url,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(r) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


with running_server(build, state, KG_UPDATE_TOKEN=TOKEN) as url:
    st, body = req(url + "/notebooks/counting-day-2024.json")
    nb = json.loads(body)
    nb["title"] = "Counting day: my notes"
    nb["cells"].append({"markdown": "My note: JMM held 34 seats at both hours."})
    nb.pop("source", None)
    nb.pop("revision", None)
    nb["slug"] = "my-counting-day"
    st, body = req(
        url + "/notebooks/my-counting-day",
        "PUT",
        {"notebook": nb, "base_revision": None, "message": "first copy"},
        {"Authorization": "Bearer " + TOKEN},
    )
    print("save", st, body)
    os.killpg(url.pid, signal.SIGKILL)
time.sleep(1)
with running_server(build, state, KG_UPDATE_TOKEN=TOKEN) as url:
    st, body = req(url + "/notebooks/my-counting-day.json")
    got = json.loads(body)
    print("after restart", st, got["title"], got["revision"], got["cells"][-1])
    st, body = req(url + "/notebooks/my-counting-day/run", "POST")
    run = json.loads(body)
    print("run", st, run["run"], [c.get("error") for c in run["cells"]])
    st, body = req(url + "/notebooks/my-counting-day.ipynb")
    print("ipynb", st, len(body))
    book = nbformat.reads(body.decode(), as_version=4)
    t = time.perf_counter()
    NotebookClient(book, timeout=120, kernel_name="python3").execute()
    print("nbclient %.1f s" % (time.perf_counter() - t))
    outs = "".join(
        json.dumps(o) for c in book.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    print(
        "has 31 and 14:", "31" in outs and "14" in outs, "errors:", '"output_type": "error"' in outs
    )
