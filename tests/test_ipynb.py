"""Jupyter export: parameters bound by text as grlc binds them (one escaped term, never query
text), the same answers as the engine's own binding, and the exported counting-day notebook
executed by a real kernel against a real server."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pyoxigraph as ox
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell
from rdflib.plugins.sparql import prepareQuery

from kg.config import Config
from kg.notebooks.execute import run_notebook
from kg.notebooks.ipynb import setup_source, sparql_term, substitute, to_ipynb
from kg.notebooks.model import (
    NotebookError,
    load_notebook_file,
    load_shipped,
    notebook_from_dict,
)
from kg.query.pool.local import LocalRunner

from .conftest import ROOT, kg_cli
from .servers import running_server

BASE = "http://localhost:5000/"
SHIPPED = ROOT / "queries" / "notebooks"


def one_value(query: str) -> str:
    """The single value the query projects, run on an empty in-memory store."""
    res = ox.Store().query(query)
    assert isinstance(res, ox.QuerySolutions)
    (row,) = list(res)
    term = row[0]
    assert term is not None
    return str(term.value)


@pytest.mark.parametrize(
    "value",
    [
        'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #',
        "x' } ; DROP ALL #",
        'two\nlines """ } ; DROP ALL ; #\'\\',
        'ends in quotes\n""',
        "back\\slash\\",
    ],
)
def test_a_quote_breaking_string_stays_one_literal(value: str) -> None:
    q = substitute(
        "SELECT ?_name_string WHERE { FILTER(?_name_string != 1) }", {"name": value}, BASE
    )
    assert q.startswith('SELECT ("')
    assert "^^<http://www.w3.org/2001/XMLSchema#string> AS ?_name_string) WHERE { FILTER(" in q
    prepareQuery(q)  # still one valid query
    assert one_value(q) == value  # the value, exactly, and nothing else


def test_an_iri_resolves_against_the_base_and_cannot_break_out() -> None:
    q = substitute(
        "SELECT ?x ?_person_iri WHERE { ?x ?p ?_person_iri }", {"person": "id/kalpana-soren"}, BASE
    )
    assert (
        q
        == "SELECT ?x (<http://localhost:5000/id/kalpana-soren> AS ?_person_iri) WHERE { ?x ?p <http://localhost:5000/id/kalpana-soren> }"
    )
    assert sparql_term("https://example.org/a#b", "iri", BASE) == "<https://example.org/a#b>"
    for bad in ("id/x> } ; DROP ALL ; <a", "id/a b", 'id/"x"', "id/{x}"):
        with pytest.raises(ValueError, match="is not an IRI"):
            substitute("SELECT ?_p_iri WHERE { }", {"p": bad}, BASE)


def test_typed_literals_and_where_the_variable_stands() -> None:
    q = substitute(
        "# a comment naming ?_n_integer and SELECT\n"
        "SELECT ?a ?_n_integer (STR(?_n_integer) AS ?s) WHERE {\n"
        '  { SELECT ?a ?_n_integer WHERE { ?a ?b ?_n_integer FILTER(?x != "ORDER BY ?_n_integer") } }\n'
        "} GROUP BY ?a ?_n_integer ORDER BY DESC(?_n_integer) ?_n_integer LIMIT 3",
        {"n": "42"},
        BASE,
    )
    n = '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert q == (
        "# a comment naming ?_n_integer and SELECT\n"
        f"SELECT ?a ({n} AS ?_n_integer) (STR({n}) AS ?s) WHERE {{\n"
        f'  {{ SELECT ?a  WHERE {{ ?a ?b {n} FILTER(?x != "ORDER BY ?_n_integer") }} }}\n'
        f"}} GROUP BY ?a ({n}) ORDER BY DESC({n}) ({n}) LIMIT 3"
    )
    prepareQuery(q)
    assert (
        sparql_term("2024-06-04", "date", BASE)
        == '"2024-06-04"^^<http://www.w3.org/2001/XMLSchema#date>'
    )


def test_unknown_missing_and_optional_parameters() -> None:
    with pytest.raises(ValueError, match="no parameter 'who'"):
        substitute("SELECT ?_p_iri WHERE {}", {"who": "x"}, BASE)
    with pytest.raises(ValueError, match="parameter 'p' needs a value"):
        substitute("SELECT ?_p_iri WHERE {}", {}, BASE)
    assert substitute("SELECT ?__p_iri WHERE {}", {}, BASE) == "SELECT ?__p_iri WHERE {}"


@pytest.fixture(scope="module")
def runner(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> LocalRunner:
    user = tmp_path_factory.mktemp("ipynb-state") / "user-graph.nq"
    user.write_bytes(b"")
    return LocalRunner.on_build(cfg.base_iri, cfg.out_dir / "kg.nq", user)


@pytest.mark.parametrize("nb", load_shipped(SHIPPED), ids=lambda nb: nb.slug)
def test_text_binding_gives_the_engines_answers(
    cfg: Config, runner: LocalRunner, nb: object
) -> None:
    """Each query cell of the shipped notebooks: the notebook's textual binding and the engine's
    substitution API give the same solutions."""
    for r in run_notebook(nb, runner, cfg.queries_dir, cfg.base_iri):  # type: ignore[arg-type]
        if r.table is None:
            continue
        text = substitute(r.text, dict(r.values), cfg.base_iri)
        assert runner(text, {}, r.cell.inference).digest() == r.table.digest(), r.index


def test_export_is_valid_nbformat_with_the_cells(cfg: Config) -> None:
    nb = load_notebook_file(SHIPPED / "counting-day-2024.yaml")
    doc = to_ipynb(nb, "http://127.0.0.1:5000/sparql", cfg.queries_dir, cfg.base_iri)
    nbformat.validate(nbformat.from_dict(doc))  # type: ignore[no-untyped-call]
    kinds = [c["cell_type"] for c in doc["cells"]]
    assert kinds == [
        "markdown",
        "code",
        "markdown",
        "markdown",
        "code",
        "markdown",
        "code",
        "markdown",
        "markdown",
        "code",
    ]
    assert doc["cells"][1]["source"] == setup_source("http://127.0.0.1:5000/sparql", cfg.base_iri)
    assert "ENDPOINT = 'http://127.0.0.1:5000/sparql'" in doc["cells"][1]["source"]
    code = doc["cells"][6]["source"]
    assert "params = {'election': 'id/election/2024-jharkhand-assembly'}" in code
    assert "df.pivot(index='party', columns='report', values='seatsWonOrLeading').plot.bar(" in code
    assert (
        doc["cells"][8]["source"]
        == "## Every tally as reported (saved query C6)\n\nSaved query `c06-seat-tallies`."
    )


def test_export_of_a_missing_saved_query_names_the_cell(cfg: Config) -> None:
    nb = notebook_from_dict({"title": "t", "cells": [{"markdown": "x"}, {"query": "no-such"}]}, "t")
    with pytest.raises(NotebookError, match="cell 2: there is no saved query called 'no-such'"):
        to_ipynb(nb, "http://127.0.0.1:5000/sparql", cfg.queries_dir, cfg.base_iri)


@pytest.fixture(scope="module")
def server(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(cfg.out_dir, tmp_path_factory.mktemp("ipynb") / "state") as url:
        yield url


def test_exported_notebook_runs_in_a_kernel_against_the_server(
    cfg: Config, server: str, tmp_path: Path
) -> None:
    nb = load_notebook_file(SHIPPED / "counting-day-2024.yaml")
    doc = nbformat.from_dict(to_ipynb(nb, server + "/sparql", cfg.queries_dir, cfg.base_iri))  # type: ignore[no-untyped-call]
    # after the side-by-side cell, print its answer as JSON to read it back exactly
    doc.cells.insert(5, new_code_cell("print(df.to_json(orient='records'))"))  # type: ignore[no-untyped-call]
    started = time.perf_counter()
    NotebookClient(
        doc, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    print(f"nbclient executed the notebook in {time.perf_counter() - started:.1f} s")
    errors = [
        o for c in doc.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    printed = "".join(o.text for o in doc.cells[5].outputs if o.output_type == "stream")
    tallies = {r["party"]: r for r in json.loads(printed)}
    jmm, inc, bjp = (
        tallies[p]
        for p in ("Jharkhand Mukti Morcha", "Indian National Congress", "Bharatiya Janata Party")
    )
    assert (jmm["won3pm"], jmm["leading3pm"], jmm["source3pm"]) == (3, 31, "002")
    assert (jmm["won6pm"], jmm["leading6pm"], jmm["source6pm"]) == (20, 14, "001")
    assert (inc["leading3pm"], inc["won6pm"], inc["leading6pm"]) == (17, 10, 6)
    assert bjp["leading3pm"] == 21 and bjp["won6pm"] is None
    assert (
        jmm["quote6pm"]
        == "As of 6 pm on counting day, the Election Commission reported that the JMM has won 20 seats and is leading in 14 others."
    )
    # the DataFrame is displayed, and the bar chart drawn
    html = "".join(o.get("data", {}).get("text/html", "") for o in doc.cells[4].outputs)
    assert "As of 3 PM, JMM has secured three wins and leads in 31 seats." in html
    assert any("image/png" in o.get("data", {}) for o in doc.cells[7].outputs)


def test_cli_export_writes_a_valid_notebook(cfg: Config, tmp_path: Path) -> None:
    out = tmp_path / "family.ipynb"
    res = kg_cli(
        "notebook",
        "export",
        "family-and-inference",
        "--endpoint",
        "http://127.0.0.1:5000/sparql",
        "--out",
        str(out),
    )
    assert res.returncode == 0, res.stderr
    doc = nbformat.read(out, as_version=4)  # type: ignore[no-untyped-call]
    nbformat.validate(doc)
    code = [c.source for c in doc.cells if c.cell_type == "code"]
    assert len(code) == 1 + 4
    assert "df = run(query, params, inference=False)" in code[1]
    assert "params = {'person': 'id/shibu-soren'}" in code[3]


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("kalpana-soren-career", "became Member of the Jharkhand Legislative Assembly"),
        ("family-and-inference", "Relations: Shibu Soren (father-in-Law)"),
    ],
)
def test_the_other_notebooks_run_in_a_kernel(
    cfg: Config, server: str, tmp_path: Path, slug: str, expected: str
) -> None:
    nb = load_notebook_file(SHIPPED / f"{slug}.yaml")
    doc = nbformat.from_dict(to_ipynb(nb, server + "/sparql", cfg.queries_dir, cfg.base_iri))  # type: ignore[no-untyped-call]
    NotebookClient(
        doc, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [o for c in doc.cells if c.cell_type == "code" for o in c.outputs]
    assert [o.get("ename") for o in outputs if o.output_type == "error"] == []
    assert any(expected in o.get("data", {}).get("text/html", "") for o in outputs)
    charts = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    assert charts == (2 if slug == "kalpana-soren-career" else 0)
