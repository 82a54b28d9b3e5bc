"""Stage: resolve. One IRI per real entity; unknown names are reported, never merged by guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build.resolve import EntityError, Resolver, load_entities, normalise
from kg.model import Mention


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("Kalpana Murmu Soren", "Person", "kalpana-soren"),
        ("Kalpana Soren", "Person", "kalpana-soren"),
        ("Kalpana Di", "Person", "kalpana-soren"),
        ("Kalpana", "Person", "kalpana-soren"),
        ("JMM", "PoliticalParty", "jharkhand-mukti-morcha"),
        ("Jharkhand Mukti Morcha", "PoliticalParty", "jharkhand-mukti-morcha"),
        ("Congress", "PoliticalParty", "indian-national-congress"),
        ("CPI(ML)", "PoliticalParty", "cpi-ml"),
        ("Communist Party of India (Marxist-Leninist)", "PoliticalParty", "cpi-ml"),
        ("BJP", "PoliticalParty", "bharatiya-janata-party"),
        ("Bharatiya Janata Party (BJP)", "PoliticalParty", "bharatiya-janata-party"),
        ("the Bharatiya Janata Party’s", "PoliticalParty", "bharatiya-janata-party"),
        ("Rashtriya Janata Dal (RJD)", "PoliticalParty", "rashtriya-janata-dal"),
        (
            "Koustuv Institute of Self-domain",
            "EducationalInstitution",
            "koustuv-institute-of-self-domain",
        ),
        ("Santhali", "Language", "santali"),
        ("Indian", "Country", "india"),
    ],
)
def test_known_names_resolve(resolver: Resolver, text: str, type_: str, expected: str) -> None:
    assert resolver.entity(Mention(text, type_), "test") == expected
    assert resolver.problems == []


def test_an_unknown_name_becomes_a_reported_new_entity(resolver: Resolver) -> None:
    assert resolver.entity(Mention("Babulal Marandi", "Person"), "000@1") == "babulal-marandi"
    assert resolver.entity(Mention("Babulal  Marandi", "Person"), "000@9") == "babulal-marandi"
    assert [p.message for p in resolver.problems] == [
        "unresolved mention 'Babulal Marandi' (Person): new entity 'babulal-marandi'"
    ]
    # a near miss of a known name is not merged into it
    assert resolver.entity(Mention("Kalpana Sorin", "Person"), "x") == "kalpana-sorin"


def test_an_ambiguous_name_is_an_error_not_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(
        "entities:\n  - {id: a-soren, type: Person, label: A Soren, aliases: [Soren]}\n"
        "  - {id: b-soren, type: Person, label: B Soren, aliases: [Soren]}\n",
        encoding="utf-8",
    )
    r = Resolver.of(load_entities(path))
    assert r.entity(Mention("Soren", "Person"), "x@1") is None
    assert [(p.message, p.fatal) for p in r.problems] == [
        ("mention 'Soren' matches a-soren, b-soren; not resolved", True)
    ]


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("entities:\n  - {id: A B, type: Person, label: x}\n", "must be lower-case words"),
        ("entities:\n  - {id: a, type: Person}\n", "needs id, type and label"),
        (
            "entities:\n  - {id: a, type: Person, label: x}\n  - {id: a, type: Person, label: y}\n",
            "duplicate id 'a'",
        ),
        (
            "entities:\n  - {id: a, type: Person, label: x, wikidata: 'Z9'}\n",
            "wikidata must look like Q123",
        ),
    ],
)
def test_bad_registry_entries_are_named(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(EntityError, match=message):
        load_entities(path)


def test_normalisation() -> None:
    assert normalise("The  Bharatiya Janata Party’s") == "bharatiya janata party"
    assert normalise("Self-Domain") == normalise("self-domain")


def test_a_minted_name_is_listed_with_the_three_closest_known_entities() -> None:
    from kg.build.nearest import closest
    from kg.build.resolve import Entity

    known = (
        Entity("hemant-soren", "Politician", "Hemant Soren", ("Hemant",)),
        Entity("champai-soren", "Politician", "Champai Soren"),
        Entity("hazaribagh", "Place", "Hazaribagh"),
        Entity("jmm", "PoliticalParty", "Jharkhand Mukti Morcha", ("JMM",)),
    )
    got = closest(Entity("hemanth-soren", "Person", "Hemanth Soren", minted=True), known)
    assert len(got) == 3
    assert [eid for eid, _label, _score in got[:2]] == ["hemant-soren", "champai-soren"]
    assert got[0][1] == "Hemant Soren" and got[0][2] > 90
    by_alias = closest(Entity("j-m-m", "PoliticalParty", "J.M.M.", minted=True), known, k=1)
    assert [eid for eid, _l, _s in by_alias] == ["jmm"]
