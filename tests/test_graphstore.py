"""Graph Store Protocol: read any graph; write only the user graph, with a token; unsafe input refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph

from kg.config import Config

from .conftest import app_on_build
from .servers import TOKEN, HttpClient, listener, pick_client, running_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
USER = "http://localhost:5000/graph/user"


SETTINGS = {"KG_UPDATE_TOKEN": TOKEN}


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("gs"), **SETTINGS) as app:
        yield app


@pytest.fixture(scope="module")
def real_server(
    cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with running_server(
        cfg.out_dir, tmp_path_factory.mktemp("gs-http") / "state", **SETTINGS
    ) as url:
        yield url


@pytest.fixture(params=["test-client", "real-http"])
def client(request: pytest.FixtureRequest) -> FlaskClient | HttpClient:
    """Every test runs twice: through Flask's test client and over real HTTP to `kg serve`."""
    return pick_client(request)  # type: ignore[return-value]


def _user_graph(client: FlaskClient) -> set[tuple[str, str, str]]:
    res = client.get(
        "/rdf-graph-store",
        query_string={"graph": USER},
        headers={"Accept": "application/n-triples"},
    )
    g = Graph()
    g.parse(data=res.data, format="nt")
    return {(str(s), str(p), str(o)) for s, p, o in g}


def test_put_post_get_delete_the_user_graph(client: FlaskClient) -> None:
    note = "http://localhost:5000/ontology#note"
    ttl = b'@prefix kgo: <ontology#> . <id/gandey> kgo:note "seat in Giridih district" .'
    assert (
        client.put(
            "/rdf-graph-store",
            query_string={"graph": USER},
            data=ttl,
            content_type="text/turtle",
            headers=AUTH,
        ).status_code
        == 204
    )
    assert _user_graph(client) == {
        ("http://localhost:5000/id/gandey", note, "seat in Giridih district")
    }
    nt = b'<http://localhost:5000/id/barhait> <http://localhost:5000/ontology#note> "second" .\n'
    assert (
        client.post(
            "/rdf-graph-store",
            query_string={"graph": USER},
            data=nt,
            content_type="application/n-triples",
            headers=AUTH,
        ).status_code
        == 204
    )
    assert len(_user_graph(client)) == 2
    res = client.get(
        "/sparql", query_string={"query": "SELECT ?o WHERE { <id/barhait> <ontology#note> ?o }"}
    )
    assert res.get_json()["results"]["bindings"][0]["o"]["value"] == "second"
    assert (
        client.delete("/rdf-graph-store", query_string={"graph": USER}, headers=AUTH).status_code
        == 204
    )
    assert _user_graph(client) == set()


def test_built_graphs_are_read_only_and_writes_need_the_token(client: FlaskClient) -> None:
    g000 = "http://localhost:5000/graph/source/000"
    res = client.put(
        "/rdf-graph-store",
        query_string={"graph": g000},
        data=b"",
        content_type="text/turtle",
        headers=AUTH,
    )
    assert res.status_code == 403 and "is read-only" in res.get_data(as_text=True)
    assert (
        client.put(
            "/rdf-graph-store",
            query_string={"default": ""},
            data=b"",
            content_type="text/turtle",
            headers=AUTH,
        ).status_code
        == 403
    )
    assert (
        client.put(
            "/rdf-graph-store", query_string={"graph": USER}, data=b"", content_type="text/turtle"
        ).status_code
        == 401
    )
    res = client.get("/rdf-graph-store", query_string={"graph": g000})
    assert res.status_code == 200 and b"Kalpana" in res.data


def test_rdf_xml_with_a_dtd_is_refused(client: FlaskClient) -> None:
    billion = (
        b'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="http://localhost:5000/id/x"><rdf:value>&b;</rdf:value></rdf:Description></rdf:RDF>'
    )
    res = client.post(
        "/rdf-graph-store",
        query_string={"graph": USER},
        data=billion,
        content_type="application/rdf+xml",
        headers=AUTH,
    )
    assert res.status_code == 400 and "DOCTYPE" in res.get_data(as_text=True)
    assert _user_graph(client) == set()


def test_json_ld_remote_contexts_are_never_fetched(client: FlaskClient) -> None:
    with listener() as (port, hits):
        doc = f'{{"@context": "http://127.0.0.1:{port}/context.jsonld", "@id": "http://localhost:5000/id/x", "note": "y"}}'
        res = client.post(
            "/rdf-graph-store",
            query_string={"graph": USER},
            data=doc.encode(),
            content_type="application/ld+json",
            headers=AUTH,
        )
    assert res.status_code == 400 and "does not parse" in res.get_data(as_text=True)
    assert hits == []


def test_file_iris_are_never_read(client: FlaskClient) -> None:
    res = client.post(
        "/sparql",
        data={"update": "LOAD <file:///etc/hostname> INTO GRAPH <graph/user>"},
        headers=AUTH,
    )
    assert res.status_code == 403
    res = client.get(
        "/sparql", query_string={"query": "SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }"}
    )
    assert res.status_code == 400 and "not in this store" in res.get_data(as_text=True)
