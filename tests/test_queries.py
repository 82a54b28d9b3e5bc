"""Saved queries: every competency question answered exactly as the articles say, and the rules
every saved query keeps (headers, parameters, query forms, quoted passages)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

import pytest

from kg.model import Source
from kg.query.params import bind
from kg.query.saved import load_saved_queries, parse_saved_query
from kg.query.store import Store

from .conftest import BASE, ROOT
from .saved_queries import QUERIES, K, execute, form, run


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_every_saved_query_has_a_header_and_runs(path, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Each parses with its parameters and runs with their defaults (or unbound where optional)."""
    q = parse_saved_query(path)
    assert q.title and q.description
    res = store.query(q.text, bind(q.params, {}, BASE))
    assert (
        res.kind
        == {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "graph"}[cast(str, form(q.text))]
    )
    if res.kind == "select":
        assert res.rows, "a saved query's defaults should show an answer"


def test_there_is_one_saved_query_per_competency_question() -> None:
    names = [q.name for q in load_saved_queries(ROOT / "queries")]
    assert [n[:3] for n in names if n.startswith("c")] == [f"c{i:02d}" for i in range(1, 13)]


def test_c1_father_in_law_stated_and_inferred(store: Store) -> None:
    assert run(store, "c01-father-in-law") == [
        (K + "shibu-soren", "Shibu Soren", "true", "true", "000", "prp-spo2")
    ]


def test_c2_constituency_since_and_predecessor(store: Store) -> None:
    assert run(store, "c02-constituency") == [
        ("Member of the Jharkhand Legislative Assembly", "Gandey", "2024-06-04", "Sarfaraz Ahmad")
    ]


def test_c3_party_membership_with_article(store: Store) -> None:
    got = run(store, "c03-party-membership")
    assert ("Kalpana Soren", "Jharkhand Mukti Morcha", "000") in got
    for person in ("Sita Soren", "Champai Soren", "Lobin Hembrom"):
        assert (person, "Bharatiya Janata Party", "001") in got
    assert got == [
        ("Champai Soren", "Bharatiya Janata Party", "001"),
        ("Dilip Kumar Varma", "Bharatiya Janata Party", "000"),
        ("Hemant Soren", "Jharkhand Mukti Morcha", "002"),
        ("Joba Majhi", "Jharkhand Mukti Morcha", "001"),
        ("Kalpana Soren", "Jharkhand Mukti Morcha", "000"),
        ("Kalpana Soren", "Jharkhand Mukti Morcha", "002"),
        ("Lobin Hembrom", "Bharatiya Janata Party", "001"),
        ("Nalin Soren", "Jharkhand Mukti Morcha", "001"),
        ("Sita Soren", "Bharatiya Janata Party", "001"),
    ]


def test_c4_election_results(store: Store) -> None:
    e24 = "2024 Jharkhand Legislative Assembly election"
    assert run(store, "c04-election-results") == [
        (
            "Hemant Soren",
            e24,
            "Barhait",
            "Jharkhand Mukti Morcha",
            "95612",
            None,
            "39791",
            "false",
            "Gamliyel Hembrom",
            "Bharatiya Janata Party",
            "won",
        ),
        (
            "Kalpana Soren",
            "2024 Gandey by-election",
            "Gandey",
            None,
            "109827",
            "50.54",
            None,
            None,
            None,
            None,
            "won",
        ),
        (
            "Kalpana Soren",
            e24,
            "Gandey",
            "Jharkhand Mukti Morcha",
            "119372",
            "50.51",
            "17000",
            "true",
            "Muniya Devi",
            "Bharatiya Janata Party",
            "won",
        ),
    ]


def test_c5_seat_sharing(store: Store) -> None:
    assert run(store, "c05-seat-sharing") == [
        ("Jharkhand Mukti Morcha", "41", "81"),
        ("Indian National Congress", "30", "81"),
        ("Rashtriya Janata Dal", "6", "81"),
        ("Communist Party of India (Marxist-Leninist)", "4", "81"),
    ]


def test_c6_seat_tallies_with_time_and_source(store: Store) -> None:
    assert run(store, "c06-seat-tallies") == [
        ("15:00:00", "3 PM", "Bharatiya Janata Party", None, "21", "002"),
        ("15:00:00", "3 PM", "Indian National Congress", None, "17", "002"),
        ("15:00:00", "3 PM", "Jharkhand Mukti Morcha", "3", "31", "002"),
        ("18:00:00", "6 pm on counting day", "Indian National Congress", "10", "6", "001"),
        ("18:00:00", "6 pm on counting day", "Jharkhand Mukti Morcha", "20", "14", "001"),
    ]


def test_c7_turnout_and_polling_dates(store: Store) -> None:
    assert run(store, "c07-turnout-and-polling") == [
        ("1", "2024-11-13", None),
        ("2", "2024-11-20", "68.95"),
        ("overall", None, "67.74"),
    ]


def test_c8_left_jmm_for_bjp(store: Store) -> None:
    assert run(store, "c08-left-jmm-for-bjp") == [
        ("Champai Soren",),
        ("Lobin Hembrom",),
        ("Sita Soren",),
    ]


def test_c9_article_and_exact_text_of_a_fact(store: Store) -> None:
    assert run(store, "c09-evidence-for-a-fact") == [
        (
            "001",
            "343",
            "365",
            "receiving 95,612 votes",
            "http://localhost:5000/ontology#NewsPatternRules",
        )
    ]


def test_c10_family_relations_marked(store: Store) -> None:
    got = run(store, "c10-family")
    assert ("spouse", "Hemant Soren", "true", "true") in got
    assert ("father", "Ampa Murmu", "true", "false") in got
    assert ("father-in-law", "Shibu Soren", "true", "true") in got
    assert ("number of children", "2", "true", "false") in got
    assert got == [
        ("father", "Ampa Murmu", "true", "false"),
        ("father-in-law", "Shibu Soren", "true", "true"),
        ("husband", "Hemant Soren", "true", "true"),
        ("husband's father", "Shibu Soren", "false", "true"),
        ("number of children", "2", "true", "false"),
        ("parent", "Ampa Murmu", "false", "true"),
        ("spouse", "Hemant Soren", "true", "true"),
    ]


def test_c11_education(store: Store) -> None:
    assert run(store, "c11-education") == [
        (
            "Bachelor of Technology",
            "Electrical engineering",
            "Koustuv Institute of Self-Domain",
            "Biju Patnaik University of Technology",
            "Odisha",
            None,
        ),
        (
            "Master of Business Administration",
            None,
            "Symbiosis Centre for Distance Learning",
            None,
            "Pune",
            "2012",
        ),
    ]


def test_c12_timeline(store: Store) -> None:
    assert run(store, "c12-timeline") == [
        ("1985-03-03", "born"),
        ("2006-02-07", "married Hemant Soren"),
        ("2024-01-31", "Hemant Soren arrested"),
        ("2024-03-04", "joined politics"),
        ("2024-06-04", "Member of the Jharkhand Legislative Assembly from"),
    ]


# ---- the saved query set as a whole ----


def test_there_are_at_least_twenty_saved_queries_with_unique_names_and_numbers() -> None:
    queries = load_saved_queries(ROOT / "queries")
    assert len(queries) >= 20
    names = [q.name for q in queries]
    assert len(set(names)) == len(names)
    numbers = [n.split("-", 1)[0] for n in names]
    assert all(re.fullmatch(r"[cq]\d\d", n) for n in numbers), numbers
    assert len({n[1:] for n in numbers}) == len(numbers), "two saved queries share a number"
    titles = [q.title for q in queries]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_every_parameter_in_a_header_matches_a_variable_and_is_described(path: Path) -> None:
    """The header's defaults, enumerate and params name only the query's parameters (parsing
    refuses anything else); each parameter has a label and a description; a SELECT projects each
    parameter by name (pyoxigraph binds only projected variables); no parameter goes through BIND
    or BOUND, which do not see a substituted value."""
    q = parse_saved_query(path)
    header = "\n".join(line for line in q.text.splitlines() if line.startswith("#+"))
    body = "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))
    for p in q.params:
        assert f"#+   {p.name}:" in header, f"no params entry for {p.name!r}"
        assert p.label != p.name and p.description, p.name
        assert not re.search(rf"BIND\s*\(\s*\?{p.variable}\b", body), p.name
        assert not re.search(rf"BOUND\s*\(\s*\?{p.variable}\b", body), p.name
        if form(q.text) == "SELECT":
            projection = body[body.index("SELECT") : body.index("WHERE")]
            assert f"?{p.variable}" in projection.split(), f"{p.variable} is not projected"
        if p.required:
            assert p.default is not None, f"required {p.name!r} has no default"


def test_the_parameters_cover_every_kind_the_brief_asks_for() -> None:
    params = [(q.name, p) for q in load_saved_queries(ROOT / "queries") for p in q.params]
    assert len({name for name, _ in params}) >= 8
    assert {p.type for _, p in params} >= {"iri", "integer", "date", "string"}
    assert any(p.values for _, p in params)
    assert any(not p.required for _, p in params)
    forms = {form(p.read_text(encoding="utf-8")) for p in QUERIES}
    assert forms >= {"SELECT", "ASK", "CONSTRUCT"}


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_sparqlwrapper_reads_the_query_form_despite_the_header(path: Path) -> None:
    """SPARQLWrapper strips only every other comment line and takes the first of SELECT, ASK,
    DESCRIBE, LOAD, MOVE, ADD … anywhere in what is left, even inside a word ("download"), and
    then sends a MOVE as an update. A header must not mislead it."""
    from SPARQLWrapper import SPARQLWrapper

    text = path.read_text(encoding="utf-8")
    assert SPARQLWrapper("http://localhost/sparql")._parseQueryType(text) == form(text)


PASSAGES = [
    ("q16-seat-tallies-over-time", {}),
    ("q17-party-switches", {}),
    ("q24-evidence-for-a-fact", {}),
    (
        "q24-evidence-for-a-fact",
        {"subject": "id/kalpana-soren", "predicate": "http://schema.org/birthDate"},
    ),
    ("q31-search-evidence-text", {"text": "Gandey"}),
]


@pytest.mark.parametrize(("name", "given"), PASSAGES, ids=lambda v: str(v))
def test_quoted_passages_are_the_article_text_at_their_offsets(
    name: str, given: dict[str, str], store: Store, sources: dict[str, Source]
) -> None:
    res = execute(store, name, **given)
    assert res.rows
    for r in res.values():
        text: str = sources[cast(str, r["article"])].text
        assert text[int(r["start"] or 0) : int(r["end"] or 0)] == r["quote"]
