"""The user graph survives a killed server, a restart and a rebuild (real processes)."""

from __future__ import annotations

import json
import os
import signal
import urllib.parse
import urllib.request
from pathlib import Path

from .conftest import kg_cli
from .servers import TOKEN, running_server

NOTE = 'PREFIX kgo: <ontology#> INSERT DATA { GRAPH <graph/user> { <id/barhait> kgo:note "reserved for Scheduled Tribes?" } }'
ASK = "SELECT ?g ?o WHERE { GRAPH ?g { <http://localhost:5000/id/barhait> <http://localhost:5000/ontology#note> ?o } }"


def _update(url: str, text: str) -> int:
    req = urllib.request.Request(
        url + "/sparql",
        data=text.encode(),
        method="POST",
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
    )
    with urllib.request.urlopen(req, timeout=30) as res:
        status: int = res.status
        return status


def _notes(url: str) -> list[tuple[str, str]]:
    with urllib.request.urlopen(
        url + "/sparql?" + urllib.parse.urlencode({"query": ASK}), timeout=30
    ) as res:
        doc = json.load(res)
    return [(b["g"]["value"], b["o"]["value"]) for b in doc["results"]["bindings"]]


def _build(build_dir: Path) -> None:
    kg_cli("build", check=True, KG_BUILD_DIR=str(build_dir))


def test_user_graph_survives_sigkill_restart_and_rebuild(tmp_path: Path) -> None:
    build_dir, state = tmp_path / "build", tmp_path / "state"
    _build(build_dir)
    expected = [("http://localhost:5000/graph/user", "reserved for Scheduled Tribes?")]
    with running_server(build_dir, state, KG_UPDATE_TOKEN=TOKEN) as url:
        assert _update(url, NOTE) == 204
        assert _notes(url) == expected
        # kill the whole server (web process and workers) the moment the write was acknowledged
        os.killpg(url.pid, signal.SIGKILL)
    with running_server(build_dir, state, KG_UPDATE_TOKEN=TOKEN) as url:
        assert _notes(url) == expected
    _build(build_dir)  # a rebuild replaces build/, never the state folder
    with running_server(build_dir, state, KG_UPDATE_TOKEN=TOKEN) as url:
        assert _notes(url) == expected
        assert _update(url, NOTE.replace("INSERT DATA", "DELETE DATA")) == 204
        assert _notes(url) == []
    with running_server(build_dir, state, KG_UPDATE_TOKEN=TOKEN) as url:
        assert _notes(url) == []
