"""The first web surface: /sparql through Flask's test client and through a real server process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from kg.config import Config
from server import create_app

from .conftest import ROOT

Q = "PREFIX kg: <id/> PREFIX kgo: <ontology#> SELECT ?f WHERE { kg:kalpana-soren kgo:fatherInLaw ?f }"


@pytest.fixture(scope="module")
def client(cfg: Config, built: object) -> FlaskClient:
    app = create_app({"TESTING": True, "KG_BUILD_DIR": str(cfg.out_dir)})
    return app.test_client()


def test_sparql_get_and_post(client: FlaskClient) -> None:
    for res in (
        client.get("/sparql", query_string={"query": Q}),
        client.post("/sparql", data={"query": Q}),
    ):
        assert res.status_code == 200
        assert res.mimetype == "application/sparql-results+json"
        assert res.get_json()["results"]["bindings"] == [
            {"f": {"type": "uri", "value": "http://localhost:5000/id/shibu-soren"}}
        ]


def test_bad_queries_get_400_naming_the_problem(client: FlaskClient) -> None:
    res = client.get("/sparql", query_string={"query": "SELEC ?x"})
    assert res.status_code == 400
    assert res.get_data(as_text=True).startswith("SPARQL syntax error: error at 1:9")
    assert client.get("/sparql").status_code == 400


def test_the_app_refuses_to_start_without_a_build(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FileNotFoundError, match="run `kg build` first"):
        create_app({"KG_BUILD_DIR": str(tmp_path)})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(cfg: Config, built: object) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "KG_BUILD_DIR": str(cfg.out_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "/", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        else:
            pytest.fail("server did not start in 30 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_real_server_answers_sparql(server: str) -> None:
    url = server + "/sparql?" + urllib.parse.urlencode({"query": Q})
    with urllib.request.urlopen(url, timeout=10) as res:
        doc = json.load(res)
    assert doc["results"]["bindings"][0]["f"]["value"] == "http://localhost:5000/id/shibu-soren"
    with urllib.request.urlopen(server + "/", timeout=10) as res:
        assert b"SPARQL endpoint" in res.read()
