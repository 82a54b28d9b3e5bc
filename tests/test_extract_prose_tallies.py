"""Stage: extract (sentence rules) -- seat tallies and seats contested written as lists: a count
shared by "each" or "apiece", "got" and "managed" in a results report, candidates fielded. The
fixtures are written here in wordings unlike the seeds' and the corpus'; the expected values
are read off the fixture text."""

from __future__ import annotations

from kg.model import Claim

from .test_extract_prose import _of, _triples
from .test_extract_prose_contests import _news

A09 = "2009 Jharkhand Legislative Assembly election"


def _won(claims: list[Claim]) -> dict[object, object]:
    return {s[2]: o for s, p, o in _triples(claims) if p == "kgo:seatsWon" and isinstance(s, tuple)}


def _contested(claims: list[Claim]) -> dict[object, object]:
    return {
        s[2]: o
        for s, p, o in _triples(claims)
        if p == "kgo:seatsContested" and isinstance(s, tuple)
    }


def test_a_count_shared_by_each_or_apiece() -> None:
    claims = _news(
        "Results for all 81 seats were declared by night. The Rashtriya Janata Dal (RJD) and "
        "the JMM won 12 seats each, while the CPI(ML) Liberation and the AJSU Party bagged two "
        "apiece.",
        published="2009-12-23",
    )
    assert _won(claims) == {
        "Rashtriya Janata Dal": "12",
        "Jharkhand Mukti Morcha": "12",
        "Communist Party of India (Marxist–Leninist) Liberation": "2",
        "All Jharkhand Students Union": "2",
    }


def test_got_and_managed_are_seats_won_but_not_under_a_seat_sharing_deal() -> None:
    won = _news(
        "All 81 results are in. The Congress got nine seats, and the RJD managed one.",
        published="2009-12-23",
    )
    assert _won(won) == {"Indian National Congress": "9", "Rashtriya Janata Dal": "1"}
    shared = _news(
        "Under the seat-sharing deal the Congress got 31 seats and the RJD seven.",
        published="2009-12-23",
    )
    assert _won(shared) == {}
    assert _contested(shared)["Indian National Congress"] == "31"


def test_candidates_fielded_are_seats_contested() -> None:
    claims = _news(
        "The BJP fielded 67 candidates, the Congress 61, and the JMM and the AJSU Party 54 "
        "each. The JMM, which went it alone, won 18 seats.",
        published="2009-12-23",
    )
    assert _contested(claims) == {
        "Bharatiya Janata Party": "67",
        "Indian National Congress": "61",
        "Jharkhand Mukti Morcha": "54",
        "All Jharkhand Students Union": "54",
    }
    assert _of(claims, ("final-tally", A09, "Jharkhand Mukti Morcha"))["kgo:seatsWon"] == "18"


def test_counts_given_respectively_pair_up_in_order() -> None:
    claims = _news(
        "All 81 results are in. The JMM and the Congress finished with 34 and 16 seats "
        "respectively, while the RJD bagged four.",
        published="2009-12-23",
    )
    assert _won(claims) == {
        "Jharkhand Mukti Morcha": "34",
        "Indian National Congress": "16",
        "Rashtriya Janata Dal": "4",
    }
