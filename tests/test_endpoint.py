"""The SPARQL endpoint through Flask's test client: protocol, formats, errors, dataset, updates."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph

from kg.config import Config
from server import create_app

from .conftest import app_on_build
from .servers import TOKEN, HttpClient, pick_client, running_server

Q = "PREFIX kg: <id/> PREFIX kgo: <ontology#> SELECT ?f WHERE { kg:kalpana-soren kgo:fatherInLaw ?f }"
SHIBU = "http://localhost:5000/id/shibu-soren"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
USER = "http://localhost:5000/graph/user"


SETTINGS = {"KG_UPDATE_TOKEN": TOKEN, "KG_ROW_CAP": "25"}


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("state"), **SETTINGS) as app:
        yield app


@pytest.fixture(scope="module")
def real_server(
    cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    state = tmp_path_factory.mktemp("endpoint-http") / "state"
    with running_server(cfg.out_dir, state, **SETTINGS) as url:
        yield url, state


@pytest.fixture(params=["test-client", "real-http"])
def client(request: pytest.FixtureRequest) -> FlaskClient | HttpClient:
    """Every test runs twice: through Flask's test client and over real HTTP to `kg serve`."""
    return pick_client(request)  # type: ignore[return-value]


def state_file(request: pytest.FixtureRequest, client: object) -> Path:
    if isinstance(client, HttpClient):
        state: Path = request.getfixturevalue("real_server")[1]
        return state / "user-graph.nq"
    return Path(request.getfixturevalue("app").extensions["kg_endpoint"].user_graph.path)


def bindings(res) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    return [{k: v["value"] for k, v in b.items()} for b in res.get_json()["results"]["bindings"]]


# ---- the three ways to send a query ----


def test_query_by_get_post_form_and_post_direct(client: FlaskClient) -> None:
    for res in (
        client.get("/sparql", query_string={"query": Q}),
        client.post("/sparql", data={"query": Q}),
        client.post("/sparql", data=Q.encode(), content_type="application/sparql-query"),
    ):
        assert res.status_code == 200
        assert res.mimetype == "application/sparql-results+json"
        assert bindings(res) == [{"f": SHIBU}]


# ---- formats: parameter and content negotiation ----


def test_select_results_in_every_format(client: FlaskClient) -> None:
    res = client.get("/sparql", query_string={"query": Q, "format": "xml"})
    assert res.mimetype == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [e.text for e in ET.fromstring(res.data).findall(".//r:uri", ns)] == [SHIBU]
    res = client.get("/sparql", query_string={"query": Q}, headers={"Accept": "text/csv"})
    assert res.mimetype == "text/csv" and list(
        csv.reader(io.StringIO(res.get_data(as_text=True)))
    ) == [["f"], [SHIBU]]
    res = client.get(
        "/sparql", query_string={"query": Q}, headers={"Accept": "text/tab-separated-values"}
    )
    assert res.get_data(as_text=True) == f"?f\n<{SHIBU}>\n"
    res = client.get(
        "/sparql",
        query_string={"query": "ASK { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert res.get_json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("fmt", "media", "rdflib_format"),
    [
        ("turtle", "text/turtle", "turtle"),
        ("ntriples", "application/n-triples", "nt"),
        ("jsonld", "application/ld+json", "json-ld"),
        ("rdfxml", "application/rdf+xml", "xml"),
        ("trig", "application/trig", "trig"),
        ("nquads", "application/n-quads", "nquads"),
    ],
)
def test_construct_in_every_rdf_format(
    client: FlaskClient, fmt: str, media: str, rdflib_format: str
) -> None:
    q = "PREFIX kg: <id/> PREFIX kgo: <ontology#> CONSTRUCT { kg:kalpana-soren kgo:fatherInLaw ?f } WHERE { kg:kalpana-soren kgo:fatherInLaw ?f }"
    for res in (
        client.get("/sparql", query_string={"query": q, "format": fmt}),
        client.get("/sparql", query_string={"query": q}, headers={"Accept": media}),
    ):
        assert res.status_code == 200 and res.mimetype == media
        g = Graph()
        g.parse(data=res.data, format=rdflib_format)
        assert [(str(s), str(o)) for s, _, o in g] == [
            ("http://localhost:5000/id/kalpana-soren", SHIBU)
        ]


def test_describe_defaults_to_turtle(client: FlaskClient) -> None:
    res = client.get("/sparql", query_string={"query": "DESCRIBE <id/gandey>"})
    assert res.mimetype == "text/turtle"
    assert "Constituency of the Jharkhand Legislative Assembly" in res.get_data(as_text=True)


# ---- errors name the problem ----


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"query_string": {"query": "SELECT ?x WHERE { ?x"}}, 400, "SPARQL syntax error: "),
        (
            {"query_string": {"query": Q}, "headers": {"Accept": "image/png"}},
            406,
            "no acceptable media type for SELECT results",
        ),
        ({"query_string": {"query": Q, "format": "pdf"}}, 400, "unknown format 'pdf'"),
        (
            {"query_string": {"query": Q, "inference": "maybe"}},
            400,
            "inference must be true or false",
        ),
        (
            {"query_string": [("query", Q), ("query", Q)]},
            400,
            "the request has 2 'query' parameters",
        ),
        ({"query_string": {"update": "CLEAR ALL"}}, 400, "SPARQL Update is never run by GET"),
        (
            {"query_string": {"query": "INSERT DATA { <a> <b> <c> }"}},
            400,
            "this is a SPARQL Update, not a query",
        ),
        (
            {
                "query_string": {
                    "query": "SELECT * FROM <http://example.org/elsewhere> WHERE { ?s ?p ?o }"
                }
            },
            400,
            "graph <http://example.org/elsewhere> is not in this store",
        ),
        (
            {"query_string": {"query": "ASK {}", "default-graph-uri": "file:///etc/passwd"}},
            400,
            "graph <file:///etc/passwd> is not in this store",
        ),
        (
            {
                "query_string": {
                    "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
                }
            },
            403,
            "SERVICE <http://127.0.0.1:9/sparql> is not allowed",
        ),
        (
            {
                "query_string": {
                    "query": "SELECT * WHERE { \\u0053ERVICE <http://example.org/> { ?s ?p ?o } }"
                }
            },
            403,
            "SERVICE <http://example.org/> is not allowed",
        ),
    ],
)
def test_bad_queries_get_4xx_naming_the_problem(
    client: FlaskClient, kwargs: dict[str, object], status: int, message: str
) -> None:
    res = client.get("/sparql", **kwargs)
    assert res.status_code == status
    assert res.mimetype == "text/plain"
    assert message in res.get_data(as_text=True)


def test_unknown_content_type_is_415_and_oversize_body_is_413(client: FlaskClient) -> None:
    res = client.post("/sparql", data="ASK {}", content_type="text/plain")
    assert res.status_code == 415 and "unsupported Content-Type 'text/plain'" in res.get_data(
        as_text=True
    )
    res = client.post("/sparql", data="x", headers={"Content-Type": ""})
    assert res.status_code == 415
    res = client.post(
        "/sparql", data=b"ASK {} #" + b"x" * 2_000_000, content_type="application/sparql-query"
    )
    assert res.status_code == 413 and "larger than the 1048576 byte limit" in res.get_data(
        as_text=True
    )
    res = client.put("/sparql", data="ASK {}")
    assert res.status_code == 405 and res.headers["Allow"] == "GET, POST, OPTIONS"


# ---- service description and page ----


def test_get_without_a_query_gives_a_service_description_or_the_page(client: FlaskClient) -> None:
    res = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert res.mimetype == "text/turtle"
    g = Graph()
    g.parse(data=res.data, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert {
        str(o)
        for o in g.objects(
            None,
            g.namespace_manager.expand_curie("sd:supportedLanguage")
            if False
            else __import__("rdflib").URIRef(sd + "supportedLanguage"),
        )
    } == {sd + "SPARQL11Query", sd + "SPARQL11Update"}
    names = {str(o) for o in g.objects(None, __import__("rdflib").URIRef(sd + "name"))}
    assert "http://localhost:5000/graph/source/000" in names and USER in names
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.mimetype == "text/html" and b"<html" in page.data.lower()


# ---- the dataset view ----


def test_default_graph_is_the_union_and_graphs_are_reachable(client: FlaskClient) -> None:
    res = client.get(
        "/sparql",
        query_string={
            "query": "SELECT ?g WHERE { GRAPH ?g { <id/kalpana-soren> <ontology#fatherInLaw> ?f } } ORDER BY ?g"
        },
    )
    assert [b["g"] for b in bindings(res)] == [
        "http://localhost:5000/graph/inferred",
        "http://localhost:5000/graph/source/000",
    ]
    # the union holds each triple once, though two graphs hold it
    res = client.get(
        "/sparql",
        query_string={
            "query": "SELECT (COUNT(*) AS ?n) WHERE { <id/kalpana-soren> <ontology#fatherInLaw> ?f }"
        },
    )
    assert bindings(res) == [{"n": "1"}]


def test_asserted_facts_only_by_parameter(client: FlaskClient) -> None:
    q = "SELECT ?p WHERE { <id/shibu-soren> ?p <id/kalpana-soren> }"
    with_inference = {b["p"] for b in bindings(client.get("/sparql", query_string={"query": q}))}
    asserted = {
        b["p"]
        for b in bindings(client.get("/sparql", query_string={"query": q, "inference": "false"}))
    }
    assert "http://localhost:5000/ontology#daughterInLaw" in with_inference
    assert asserted == set()
    graphs = bindings(
        client.get(
            "/sparql",
            query_string={
                "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                "inference": "false",
            },
        )
    )
    assert {b["g"].rsplit("/", 1)[-1] for b in graphs} == {
        "000",
        "001",
        "002",
        "entities",
        "reference",
        "ontology",
    }


def test_protocol_dataset_parameters_choose_graphs_of_this_store(client: FlaskClient) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s <ontology#fatherInLaw> ?o }"
    only_001 = client.get(
        "/sparql",
        query_string={"query": q, "default-graph-uri": "http://localhost:5000/graph/source/001"},
    )
    only_000 = client.get(
        "/sparql",
        query_string={"query": q, "default-graph-uri": "http://localhost:5000/graph/source/000"},
    )
    assert bindings(only_001) == [{"n": "0"}] and bindings(only_000) == [{"n": "1"}]


# ---- the row cap is visible ----


def test_row_cap_is_announced_not_silent(client: FlaskClient) -> None:
    res = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p ?o }"})
    assert (
        res.headers["X-KG-Row-Cap"] == "25"
        and res.headers["X-KG-Truncated"] == "true"
        and res.headers["X-KG-Rows"] == "25"
    )
    assert len(bindings(res)) == 25
    res = client.get("/sparql", query_string={"query": Q})
    assert res.headers["X-KG-Truncated"] == "false" and res.headers["X-KG-Rows"] == "1"


# ---- CORS ----


def test_cors_on_get_post_and_preflight(client: FlaskClient) -> None:
    origin = {"Origin": "https://notebook.example"}
    assert (
        client.get("/sparql", query_string={"query": Q}, headers=origin).headers[
            "Access-Control-Allow-Origin"
        ]
        == "*"
    )
    assert (
        client.post("/sparql", data={"query": Q}, headers=origin).headers[
            "Access-Control-Allow-Origin"
        ]
        == "*"
    )
    pre = client.options(
        "/sparql",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert (
        pre.headers["Access-Control-Allow-Origin"] == "*"
        and "POST" in pre.headers["Access-Control-Allow-Methods"]
    )
    exposed = client.get("/sparql", query_string={"query": Q}, headers=origin).headers[
        "Access-Control-Expose-Headers"
    ]
    assert "X-KG-Truncated" in exposed


# ---- updates ----

INSERT = 'PREFIX kgo: <ontology#> INSERT DATA { GRAPH <graph/user> { <id/kalpana-soren> kgo:note "checked against the Gazette" } }'


def test_updates_need_the_token(client: FlaskClient) -> None:
    res = client.post("/sparql", data={"update": INSERT})
    assert res.status_code == 401 and res.headers["WWW-Authenticate"].startswith("Bearer")
    res = client.post(
        "/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer wrong-token-xxxxxxxx"}
    )
    assert res.status_code == 401 and "not valid" in res.get_data(as_text=True)


@pytest.mark.parametrize(
    ("update", "message"),
    [
        ("CLEAR ALL", "this one writes ALL graphs"),
        ("DROP DEFAULT", "this one writes the default graph"),
        ('INSERT DATA { <id/x> <ontology#note> "y" }', "this one writes the default graph"),
        (
            'INSERT DATA { GRAPH <graph/source/000> { <id/x> <ontology#note> "y" } }',
            "this one writes <http://localhost:5000/graph/source/000>",
        ),
        ("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "a graph chosen by variable (?g)"),
        (
            "MOVE <graph/inferred> TO <graph/user>",
            "this one writes <http://localhost:5000/graph/inferred>",
        ),
        ("LOAD <file:///etc/passwd> INTO GRAPH <graph/user>", "LOAD is refused"),
    ],
)
def test_updates_may_only_write_the_user_graph(
    client: FlaskClient, update: str, message: str
) -> None:
    before = bindings(
        client.get(
            "/sparql",
            query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
        )
    )
    res = client.post("/sparql", data={"update": update}, headers=AUTH)
    assert res.status_code == 403
    assert message in res.get_data(as_text=True)
    after = bindings(
        client.get(
            "/sparql",
            query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
        )
    )
    assert after == before


def test_an_update_writes_the_user_graph_and_queries_see_it(
    client: FlaskClient, request: pytest.FixtureRequest
) -> None:
    res = client.post(
        "/sparql", data=INSERT.encode(), content_type="application/sparql-update", headers=AUTH
    )
    assert res.status_code == 204
    q = "SELECT ?g ?o WHERE { GRAPH ?g { <id/kalpana-soren> <ontology#note> ?o } }"
    assert bindings(client.get("/sparql", query_string={"query": q})) == [
        {"g": USER, "o": "checked against the Gazette"}
    ]
    q2 = "SELECT ?o WHERE { <id/kalpana-soren> <ontology#note> ?o }"
    assert bindings(client.get("/sparql", query_string={"query": q2})) == [
        {"o": "checked against the Gazette"}
    ]
    assert bindings(client.get("/sparql", query_string={"query": q2, "inference": "false"})) == []
    state = state_file(request, client).read_text()
    assert "checked against the Gazette" in state and "<http://localhost:5000/graph/user>" in state
    res = client.post(
        "/sparql", data={"update": INSERT.replace("INSERT DATA", "DELETE DATA")}, headers=AUTH
    )
    assert res.status_code == 204
    assert bindings(client.get("/sparql", query_string={"query": q2})) == []


# ---- observability ----


def test_metrics_in_prometheus_text_format(client: FlaskClient) -> None:
    client.get("/sparql", query_string={"query": Q})
    client.get("/sparql", query_string={"query": "SELECT * WHERE { SERVICE <http://x/> {} }"})
    text = client.get("/metrics").get_data(as_text=True)
    assert 'kg_sparql_requests_total{operation="query",status="200"}' in text
    assert 'kg_sparql_rejections_total{reason="refused"}' in text
    assert "kg_sparql_duration_seconds_bucket" in text and "kg_sparql_timeouts_total" in text


def test_each_query_is_logged(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="kg.query"):
        app.test_client().get("/sparql", query_string={"query": Q})
    entry = json.loads(caplog.records[-1].getMessage())
    assert (
        entry["status"] == 200
        and entry["rows"] == 1
        and entry["timeout"] is False
        and entry["operation"] == "query"
    )
    assert isinstance(entry["duration_ms"], float) and entry["time"]


def test_the_app_refuses_to_start_without_a_build(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="run `kg build` first"):
        create_app({"KG_BUILD_DIR": str(tmp_path), "KG_STATE_DIR": str(tmp_path / "state")})


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("KG_QUERY_TIMEOUT", "soon", "KG_QUERY_TIMEOUT must be a number"),
        ("KG_WORKERS", "0", "KG_WORKERS must be positive"),
        ("KG_UPDATE_TOKEN", "short", "KG_UPDATE_TOKEN must be at least 16 characters"),
        ("KG_UPDATE_SCOPE", "everything", "KG_UPDATE_SCOPE must be 'user' or 'all'"),
    ],
)
def test_bad_settings_are_named(
    cfg: Config, tmp_path: Path, setting: str, value: str, message: str
) -> None:
    from kg.config import ConfigError

    with pytest.raises(ConfigError, match=message):
        create_app(
            {"KG_BUILD_DIR": str(cfg.out_dir), "KG_STATE_DIR": str(tmp_path), setting: value}
        )


# ---- entity IRIs answer (the links of the query page's results) ----


def test_an_entity_iri_gives_browsers_a_page_and_rdf_clients_its_description(
    client: FlaskClient,
) -> None:
    page = client.get("/id/kalpana-soren", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert html.count("<h1>Kalpana Soren ") == 1
    # a stated fact with its article, date and the quoted span in context
    assert '<a href="/source/000#c276-314">000</a>' in html
    assert "<mark>Relations: Shibu Soren (father-in-Law)</mark>" in html
    assert '<a href="/source/001#c' in html and "(2024-11-23):" in html  # 001 and its date
    # an inferred fact is marked and links to its explanation
    assert (
        '<span class="badge inferred">inferred</span> <a href="/explain?s=http%3A%2F%2Flocalhost%3A5000%2Fid%2Fkalpana-soren&amp;p=http%3A%2F%2Flocalhost%3A5000%2Fontology%23fatherInLaw&amp;o=http%3A%2F%2Flocalhost%3A5000%2Fid%2Fshibu-soren">why?</a>'
        in html
    )
    # statement nodes with their qualifiers, each with sources
    assert (
        "Statements with qualifiers" in html
        and "<mark>109,827</mark>" in html
        and "<mark>Term Start: 4 June 2024</mark>" in html
    )
    # RDF clients get the facts with the statements, references and selectors behind them
    ttl = client.get("/id/kalpana-soren", headers={"Accept": "text/turtle"})
    assert ttl.mimetype == "text/turtle"
    g = Graph()
    g.parse(data=ttl.data, format="turtle")
    rdf, oa = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/ns/oa#"
    subjects = {str(o) for s_, p_, o in g if str(p_) == rdf + "subject"}
    assert subjects == {"http://localhost:5000/id/kalpana-soren"}
    assert "Relations: Shibu Soren (father-in-Law)" in {
        str(o) for _, p_, o in g if str(p_) == oa + "exact"
    }
    assert any(
        str(p_) == "http://localhost:5000/ontology#rule" for _, p_, _ in g
    )  # derivations of inferred facts
    jsonld = client.get("/id/election/2024-jharkhand-assembly", query_string={"format": "jsonld"})
    assert (
        jsonld.mimetype == "application/ld+json"
        and "2024 Jharkhand Legislative Assembly election" in jsonld.get_data(as_text=True)
    )
    assert client.get("/id/no-such-entity", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/id/no-such-entity", headers={"Accept": "text/html"}).status_code == 404
    # an entity with a checked Q-id links to its Wikidata item; one without has no such link
    hemant = client.get("/id/hemant-soren", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert (
        '<a class="wikidata" href="https://www.wikidata.org/wiki/Q13619621" rel="noopener"'
        in hemant
    )
    assert 'class="wikidata"' not in html  # Kalpana Soren: none was found
