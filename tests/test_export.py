"""Dumps (`kg export`, /export/) and the VoID description."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from flask import Flask
from rdflib import Dataset, Graph, Literal, Namespace, URIRef

from kg.config import Config
from kg.query.store import Store

from .conftest import ROOT, app_on_build

VOID = Namespace("http://rdfs.org/ns/void#")


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("exp")) as app:
        yield app


def _union_size(store: Store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values()[0]["n"] or 0)


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "dataset"),
    [
        ("nquads", "nquads", True),
        ("trig", "trig", True),
        ("jsonld", "json-ld", True),
        ("turtle", "turtle", False),
        ("ntriples", "nt", False),
    ],
)
def test_kg_export_writes_every_rdf_format(
    cfg: Config, store: Store, tmp_path: Path, fmt: str, rdflib_format: str, dataset: bool
) -> None:
    out = tmp_path / f"dump.{fmt}"
    env = {**os.environ, "KG_BUILD_DIR": str(cfg.out_dir)}
    res = subprocess.run(
        [sys.executable, "-m", "kg.cli", "export", "--format", fmt, "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    if dataset:
        ds = Dataset()
        ds.parse(out, format=rdflib_format)
        quads = sum(1 for _ in ds.quads())
        assert quads == sum(store.count_by_graph().values())
    else:
        g = Graph()
        g.parse(out, format=rdflib_format)
        assert len(g) == _union_size(store)
        assert (
            URIRef("http://localhost:5000/id/kalpana-soren"),
            URIRef("http://localhost:5000/ontology#fatherInLaw"),
            URIRef("http://localhost:5000/id/shibu-soren"),
        ) in g


def test_kg_export_names_an_unknown_format(cfg: Config) -> None:
    env = {**os.environ, "KG_BUILD_DIR": str(cfg.out_dir)}
    res = subprocess.run(
        [sys.executable, "-m", "kg.cli", "export", "--format", "pdf"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 2 and res.stderr.startswith(
        "kg: error: unknown export format 'pdf'; choose one of"
    )


def test_exports_over_http(app: Flask, store: Store) -> None:
    c = app.test_client()
    listing = c.get("/export/").get_json()["exports"]
    assert {"nquads", "trig", "turtle", "ntriples", "jsonld"} <= {e["name"] for e in listing}
    assert "Exports" in c.get("/export/", headers={"Accept": "text/html"}).get_data(as_text=True)
    res = c.get("/export/turtle")
    assert (
        res.mimetype == "text/turtle"
        and res.headers["Content-Disposition"] == 'attachment; filename="jharkhand-kg.ttl"'
    )
    g = Graph()
    g.parse(data=res.data, format="turtle")
    assert len(g) == _union_size(store)
    assert c.get("/export/pdf").status_code == 404


def test_void_describes_the_dataset(app: Flask, store: Store) -> None:
    res = app.test_client().get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert res.mimetype == "text/turtle"
    g = Graph()
    g.parse(data=res.data, format="turtle")
    ds = URIRef("http://localhost:5000/dataset")
    assert g.value(ds, VOID.triples) == Literal(_union_size(store))
    assert int(cast(Literal, g.value(ds, VOID.entities))) > 60
    assert (
        int(cast(Literal, g.value(ds, VOID.classes))) > 30
        and int(cast(Literal, g.value(ds, VOID.properties))) > 60
    )
    vocabularies = {str(v) for v in g.objects(ds, VOID.vocabulary)}
    assert {
        "http://schema.org/",
        "http://localhost:5000/ontology#",
        "http://www.w3.org/ns/oa#",
        "http://www.w3.org/ns/prov#",
    } <= vocabularies
    assert URIRef("http://localhost:5000/id/kalpana-soren") in set(
        g.objects(ds, VOID.exampleResource)
    )
    assert {str(d) for d in g.objects(ds, VOID.dataDump)} >= {
        "http://localhost/export/nquads",
        "http://localhost/export/trig",
    }
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef("http://localhost/sparql")
    subsets = {
        str(s): int(cast(Literal, g.value(s, VOID.triples))) for s in g.objects(ds, VOID.subset)
    }
    assert subsets == store.count_by_graph()
