"""The saved-query API, OpenAPI document and citable runs, through Flask's test client and over
real HTTP to `kg serve` (each test runs both ways)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate
from rdflib import Graph, URIRef

from kg.config import Config
from kg.query.saved import load_saved_queries

from .conftest import BASE, ROOT, app_on_build
from .servers import TOKEN, HttpClient, pick_client, running_server

K = BASE + "id/"
SETTINGS = {"KG_UPDATE_TOKEN": TOKEN}
TIMELINE = "q15-person-timeline"
RESULTS = "q14-candidate-results"
FAMILY_GRAPH = "q20-family-graph"


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("saved-state"), **SETTINGS) as app:
        yield app


@pytest.fixture(scope="module")
def real_server(
    cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    state = tmp_path_factory.mktemp("saved-http") / "state"
    with running_server(cfg.out_dir, state, **SETTINGS) as url:
        yield url, state


@pytest.fixture(params=["test-client", "real-http"])
def client(request: pytest.FixtureRequest) -> FlaskClient | HttpClient:
    return pick_client(request)  # type: ignore[return-value]


def values(res) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    return [{k: v["value"] for k, v in b.items()} for b in res.get_json()["results"]["bindings"]]


def run_id(res) -> str:  # type: ignore[no-untyped-def]
    link = res.headers["Link"]
    m = re.fullmatch(r'<(.+)/runs/([0-9a-f]{20})>; rel="cite-as"', link)
    assert m, link
    return m.group(2)


# ---- the list ----


def test_the_list_in_json_names_every_saved_query_with_its_parameters(client: FlaskClient) -> None:
    res = client.get("/queries", headers={"Accept": "application/json"})
    assert res.status_code == 200
    items = {q["name"]: q for q in res.get_json()["queries"]}
    assert sorted(items) == sorted(q.name for q in load_saved_queries(ROOT / "queries"))
    assert len(items) >= 20
    c02 = items["c02-constituency"]
    assert c02["formats"]["csv"] == "/queries/c02-constituency.csv"
    assert c02["form"] == "SELECT"
    person = next(p for p in items[TIMELINE]["parameters"] if p["name"] == "person")
    assert (person["type"], person["default"], person["variable"]) == (
        "iri",
        "id/kalpana-soren",
        "?_person_iri",
    )
    assert client.get("/queries.json").get_json() == res.get_json()


def test_the_list_in_html_links_each_form(client: FlaskClient) -> None:
    res = client.get("/queries", headers={"Accept": "text/html"})
    assert res.status_code == 200
    page = res.get_data(as_text=True)
    assert 'href="/queries/c01-father-in-law"' in page
    assert f'href="/queries/{TIMELINE}"' in page


# ---- running one ----


def test_each_format_of_a_select_query(client: FlaskClient) -> None:
    res = client.get("/queries/c02-constituency.json")
    assert res.status_code == 200
    assert res.mimetype == "application/sparql-results+json"
    assert values(res) == [
        {
            "post": "Member of the Jharkhand Legislative Assembly",
            "constituency": "Gandey",
            "start": "2024-06-04",
            "predecessor": "Sarfaraz Ahmad",
        }
    ]
    csv_res = client.get("/queries/c02-constituency.csv")
    assert csv_res.mimetype == "text/csv"
    table = list(csv.reader(io.StringIO(csv_res.get_data(as_text=True))))
    assert table[1][table[0].index("constituency")] == "Gandey"
    tsv = client.get("/queries/c02-constituency.tsv").get_data(as_text=True)
    assert '"Gandey"' in tsv.splitlines()[1]
    xml = client.get("/queries/c02-constituency.xml").get_data(as_text=True)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    literals = [e.text for e in ET.fromstring(xml).iter(ns + "literal")]
    assert "Gandey" in literals


def test_a_graph_query_answers_in_rdf_and_a_table_query_does_not(client: FlaskClient) -> None:
    res = client.get(f"/queries/{FAMILY_GRAPH}.ttl")
    assert res.status_code == 200
    assert res.mimetype == "text/turtle"
    g = Graph().parse(data=res.get_data(as_text=True), format="turtle")
    assert (URIRef(K + "kalpana-soren"), None, URIRef(K + "hemant-soren")) in g
    refused = client.get("/queries/c02-constituency.ttl")
    assert refused.status_code == 406
    assert ".json, .csv, .tsv, .xml" in refused.get_data(as_text=True)
    assert client.get(f"/queries/{FAMILY_GRAPH}.json").status_code == 406


def test_unknown_query_and_unknown_format_are_404(client: FlaskClient) -> None:
    res = client.get("/queries/no-such-query.json")
    assert res.status_code == 404
    assert "no saved query called 'no-such-query'" in res.get_data(as_text=True)
    assert client.get("/queries/c02-constituency.yaml").status_code == 404
    assert client.get("/queries/..%2Fkg.json").status_code == 404


def test_parameters_change_the_answer(client: FlaskClient) -> None:
    kalpana = values(client.get(f"/queries/{TIMELINE}.json"))
    hemant = values(client.get(f"/queries/{TIMELINE}.json?person=id/hemant-soren"))
    assert kalpana and hemant and kalpana != hemant
    assert {r["_person_iri"] for r in kalpana} == {K + "kalpana-soren"}
    assert {r["_person_iri"] for r in hemant} == {K + "hemant-soren"}
    absolute = values(client.get(f"/queries/{TIMELINE}.json?person={quote(K + 'hemant-soren')}"))
    assert absolute == hemant


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("person=id/kalpana-soren>%20?p%20?o%20}%20%23", "parameter 'person'"),
        ("person=id/kalpana-soren%22", "parameter 'person'"),
        ("person=id/x%5Cu0022%20", "parameter 'person'"),
        ("person=%3Chttp://evil/%3E", "parameter 'person'"),
        ("nobody=1", "parameter 'nobody': this query has no such parameter"),
        ("inference=maybe", "parameter 'inference'"),
    ],
)
def test_malformed_values_are_400_naming_the_parameter(
    client: FlaskClient, query: str, message: str
) -> None:
    res = client.get(f"/queries/{TIMELINE}.json?{query}")
    assert res.status_code == 400
    assert message in res.get_data(as_text=True)


@pytest.mark.parametrize(
    "value", ["0%20||%20true", "1)%20||%20(1=1", "1e9", "%221%22", "0x10", "1;%20DROP%20ALL"]
)
def test_numeric_injection_is_400(client: FlaskClient, value: str) -> None:
    res = client.get(f"/queries/{RESULTS}.json?minVotes={value}")
    assert res.status_code == 400
    assert "parameter 'minVotes'" in res.get_data(as_text=True)


@pytest.mark.parametrize(
    ("value", "raw"),
    [
        ('Soren"%20))%20}%20%23', 'Soren" )) } #'),
        ("x%5Cu0022))%20}%20UNION%20{%20?a%20?b%20?c", "x\\u0022)) } UNION { ?a ?b ?c"),
        ("%27)%20%7C%7C%20true%20%7C%7C%20(%27", "') || true || ('"),
    ],
)
def test_a_quote_breaking_string_is_just_a_value(client: FlaskClient, value: str, raw: str) -> None:
    """A string parameter holding quotes, escapes or SPARQL is bound as one literal: the query
    keeps its shape, no quoted evidence contains that text, and the value comes back intact."""
    res = client.get(f"/queries/q31-search-evidence-text.json?text={value}")
    assert res.status_code == 200, res.get_data(as_text=True)
    assert values(res) == []
    run = client.get(f"/runs/{run_id(res)}.json").get_json()
    assert run["parts"][0]["params"] == {"text": raw}


def test_a_string_parameter_finds_the_evidence(client: FlaskClient) -> None:
    rows = values(client.get("/queries/q31-search-evidence-text.json?text=Majority"))
    assert rows == [
        {
            "_text_string": "Majority",
            "article": "001",
            "start": "2022",
            "end": "2047",
            "quote": "the 42-seat majority mark",
            "facts": "1",
        }
    ]


def test_the_form_page_shows_fields_results_share_link_and_downloads(client: FlaskClient) -> None:
    res = client.get(f"/queries/{TIMELINE}?person=id/hemant-soren")
    assert res.status_code == 200
    page = res.get_data(as_text=True)
    assert 'name="person"' in page and 'value="id/hemant-soren"' in page
    assert f'id="share" href="/queries/{TIMELINE}?person=id%2Fhemant-soren"' in page
    assert f'href="/queries/{TIMELINE}.csv?person=id%2Fhemant-soren"' in page
    assert 'id="permalink" href="/runs/' in page
    bad = client.get(f"/queries/{TIMELINE}?person=id/x%22")
    assert bad.status_code == 400
    assert "parameter &#39;person&#39;" in bad.get_data(as_text=True)


# ---- OpenAPI ----


def test_openapi_document_is_valid_and_types_the_parameters(client: FlaskClient) -> None:
    doc = client.get("/openapi.json").get_json()
    validate(doc)
    op = doc["paths"][f"/queries/{RESULTS}.{{format}}"]["get"]
    params = {p["name"]: p for p in op["parameters"]}
    assert params["format"]["schema"]["enum"] == ["json", "csv", "tsv", "xml"]
    assert params["minVotes"]["schema"]["type"] == "integer"
    assert params["inference"]["schema"] == {"type": "boolean", "default": True}
    graph_op = doc["paths"][f"/queries/{FAMILY_GRAPH}.{{format}}"]["get"]
    assert "text/turtle" in graph_op["responses"]["200"]["content"]
    assert len([p for p in doc["paths"] if p.startswith("/queries/")]) == len(
        load_saved_queries(ROOT / "queries")
    )


# ---- citable runs ----


def test_a_run_records_what_was_asked_and_on_which_data(client: FlaskClient) -> None:
    res = client.get(f"/queries/{TIMELINE}.json?person=id/hemant-soren&inference=false")
    rid = run_id(res)
    run = client.get(f"/runs/{rid}.json").get_json()
    assert run["kind"] == "query" and run["name"] == TIMELINE
    part = run["parts"][0]
    assert part["params"] == {"person": "id/hemant-soren"}
    assert part["bound"] == {"_person_iri": f"<{K}hemant-soren>"}
    assert part["inference"] is False
    assert part["text"].startswith("#+ summary:")
    assert part["result"] == res.get_json()
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", run["build_id"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", run["created"])
    assert run["current"]["same_data"] is True and run["current"]["same_result"] is True
    # the same request again is the same run: one permalink for one (query, data, result)
    assert (
        run_id(client.get(f"/queries/{TIMELINE}.json?person=id/hemant-soren&inference=false"))
        == rid
    )
    assert run_id(client.get(f"/queries/{TIMELINE}.json?person=id/hemant-soren")) != rid
    page = client.get(f"/runs/{rid}").get_data(as_text=True)
    assert "the same result on the data served now" in page
    assert client.get("/runs/0000").status_code == 404


def test_a_run_says_when_the_data_changed_its_result(client: FlaskClient) -> None:
    """A membership statement added to the user graph changes C3's answer; the old run's
    permalink says so, and says it again once the statement is removed."""
    rid = run_id(client.get("/queries/c03-party-membership.json"))
    note = """PREFIX kgo: <ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX prov: <http://www.w3.org/ns/prov#>
    INSERT DATA { GRAPH <graph/user> {
      <id/test-person> rdfs:label "Test Person"@en .
      <id/test-statement> rdf:subject <id/test-person> ; rdf:predicate kgo:memberOfParty ;
          rdf:object <id/jharkhand-mukti-morcha> ; prov:wasDerivedFrom <id/test-ref> .
      <id/test-ref> kgo:statedIn <id/test-source> . <id/test-source> kgo:sourceId "999" .
    } }"""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/sparql", data={"update": note}, headers=auth).status_code == 204
    try:
        run = client.get(f"/runs/{rid}.json").get_json()
        assert run["current"]["same_data"] is False
        assert run["current"]["same_result"] is False
        assert "the data has changed since this run" in client.get(f"/runs/{rid}").get_data(
            as_text=True
        )
    finally:
        undo = note.replace("INSERT DATA", "DELETE DATA")
        assert client.post("/sparql", data={"update": undo}, headers=auth).status_code == 204
    assert client.get(f"/runs/{rid}.json").get_json()["current"]["same_result"] is True


def test_runs_survive_a_restart(cfg: Config, built: object, tmp_path: Path) -> None:
    state = tmp_path / "state"
    with running_server(cfg.out_dir, state) as url:
        res = HttpClient(url).get("/queries/c01-father-in-law.json")
        rid = run_id(res)
    with running_server(cfg.out_dir, state) as url:
        run = HttpClient(url).get(f"/runs/{rid}.json").get_json()
    assert run["parts"][0]["result"] == json.loads(res.get_data(as_text=True))


def test_a_notebook_run_with_a_failing_cell_is_the_same_while_it_still_fails(
    client: FlaskClient,
) -> None:
    """A cell whose parameter is malformed failed then and fails now: that is not a change."""
    nb = {
        "title": "One bad cell",
        "cells": [
            {"sparql": "SELECT ?_n_integer WHERE {}", "params": {"n": "one"}},
            {"query": "c02-constituency"},
        ],
    }
    res = client.post(
        "/notebooks/counting-day-2024/run", data=json.dumps(nb), content_type="application/json"
    )
    assert res.status_code == 200
    body = res.get_json()
    assert "parameter 'n'" in body["cells"][0]["error"]
    run = client.get(f"/runs/{body['run']['id']}.json").get_json()
    assert [p["error"] is None for p in run["parts"]] == [False, True]
    assert [p["same"] for p in run["current"]["parts"]] == [True, True]
    assert run["current"]["same_result"] is True
    page = client.get(f"/runs/{body['run']['id']}").get_data(as_text=True)
    assert "fails again: parameter &#39;n&#39;" in page
