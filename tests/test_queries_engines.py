"""rdflib and pyoxigraph give the same answers to the saved queries, with their default parameters
and with others; and the README's example queries run."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import cast

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Identifier, Node

from kg.config import Config
from kg.query.params import DATATYPES, bind
from kg.query.saved import SavedQuery, parse_saved_query
from kg.query.store import Store

from .conftest import BASE, ROOT, rows
from .saved_queries import SELECTS, execute, saved, triples_of


def _norm(v: object) -> object:
    """Compare values, not spellings: 50.50 and 50.5 are one number."""
    if v is None:
        return None
    s = str(v)
    try:
        return Decimal(s)
    except ArithmeticError:
        return s


def _rdflib_bindings(q: SavedQuery, given: Mapping[str, str]) -> dict[str, Identifier]:
    """The same bound terms for rdflib's initBindings. An xsd:string parameter becomes a plain
    literal: rdflib, unlike RDF 1.1, tells "x" and "x"^^xsd:string apart when matching."""
    out: dict[str, Identifier] = {}
    for var, term in bind(q.params, given, BASE).items():
        if term.kind == "iri":
            out[var] = URIRef(term.value)
        elif term.datatype == DATATYPES["string"]:
            out[var] = Literal(term.value)
        else:
            out[var] = Literal(term.value, datatype=URIRef(term.datatype or ""))
    return out


def _both_engines(
    store: Store, cfg: Config, q: SavedQuery, given: Mapping[str, str]
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    ox_res = store.query(q.text, bind(q.params, given, BASE))
    ox_rows = sorted(
        (tuple(_norm(r[v]) for v in ox_res.variables) for r in ox_res.values()), key=repr
    )
    rl = _rdflib_dataset(cfg).query(
        q.text, base=cfg.base_iri, initBindings=_rdflib_bindings(q, given)
    )
    rl_rows = sorted((tuple(_norm(v) for v in r) for r in cast(Iterable[ResultRow], rl)), key=repr)
    return ox_rows, rl_rows


@pytest.mark.parametrize("path", SELECTS, ids=lambda p: p.name)
def test_rdflib_and_pyoxigraph_agree(path, store: Store, cfg: Config) -> None:  # type: ignore[no-untyped-def]
    """Every SELECT saved query, parameters at their defaults: the same rows from both engines."""
    ox_rows, rl_rows = _both_engines(store, cfg, parse_saved_query(path), {})
    assert ox_rows and rl_rows == ox_rows


NON_DEFAULT = [
    ("q13-results-by-constituency", {"constituency": "id/barhait"}),
    ("q14-candidate-results", {"person": "id/hemant-soren"}),
    ("q14-candidate-results", {"minVotes": "110000"}),
    ("q15-person-timeline", {"person": "id/hemant-soren"}),
    ("q16-seat-tallies-over-time", {"party": "id/indian-national-congress"}),
    ("q17-party-switches", {"fromParty": "id/jharkhand-mukti-morcha"}),
    ("q18-quotations", {"speaker": "id/hemant-soren"}),
    ("q19-family-asserted-vs-inferred", {"person": "id/shibu-soren"}),
    ("q21-results-by-party", {"party": "id/jharkhand-mukti-morcha"}),
    (
        "q24-evidence-for-a-fact",
        {"subject": "id/kalpana-soren", "predicate": "http://schema.org/birthDate"},
    ),
    ("q26-entities-of-a-type", {"type": "ontology#Constituency"}),
    ("q27-inferred-facts-by-rule", {"rule": "cax-sco"}),
    ("q27-inferred-facts-by-rule", {"rule": "prp-inv", "subject": "id/kalpana-soren"}),
    ("q29-facts-dated-since", {"since": "1900-01-01"}),
    ("q31-search-evidence-text", {"text": "Gandey"}),
]


@pytest.mark.parametrize(("name", "given"), NON_DEFAULT, ids=lambda v: str(v))
def test_rdflib_and_pyoxigraph_agree_with_other_parameter_values(
    name: str, given: dict[str, str], store: Store, cfg: Config
) -> None:
    ox_rows, rl_rows = _both_engines(store, cfg, saved(name), given)
    assert ox_rows and rl_rows == ox_rows


@pytest.mark.parametrize("person", ["id/kalpana-soren", "id/shibu-soren"])
def test_rdflib_and_pyoxigraph_construct_the_same_family_graph(
    person: str, store: Store, cfg: Config
) -> None:
    q = saved("q20-family-graph")
    ox = triples_of(execute(store, "q20-family-graph", person=person))
    rl = cast(
        Iterable[tuple[Node, Node, Node]],
        _rdflib_dataset(cfg).query(
            q.text, base=cfg.base_iri, initBindings=_rdflib_bindings(q, {"person": person})
        ),
    )
    assert ox and {tuple(str(x) for x in t) for t in rl} == ox


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"article": "001"},
        {
            "article": "002",
            "subject": "id/hemant-soren",
            "predicate": "ontology#wife",
            "object": "id/kalpana-soren",
        },
    ],
    ids=str,
)
def test_rdflib_and_pyoxigraph_give_the_same_ask_answer(
    given: dict[str, str], store: Store, cfg: Config
) -> None:
    q = saved("q30-did-article-state-fact")
    ox = execute(store, q.name, **given).boolean
    rl = _rdflib_dataset(cfg).query(
        q.text, base=cfg.base_iri, initBindings=_rdflib_bindings(q, given)
    )
    assert rl.askAnswer is ox


_CACHE: dict[str, Dataset] = {}


def _rdflib_dataset(cfg: Config) -> Dataset:
    if "ds" not in _CACHE:
        ds = Dataset(default_union=True)
        ds.parse(cfg.out_dir / "kg.nq", format="nquads")
        _CACHE["ds"] = ds
    return _CACHE["ds"]


def test_the_readme_sparql_examples_run_and_answer(store: Store) -> None:

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sparql\n(.*?)```", readme, re.S)
    assert len(blocks) == 5
    answers = [rows(store, b) for b in blocks]
    assert answers[0] == [("001", "343", "365", "receiving 95,612 votes")]
    assert (
        "http://localhost:5000/ontology#fatherInLaw",
        "http://localhost:5000/id/shibu-soren",
    ) in answers[1]
    # the reference data: Rajmahal's ST seats (constituencies.yaml entries 2, 3, 4, 6) and the
    # seven public sources of the file Dumri comes from (one has two addresses)
    assert answers[2] == [("2", "Borio"), ("3", "Barhait"), ("4", "Litipara"), ("6", "Maheshpur")]
    assert {r[0] for r in answers[3]} == {"data/reference/constituencies.yaml"}
    assert len({r[1] for r in answers[3]}) == 7 and len(answers[3]) == 8
    assert (
        "data/reference/constituencies.yaml",
        "ADR constituency lookup for Jharkhand, 2019 (HarryStevens/adr-election-node, "
        "meta_data/constituency_lookup/jharkhand2019.js)",
        "https://github.com/HarryStevens/adr-election-node",
        "2026-12-02",
    ) in answers[3]
    assert sorted(answers[4]) == [
        (
            "prp-spo2",
            "http://localhost:5000/ontology#father",
            "http://localhost:5000/id/shibu-soren",
        ),
        ("prp-spo2", "http://schema.org/spouse", "http://localhost:5000/id/hemant-soren"),
    ]
