"""Real clients against a real server process get the same answers as the embedded engine."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import ResultRow
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

from kg.config import Config
from kg.query.safety.guard import scan
from kg.query.store import Store

from .conftest import ROOT
from .servers import running_server

# SELECT queries, whose answers compare row by row (parameters stay unbound: plain variables);
# the ASK and CONSTRUCT saved queries are compared in test_queries.py and test_saved_api.py
QUERIES = [
    p
    for p in sorted((ROOT / "queries").glob("*.rq"))
    if scan(p.read_text(encoding="utf-8")).form == "SELECT"
]


@pytest.fixture(scope="module")
def server(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(cfg.out_dir, tmp_path_factory.mktemp("clients") / "state") as url:
        yield url


def _embedded(store: Store, text: str) -> list[tuple[str | None, ...]]:
    res = store.query(text)
    return sorted((tuple(r[v] for v in res.variables) for r in res.values()), key=repr)


def _from_json(doc: Any) -> list[tuple[str | None, ...]]:
    head = doc["head"]["vars"]
    rows = doc["results"]["bindings"]
    return sorted((tuple(b.get(v, {}).get("value") for v in head) for b in rows), key=repr)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_sparqlwrapper_gets_the_embedded_answers(server: str, store: Store, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(text)
    client.setReturnFormat(JSON)
    assert _from_json(client.query().convert()) == _embedded(store, text)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_curl_gets_the_embedded_answers(server: str, store: Store, path: Path) -> None:
    res = subprocess.run(
        [
            "curl",
            "-sS",
            "--fail",
            "-H",
            "Accept: application/sparql-results+json",
            "--data-urlencode",
            f"query@{path}",
            server + "/sparql",
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert _from_json(json.loads(res.stdout)) == _embedded(store, path.read_text(encoding="utf-8"))


def test_sparqlwrapper_csv_and_construct(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(
        "PREFIX kg: <http://localhost:5000/id/> PREFIX kgo: <http://localhost:5000/ontology#> SELECT ?n WHERE { kg:kalpana-soren kgo:numberOfChildren ?n }"
    )
    client.setReturnFormat(CSV)
    assert client.query().convert() == b"n\r\n2\r\n"
    client.setQuery(
        "PREFIX kg: <http://localhost:5000/id/> CONSTRUCT { kg:kalpana-soren ?p ?o } WHERE { kg:kalpana-soren ?p ?o FILTER(isLiteral(?o)) }"
    )
    client.setReturnFormat(TURTLE)
    g = Graph()
    g.parse(data=cast(bytes, client.query().convert()), format="turtle")
    assert (
        URIRef("http://localhost:5000/id/kalpana-soren"),
        URIRef("http://localhost:5000/ontology#birthName"),
        Literal("Kalpana Murmu"),
    ) in g


def test_rdflib_sparqlstore_gets_the_embedded_answers(server: str, store: Store) -> None:
    remote = Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    for path in QUERIES:
        text = path.read_text(
            encoding="utf-8"
        )  # relative IRIs resolve against the server's base IRI
        got = sorted(
            (
                tuple(None if v is None else str(v) for v in row)
                for row in cast(Iterable[ResultRow], remote.query(text))
            ),
            key=repr,
        )
        assert got == _embedded(store, text), path.name
    triples = list(remote.triples((URIRef("http://localhost:5000/id/gandey"), None, None)))
    assert len(triples) > 3
