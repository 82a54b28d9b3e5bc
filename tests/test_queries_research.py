"""The saved queries q13 to q21 (results, timelines, tallies, switches, quotations, family) answer exactly as the articles say, with their default
parameters and with others."""

from __future__ import annotations

from typing import cast

import pytest

from kg.model import Source
from kg.query.store import Store

from .conftest import BASE
from .saved_queries import LABEL, K, O, S, execute, run, triples_of

# ---- q13 and on: exact answers, with the default parameters and with others ----

E24 = "2024 Jharkhand Legislative Assembly election"
JMM, BJP, INC = "Jharkhand Mukti Morcha", "Bharatiya Janata Party", "Indian National Congress"
SWITCH = (
    "JMM leaders like Sita Soren, Champai Soren, and Lobin Hembrom shifting allegiance to the BJP"
)
HEMANT_SAID = "From the very beginning, this state has taken forward the issue of tribals. But for the first time, after our government came to power, in 2022 and 2023, we are witnessing this event"
KALPANA_SAID = "And when Hemant ji went to jail, I felt my responsibility has expanded from being a woman who is managing household to someone whose family consists the people of the state"


def test_q13_results_by_constituency(store: Store) -> None:
    barhait = [
        (K + "barhait", "Barhait", E24, "Hemant Soren", JMM, "95612", None, "won", "001, 002"),
        (K + "barhait", "Barhait", E24, "Gamliyel Hembrom", BJP, None, None, "lost", "001"),
    ]
    assert run(store, "q13-results-by-constituency") == [
        *barhait,
        (
            K + "gandey",
            "Gandey",
            "2024 Gandey by-election",
            "Kalpana Soren",
            None,
            "109827",
            "50.54",
            "won",
            "000",
        ),
        (
            K + "gandey",
            "Gandey",
            E24,
            "Kalpana Soren",
            JMM,
            "119372",
            "50.51",
            "won",
            "000, 001, 002",
        ),
        (K + "gandey", "Gandey", E24, "Muniya Devi", BJP, None, None, "lost", "001"),
    ]
    assert run(store, "q13-results-by-constituency", constituency="id/barhait") == barhait
    assert run(store, "q13-results-by-constituency", constituency=K + "barhait") == barhait


def test_q14_candidate_results_with_a_minimum_of_votes(store: Store) -> None:
    assembly = (
        K + "kalpana-soren",
        "0",
        E24,
        "Gandey",
        JMM,
        "119372",
        "50.51",
        "won",
        "000",
        "119,372",
    )
    bypoll = (
        K + "kalpana-soren",
        "0",
        "2024 Gandey by-election",
        "Gandey",
        None,
        "109827",
        "50.54",
        "won",
        "000",
        "109,827",
    )
    assert run(store, "q14-candidate-results") == [assembly, bypoll]
    assert run(store, "q14-candidate-results", minVotes="110000") == [
        (assembly[0], "110000", *assembly[2:])
    ]
    assert run(store, "q14-candidate-results", minVotes="200000") == []
    assert run(store, "q14-candidate-results", person="id/hemant-soren") == [
        (
            K + "hemant-soren",
            "0",
            E24,
            "Barhait",
            JMM,
            "95612",
            None,
            "won",
            "001",
            "receiving 95,612 votes",
        )
    ]


def test_q15_person_timeline(store: Store) -> None:
    kalpana = K + "kalpana-soren"
    assert run(store, "q15-person-timeline") == [
        (kalpana, "1985-03-03", "born", None, "000"),
        (kalpana, "2006-02-07", "marriage", K + "marriage/hemant-soren/kalpana-soren", "000"),
        (
            kalpana,
            "2012",
            "earned degree: Master of Business Administration",
            K + "education/kalpana-soren/symbiosis-centre-for-distance-learning",
            "000",
        ),
        (
            kalpana,
            "2024-03-04",
            "entry into politics",
            K + "entry-into-politics/kalpana-soren",
            "000",
        ),
        (
            kalpana,
            "2024-03-04",
            "entry into politics",
            K + "entry-into-politics/kalpana-soren",
            "001",
        ),
        (
            kalpana,
            "2024-06-04",
            "took office: Member of the Jharkhand Legislative Assembly",
            K + "holding/member-of-jharkhand-legislative-assembly/kalpana-soren",
            "000",
        ),
    ]
    hemant = K + "hemant-soren"
    assert run(store, "q15-person-timeline", person="id/hemant-soren") == [
        (hemant, "2006-02-07", "marriage", K + "marriage/hemant-soren/kalpana-soren", "000"),
        (hemant, "2022", "interview", K + "interview/hemant-soren/chinki-sinha", "002"),
        (hemant, "2024-01-31", "arrest", K + "arrest/hemant-soren", "000"),
    ]


def test_q16_seat_tallies_over_time_with_their_words(store: Store) -> None:
    inc_3pm = (
        K + "indian-national-congress",
        INC,
        "15:00:00",
        "3 PM",
        None,
        "17",
        None,
        None,
        "002",
        "824",
        "886",
        "Congress, which is in alliance with JMM, has secured 17 leads.",
    )
    inc_6pm = (
        K + "indian-national-congress",
        INC,
        "18:00:00",
        "6 pm on counting day",
        "10",
        "6",
        "16",
        "Election Commission of India",
        "001",
        "1917",
        "1984",
        "Its ally, the Congress, has secured 10 seats and is leading in six.",
    )
    assert run(store, "q16-seat-tallies-over-time") == [
        (
            K + "bharatiya-janata-party",
            BJP,
            "15:00:00",
            "3 PM",
            None,
            "21",
            None,
            None,
            "002",
            "887",
            "992",
            "Meanwhile, the Bharatiya Janata Party, which hoped to make gains in Jharkhand, is trailing with 21 leads.",
        ),
        inc_3pm,
        (
            K + "jharkhand-mukti-morcha",
            JMM,
            "15:00:00",
            "3 PM",
            "3",
            "31",
            "34",
            None,
            "002",
            "762",
            "823",
            "As of 3 PM, JMM has secured three wins and leads in 31 seats.",
        ),
        inc_6pm,
        (
            K + "jharkhand-mukti-morcha",
            JMM,
            "18:00:00",
            "6 pm on counting day",
            "20",
            "14",
            "34",
            "Election Commission of India",
            "001",
            "1797",
            "1916",
            "As of 6 pm on counting day, the Election Commission reported that the JMM has won 20 seats and is leading in 14 others.",
        ),
    ]
    assert run(store, "q16-seat-tallies-over-time", party="id/indian-national-congress") == [
        inc_3pm,
        inc_6pm,
    ]


def test_q17_party_switches_with_source(store: Store) -> None:
    expected = [
        (K + "jharkhand-mukti-morcha", person, JMM, BJP, "001", "1301", "1393", SWITCH)
        for person in ("Champai Soren", "Lobin Hembrom", "Sita Soren")
    ]
    assert run(store, "q17-party-switches") == expected
    assert run(store, "q17-party-switches", fromParty="id/jharkhand-mukti-morcha") == expected
    assert run(store, "q17-party-switches", fromParty="id/bharatiya-janata-party") == []


def test_q18_quotations_speaker_words_and_article(store: Store) -> None:
    # each quotation is cited at the quoted words; its occasion is read from the words after it
    hemant = (K + "hemant-soren", "Hemant Soren", HEMANT_SAID, "interview", "with Chinki Sinha")
    kalpana = (K + "kalpana-soren", "Kalpana Soren", KALPANA_SAID, "public gathering", "at Ghatkul")
    hemant_words = (*hemant, "002", "1452", "1634")
    kalpana_words = (*kalpana, "002", "2167", "2339")
    assert run(store, "q18-quotations") == [hemant_words, kalpana_words]
    assert run(store, "q18-quotations", speaker="id/hemant-soren") == [hemant_words]
    assert run(store, "q18-quotations", speaker="id/kalpana-soren") == [kalpana_words]


def test_q18_quoted_words_lie_inside_the_passage_that_reports_them(
    store: Store, sources: dict[str, Source]
) -> None:
    for r in execute(store, "q18-quotations").values():
        text: str = sources[cast(str, r["article"])].text
        assert (r["text"] or "x") in text[int(r["start"] or 0) : int(r["end"] or 0)]


def test_q19_family_asserted_and_inferred_graph_by_graph(store: Store) -> None:
    s0, inf = (
        ("stated in article 000", BASE + "graph/source/000"),
        ("inferred", BASE + "graph/inferred"),
    )
    kalpana = K + "kalpana-soren"
    assert run(store, "q19-family-asserted-vs-inferred") == [
        (kalpana, "father", "Ampa Murmu", *s0),
        (kalpana, "father-in-law", "Shibu Soren", *inf),
        (kalpana, "father-in-law", "Shibu Soren", *s0),
        (kalpana, "husband", "Hemant Soren", *inf),
        (kalpana, "husband", "Hemant Soren", *s0),
        (kalpana, "husband's father", "Shibu Soren", *inf),
        (kalpana, "parent", "Ampa Murmu", *inf),
        (kalpana, "spouse", "Hemant Soren", *inf),
        (kalpana, "spouse", "Hemant Soren", *s0),
    ]
    shibu = K + "shibu-soren"
    assert run(store, "q19-family-asserted-vs-inferred", person="id/shibu-soren") == [
        (shibu, "child", "Hemant Soren", *inf),
        (shibu, "child-in-law", "Kalpana Soren", *inf),
        (shibu, "daughter-in-law", "Kalpana Soren", *inf),
    ]
    hemant = run(store, "q19-family-asserted-vs-inferred", person="id/hemant-soren")
    assert [r[1:4] for r in hemant if r[1] == "wife"] == [
        ("wife", "Kalpana Soren", "inferred"),
        ("wife", "Kalpana Soren", "stated in article 000"),
        ("wife", "Kalpana Soren", "stated in article 001"),
        ("wife", "Kalpana Soren", "stated in article 002"),
    ]


def test_q20_family_graph_is_a_construct_of_the_family(store: Store) -> None:
    k, h, s, a = (K + n for n in ("kalpana-soren", "hemant-soren", "shibu-soren", "ampa-murmu"))
    names = {(k, LABEL, "Kalpana Soren"), (h, LABEL, "Hemant Soren"), (s, LABEL, "Shibu Soren")}
    core = {
        (h, O + "father", s), (h, S + "parent", s), (h, O + "wife", k), (h, S + "spouse", k),
        (k, O + "husband", h), (k, S + "spouse", h), (k, O + "fatherInLaw", s),
        (k, O + "husbandsFather", s), (s, S + "children", h), (s, O + "childInLaw", k),
        (s, O + "daughterInLaw", k),
    }  # fmt: skip
    with_ampa = {
        (k, O + "father", a), (k, S + "parent", a), (a, S + "children", k),
        (h, O + "fatherInLaw", a), (a, O + "childInLaw", h), (a, LABEL, "Ampa Murmu"),
    }  # fmt: skip
    res = execute(store, "q20-family-graph")
    assert res.kind == "graph"
    assert triples_of(res) == core | names | with_ampa
    # from Shibu Soren, one relation away: his son and daughter-in-law, not her father
    assert triples_of(execute(store, "q20-family-graph", person="id/shibu-soren")) == core | names
    assert triples_of(execute(store, "q20-family-graph", person="id/gamliyel-hembrom")) == set()


def test_q21_results_by_party(store: Store) -> None:
    jmm = [
        (
            K + "jharkhand-mukti-morcha",
            JMM,
            E24,
            "Hemant Soren",
            "Barhait",
            "95612",
            None,
            "won",
            "001, 002",
        ),
        (
            K + "jharkhand-mukti-morcha",
            JMM,
            E24,
            "Kalpana Soren",
            "Gandey",
            "119372",
            "50.51",
            "won",
            "000, 001, 002",
        ),
    ]
    assert run(store, "q21-results-by-party") == [
        (
            K + "bharatiya-janata-party",
            BJP,
            "2024 General election (as named in article 000)",
            "Dilip Kumar Varma",
            None,
            None,
            None,
            None,
            "000",
        ),
        (
            K + "bharatiya-janata-party",
            BJP,
            E24,
            "Gamliyel Hembrom",
            "Barhait",
            None,
            None,
            "lost",
            "001",
        ),
        (
            K + "bharatiya-janata-party",
            BJP,
            E24,
            "Muniya Devi",
            "Gandey",
            None,
            None,
            "lost",
            "001",
        ),
        *jmm,
    ]
    assert run(store, "q21-results-by-party", party="id/jharkhand-mukti-morcha") == jmm
    assert run(store, "q21-results-by-party", party="id/cpi-ml") == []


def test_q21_party_must_be_one_of_the_enumerated_parties(store: Store) -> None:
    from kg.query.params import ParamError

    with pytest.raises(ParamError, match="not one of the allowed values"):
        execute(store, "q21-results-by-party", party="id/kalpana-soren")
