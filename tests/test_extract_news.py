"""Stage: extract (news pattern rules). Checked on 001, 002 and an invented report in the same shapes."""

from __future__ import annotations

from typing import Any, cast

from kg.build.extract import extract_source
from kg.build.extract.news import extract_news, find_context, sentences
from kg.build.resolve import Resolver
from kg.model import Claim, EntityId, Lit, Mention, Node, Source, Term

from .conftest import FIXTURES, ROOT


def _extracted(sid: str, text: str, published: str | None = None) -> list[Claim]:
    """All the rules a news report goes through: the first patterns, then the sentence rules
    (which read turnout and phases)."""
    return extract_source(Source(sid, f"{sid}.txt", "news", "", text, "", "2026-01-01", published))[
        0
    ]


def _text(name: str) -> str:
    return (ROOT / "data" / "sources" / name).read_text(encoding="utf-8")


def _show(v: object) -> object:
    if isinstance(v, EntityId):
        return v.id
    if isinstance(v, Lit):
        return v.lexical
    if isinstance(v, Term):
        return v.curie
    if isinstance(v, Node):
        return (v.kind, *(_show(k) for k in v.key))
    return v


def _facts(claims: list[Claim], resolver: Resolver) -> dict[tuple[Any, str, Any], Claim]:
    out = {}
    for c in claims:
        r = resolver.claim(c)
        assert r is not None, c
        out[(_show(r.subject), r.predicate, _show(r.object))] = c
    return out


E24 = "election/2024-jharkhand-assembly"


def test_sentences_do_not_break_inside_numbers() -> None:
    text = "Turnout was 67.74 per cent. The second phase saw 68.95 per cent."
    assert [s.text for s in sentences(text)] == [
        "Turnout was 67.74 per cent.",
        "The second phase saw 68.95 per cent.",
    ]


def test_election_context() -> None:
    assert (
        cast(Mention, find_context(_text("001_b0bb79d11ba06b18.txt")).election).text
        == "2024 Jharkhand Legislative Assembly election"
    )
    ctx = find_context(_text("002_c2022f8a1df73a5c.txt"))
    assert (
        ctx.election is not None
        and ctx.election.text == "2024 Jharkhand Legislative Assembly election"
        and ctx.year == 2024
    )


def test_victory_sentences_of_001(resolver: Resolver) -> None:
    text = _text("001_b0bb79d11ba06b18.txt")
    claims, problems = extract_news("001", text)
    assert problems == []
    f = _facts(claims, resolver)
    hemant = ("candidacy", E24, "hemant-soren")
    assert f[(hemant, "kgo:votes", "95612")].evidence.text == "receiving 95,612 votes"
    assert f[(hemant, "kgo:margin", "39791")].evidence.text == "by a margin of 39,791 votes"
    assert f[(hemant, "kgo:margin", "39791")].approximate is False
    assert f[(hemant, "kgo:constituency", "barhait")].evidence.text == "in the Barhait constituency"
    assert (hemant, "kgo:outcome", "kgo:Won") in f
    assert f[(hemant, "kgo:opponent", "gamliyel-hembrom")].evidence.text == (
        "defeating the Bharatiya Janata Party’s (BJP) Gamliyel Hembrom"
    )
    gamliyel = ("candidacy", E24, "gamliyel-hembrom")
    assert {
        (gamliyel, "kgo:party", "bharatiya-janata-party"),
        (gamliyel, "kgo:outcome", "kgo:Lost"),
    } <= set(f)
    kalpana = ("candidacy", E24, "kalpana-soren")
    margin = f[(kalpana, "kgo:margin", "17000")]
    assert margin.approximate is True and margin.evidence.text == "by a margin of 17,000 votes"
    assert (kalpana, "kgo:opponent", "muniya-devi") in f
    assert (("candidacy", E24, "muniya-devi"), "kgo:party", "bharatiya-janata-party") in f
    for c in claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text


def test_counting_day_tallies_turnout_and_phases_of_001(resolver: Resolver) -> None:
    f = _facts(_extracted("001", _text("001_b0bb79d11ba06b18.txt"), "2024-11-23"), resolver)
    jmm = ("seat-tally", E24, "jharkhand-mukti-morcha", "18:00:00")
    inc = ("seat-tally", E24, "indian-national-congress", "18:00:00")
    assert {
        (jmm, "kgo:seatsWon", "20"),
        (jmm, "kgo:seatsLeading", "14"),
        (inc, "kgo:seatsWon", "10"),
        (inc, "kgo:seatsLeading", "6"),
        (jmm, "kgo:asOfLabel", "6 pm on counting day"),
        (jmm, "kgo:reportedBy", "election-commission-of-india"),
        ("indian-national-congress", "kgo:alliedWith", "jharkhand-mukti-morcha"),
        (E24, "kgo:turnout", "67.74"),
        (("phase", E24, "2"), "kgo:turnout", "68.95"),
        (("phase", E24, "1"), "kgo:pollingDate", "2024-11-13"),
        (("phase", E24, "2"), "kgo:pollingDate", "2024-11-20"),
        (E24, "kgo:numberOfPhases", "2"),
        (E24, "kgo:majorityMark", "42"),
        (E24, "kgo:numberOfSeats", "81"),
    } <= set(f)
    assert f[(inc, "kgo:seatsLeading", "6")].evidence.text == "is leading in six"


def test_tallies_and_seat_sharing_of_002(resolver: Resolver) -> None:
    f = _facts(extract_news("002", _text("002_c2022f8a1df73a5c.txt"))[0], resolver)

    def t(party: str) -> tuple[str, str, str, str]:
        return ("seat-tally", E24, party, "15:00:00")

    assert {
        (t("jharkhand-mukti-morcha"), "kgo:seatsWon", "3"),
        (t("jharkhand-mukti-morcha"), "kgo:seatsLeading", "31"),
        (t("indian-national-congress"), "kgo:seatsLeading", "17"),
        (t("bharatiya-janata-party"), "kgo:seatsLeading", "21"),
        (t("jharkhand-mukti-morcha"), "kgo:asOfLabel", "3 PM"),
    } <= set(f)
    # what the 3 PM report does not give is not filled in
    assert not any(k[0] == t("indian-national-congress") and k[1] == "kgo:seatsWon" for k in f)
    alloc = {k[0][2]: k[2] for k in f if k[1] == "kgo:seatsContested"}
    assert alloc == {
        "jharkhand-mukti-morcha": "41",
        "indian-national-congress": "30",
        "rashtriya-janata-dal": "6",
        "cpi-ml": "4",
    }
    alliance = ("alliance", E24, "jharkhand-mukti-morcha")
    members = {k[2] for k in f if k[0] == alliance and k[1] == "kgo:allianceMember"}
    assert members == {
        "jharkhand-mukti-morcha",
        "indian-national-congress",
        "rashtriya-janata-dal",
        "cpi-ml",
    }
    assert resolver.problems == []


def test_an_invented_report_in_the_same_shapes_needs_no_code_change(resolver: Resolver) -> None:
    text = (FIXTURES / "news_simdega.txt").read_text(encoding="utf-8")
    claims, problems = extract_news("t2", text)
    assert problems == []
    f = _facts(_extracted("t2", text), resolver)
    e = "2019-jharkhand-legislative-assembly-election"  # a new election: not merged with 2024
    meera = ("candidacy", e, "meera-kujur")
    rohit = ("candidacy", e, "rohit-mahto")
    assert {
        (meera, "kgo:votes", "72114"),
        (meera, "kgo:margin", "2350"),
        (meera, "kgo:constituency", "simdega"),
        (meera, "kgo:opponent", "joseph-tirkey"),
        (("candidacy", e, "joseph-tirkey"), "kgo:party", "indian-national-congress"),
        (rohit, "kgo:margin", "9000"),
        (rohit, "kgo:describedAsDebut", "true"),
        (("candidacy", e, "sudesh-kumar"), "kgo:party", "all-jharkhand-students-union"),
        (("seat-allocation", e, "jharkhand-mukti-morcha"), "kgo:seatsContested", "43"),
        (("seat-allocation", e, "indian-national-congress"), "kgo:seatsContested", "31"),
        (("seat-allocation", e, "rashtriya-janata-dal"), "kgo:seatsContested", "7"),
        (e, "kgo:numberOfPhases", "3"),
        (e, "kgo:turnout", "65.18"),
        (("phase", e, "1"), "kgo:pollingDate", "2019-11-30"),
        (("phase", e, "2"), "kgo:pollingDate", "2019-12-07"),
        (("phase", e, "3"), "kgo:pollingDate", "2019-12-12"),
        (("phase", e, "3"), "kgo:turnout", "62.35"),
        (e, "kgo:majorityMark", "41"),
        (e, "kgo:numberOfSeats", "81"),
        (("seat-tally", e, "jharkhand-mukti-morcha", "16:00:00"), "kgo:seatsWon", "12"),
        (("seat-tally", e, "jharkhand-mukti-morcha", "16:00:00"), "kgo:seatsLeading", "18"),
        (("seat-tally", e, "indian-national-congress", "16:00:00"), "kgo:seatsWon", "5"),
        (("seat-tally", e, "indian-national-congress", "16:00:00"), "kgo:seatsLeading", "7"),
        (("seat-tally", e, "bharatiya-janata-party", "16:00:00"), "kgo:seatsLeading", "22"),
    } <= set(f)
    assert f[(meera, "kgo:margin", "2350")].approximate is False
    assert f[(rohit, "kgo:margin", "9000")].approximate is True
