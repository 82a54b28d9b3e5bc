"""Saved queries: every competency question answered exactly as the articles say; engines agree."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Dataset

from kg.config import Config
from kg.queries import load_saved_queries, parse_saved_query
from kg.store import Store

from .conftest import ROOT, rows

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
K = "http://localhost:5000/id/"


def run(store: Store, name: str) -> list[tuple[str | None, ...]]:
    return rows(store, (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_every_saved_query_has_a_header_and_runs(path, store: Store) -> None:  # type: ignore[no-untyped-def]
    q = parse_saved_query(path)
    assert q.title and q.description
    assert store.query(q.text).kind in ("select", "ask", "graph")


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


def _norm(v: object) -> object:
    """Compare values, not spellings: 50.50 and 50.5 are one number."""
    if v is None:
        return None
    s = str(v)
    try:
        return Decimal(s)
    except ArithmeticError:
        return s


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_rdflib_and_pyoxigraph_agree(path, store: Store, cfg: Config) -> None:  # type: ignore[no-untyped-def]
    ds = _rdflib_dataset(cfg)
    text = path.read_text(encoding="utf-8")
    ox_rows = sorted((tuple(_norm(v) for v in r) for r in rows(store, text)), key=repr)
    rl = ds.query(text, base=cfg.base_iri)
    rl_rows = sorted((tuple(_norm(v) for v in r) for r in rl), key=repr)
    assert ox_rows and rl_rows == ox_rows


_CACHE: dict[str, Dataset] = {}


def _rdflib_dataset(cfg: Config) -> Dataset:
    if "ds" not in _CACHE:
        ds = Dataset(default_union=True)
        ds.parse(cfg.out_dir / "kg.nq", format="nquads")
        _CACHE["ds"] = ds
    return _CACHE["ds"]


def test_the_readme_sparql_examples_run_and_answer(store: Store) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sparql\n(.*?)```", readme, re.S)
    assert len(blocks) == 3
    answers = [rows(store, b) for b in blocks]
    assert answers[0] == [("001", "343", "365", "receiving 95,612 votes")]
    assert (
        "http://localhost:5000/ontology#fatherInLaw",
        "http://localhost:5000/id/shibu-soren",
    ) in answers[1]
    assert sorted(answers[2]) == [
        (
            "prp-spo2",
            "http://localhost:5000/ontology#father",
            "http://localhost:5000/id/shibu-soren",
        ),
        ("prp-spo2", "http://schema.org/spouse", "http://localhost:5000/id/hemant-soren"),
    ]
