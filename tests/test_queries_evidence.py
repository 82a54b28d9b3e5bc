"""The saved queries from q22 on (figures, evidence, types, inference, dates) answer exactly as the articles say, with their default
parameters and with others."""

from __future__ import annotations

from pathlib import Path

from kg.config import Config
from kg.query.store import Store

from .conftest import BASE
from .saved_queries import RDF_TYPE, K, O, Row, S, execute, run

# ---- q13 and on: exact answers, with the default parameters and with others ----

E24 = "2024 Jharkhand Legislative Assembly election"
JMM, BJP, INC = "Jharkhand Mukti Morcha", "Bharatiya Janata Party", "Indian National Congress"


def test_q22_conflicting_figures_are_the_tallies_at_two_times(store: Store) -> None:
    tally = "seat tally at two times"
    assert run(store, "q22-conflicting-figures") == [
        (
            tally,
            INC,
            "seats leading",
            "17",
            "3 PM",
            "002",
            "17 leads",
            "6",
            "6 pm on counting day",
            "001",
            "is leading in six",
        ),
        (
            tally,
            JMM,
            "seats leading",
            "31",
            "3 PM",
            "002",
            "leads in 31",
            "14",
            "6 pm on counting day",
            "001",
            "is leading in 14",
        ),
        (
            tally,
            JMM,
            "seats won",
            "3",
            "3 PM",
            "002",
            "has secured three wins",
            "20",
            "6 pm on counting day",
            "001",
            "has won 20 seats",
        ),
    ]


def test_q22_finds_two_articles_giving_one_fact_two_values(cfg: Config, tmp_path: Path) -> None:
    """No two articles disagree today; an added article that gives Hemant Soren other votes shows."""
    g = f"<{BASE}graph/source/009>"
    rdf, prov, oa = (
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/ns/oa#",
    )
    st, ref, sel, src = (
        f"<{BASE}{n}>" for n in ("statement/t9", "reference/t9", "reference/t9/quote", "source/009")
    )
    extra = [
        (st, f"<{rdf}subject>", f"<{K}candidacy/election/2024-jharkhand-assembly/hemant-soren>"),
        (st, f"<{rdf}predicate>", f"<{O}votes>"),
        (st, f"<{rdf}object>", '"95000"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        (st, f"<{prov}wasDerivedFrom>", ref),
        (ref, f"<{O}statedIn>", src),
        (src, f"<{O}sourceId>", '"009"'),
        (ref, f"<{oa}hasSelector>", sel),
        (sel, f"<{oa}exact>", '"95,000 votes"'),
    ]
    nq = tmp_path / "kg.nq"
    nq.write_text(
        (cfg.out_dir / "kg.nq").read_text(encoding="utf-8")
        + "".join(f"{s} {p} {o} {g} .\n" for s, p, o in extra),
        encoding="utf-8",
    )
    got = run(Store.from_nquads(nq, base_iri=BASE), "q22-conflicting-figures")
    assert (
        "two values for one fact",
        K + "candidacy/election/2024-jharkhand-assembly/hemant-soren",
        "votes received",
        "95000",
        None,
        "009",
        "95,000 votes",
        "95612",
        None,
        "001",
        "receiving 95,612 votes",
    ) in got
    assert len(got) == 4


def test_q23_approximate_figures_and_lower_bounds(store: Store) -> None:
    assert run(store, "q23-approximate-figures") == [
        (
            "approximate",
            K + "candidacy/election/2024-jharkhand-assembly/kalpana-soren",
            "margin",
            "17000",
            "001",
            "by a margin of 17,000 votes",
            "a round figure (a multiple of 1,000): kept as stated and marked approximate",
        ),
        (
            "lower bound: more than",
            K
            + "rallies/kalpana-soren/campaign/election/2024-jharkhand-assembly/jharkhand-mukti-morcha",
            "count more than",
            "400",
            "001",
            "she conducted over 400 rallies",
            "'over 400': an exclusive lower bound; the campaign is the JMM's election campaign of the previous sentence",
        ),
    ]


def test_q24_evidence_for_a_fact(store: Store) -> None:
    def without_statement(got: list[Row]) -> list[Row]:
        assert all((r[3] or "").startswith(BASE + "statement/") for r in got)
        return [r[:3] + r[4:] for r in got]

    assert without_statement(run(store, "q24-evidence-for-a-fact")) == [
        (
            K + "candidacy/election/2024-jharkhand-assembly/hemant-soren",
            O + "votes",
            "95612",
            "001",
            "343",
            "365",
            "receiving 95,612 votes",
            O + "NewsPatternRules",
            "news:victory",
            None,
        )
    ]
    born = run(
        store, "q24-evidence-for-a-fact", subject="id/kalpana-soren", predicate=S + "birthDate"
    )
    assert born[0][3] == born[1][3]  # one statement, two passages of 000
    assert without_statement(born) == [
        (
            K + "kalpana-soren",
            S + "birthDate",
            "1985-03-03",
            "000",
            "589",
            "606",
            "born 3 March 1985",
            O + "SentenceRules",
            "sentence:birth",
            None,
        ),
        (
            K + "kalpana-soren",
            S + "birthDate",
            "1985-03-03",
            "000",
            "1282",
            "1302",
            "born on 3 March 1985",
            O + "SentenceRules",
            "sentence:birth",
            None,
        ),
    ]


ENTITY_TYPES = {
    "kgo:Organisation": (0, 19), "org:Organization": (0, 19), "schema:Person": (3, 15),
    "kgo:Event": (0, 15), "kgo:Politician": (12, 12), "kgo:Place": (1, 10),
    "kgo:PositionHolding": (8, 8), "kgo:Candidacy": (7, 7), "kgo:PoliticalParty": (6, 6),
    "kgo:Post": (0, 6), "org:Post": (0, 6), "kgo:Language": (5, 5), "kgo:SeatTally": (5, 5),
    "kgo:EducationalInstitution": (3, 4), "kgo:SeatAllocation": (4, 4), "kgo:Election": (0, 3),
    "kgo:FieldOfStudy": (3, 3), "kgo:Occupation": (3, 3), "kgo:OrganisationPost": (3, 3),
    "kgo:PartySwitch": (3, 3), "kgo:State": (3, 3), "kgo:AcademicDegree": (2, 2),
    "kgo:Campaign": (2, 2), "kgo:ChiefMinister": (0, 2), "kgo:City": (2, 2),
    "kgo:Constituency": (2, 2), "kgo:Education": (3, 3), "kgo:ElectionPhase": (2, 2),
    "kgo:GeneralElection": (2, 2), "kgo:GovernmentAgency": (1, 2), "kgo:Interview": (3, 3),
    "kgo:Legislature": (2, 2), "kgo:MemberOfParliament": (0, 2), "kgo:Quotation": (2, 2),
    "kgo:Alliance": (1, 1), "kgo:ArmedForce": (1, 1), "kgo:Arrest": (1, 1),
    "kgo:ByElection": (1, 1), "kgo:Celebration": (1, 1), "kgo:ChiefMinisterPost": (1, 1),
    "kgo:Community": (1, 1), "kgo:Company": (1, 1), "kgo:Country": (1, 1),
    "kgo:District": (1, 1), "kgo:ElectoralBody": (1, 1), "kgo:EntryIntoPolitics": (1, 1),
    "kgo:EthnicGroup": (1, 1), "kgo:LegislativeAssemblyPost": (1, 1), "kgo:Marriage": (1, 1),
    "kgo:MediaOrganisation": (1, 1), "kgo:MemberOfLegislativeAssembly": (0, 1),
    "kgo:ParliamentPost": (1, 1), "kgo:PublicGathering": (1, 1), "kgo:RallySeries": (1, 1),
    "kgo:Resignation": (1, 1), "kgo:SchoolSystem": (1, 1), "kgo:Society": (1, 1),
    "kgo:PartyMembership": (3, 3),
}  # fmt: skip


def test_q25_things_by_type_asserted_and_with_inference(store: Store) -> None:
    short = {O: "kgo:", S: "schema:", "http://www.w3.org/ns/org#": "org:"}

    def curie(iri: str) -> str:
        return next(c + iri[len(ns) :] for ns, c in short.items() if iri.startswith(ns))

    got = run(store, "q25-entities-by-type")
    assert {curie(r[0] or ""): (int(r[2] or 0), int(r[3] or 0)) for r in got} == ENTITY_TYPES
    assert len(got) == len(ENTITY_TYPES)  # one label per class
    assert [int(r[3] or 0) for r in got] == sorted((int(r[3] or 0) for r in got), reverse=True)
    assert got[2:4] == [(O + "Event", "event", "0", "15"), (S + "Person", "person", "3", "15")]


def test_q26_entities_of_a_type_with_mentions(store: Store) -> None:
    party = O + "PoliticalParty"
    assert run(store, "q26-entities-of-a-type") == [
        (
            party,
            K + "jharkhand-mukti-morcha",
            JMM,
            "Political party in Jharkhand, India",
            "20",
            "3",
        ),
        (party, K + "bharatiya-janata-party", BJP, "Political party in India", "15", "3"),
        (
            party,
            K + "indian-national-congress",
            INC,
            'Political party in India, called "Congress" in the articles',
            "5",
            "2",
        ),
        (
            party,
            K + "cpi-ml",
            "Communist Party of India (Marxist-Leninist)",
            "Political party in India",
            "3",
            "1",
        ),
        (
            party,
            K + "rashtriya-janata-dal",
            "Rashtriya Janata Dal",
            "Political party in India",
            "3",
            "1",
        ),
        (
            party,
            K + "all-jharkhand-students-union",
            "All Jharkhand Students Union",
            "Political party in Jharkhand; alliance partner of the Bharatiya Janata Party",
            "2",
            "1",
        ),
    ]
    seat = "Constituency of the Jharkhand Legislative Assembly"
    assert run(store, "q26-entities-of-a-type", type="ontology#Constituency") == [
        (O + "Constituency", K + "gandey", "Gandey", seat, "5", "3"),
        (O + "Constituency", K + "barhait", "Barhait", seat, "2", "1"),
    ]


def test_q27_inferred_facts_by_rule(store: Store) -> None:
    assert run(store, "q27-inferred-facts-by-rule") == [
        (
            "prp-spo2",
            K + "hemant-soren",
            O + "fatherInLaw",
            K + "ampa-murmu",
            "Ampa Murmu",
            "prp-spo2",
            O + "fatherInLaw",
            "2",
            "false",
        ),
        (
            "prp-spo2",
            K + "kalpana-soren",
            O + "fatherInLaw",
            K + "shibu-soren",
            "Shibu Soren",
            "prp-spo2",
            O + "fatherInLaw",
            "2",
            "true",
        ),
        (
            "prp-spo2",
            K + "kalpana-soren",
            O + "husbandsFather",
            K + "shibu-soren",
            "Shibu Soren",
            "prp-spo2",
            O + "husbandsFather",
            "2",
            "false",
        ),
    ]
    allied = [
        (
            "prp-symp",
            K + a,
            O + "alliedWith",
            K + b,
            name,
            "prp-symp",
            O + "alliedWith",
            "1",
            "false",
        )
        for a, b, name in [
            (
                "bharatiya-janata-party",
                "all-jharkhand-students-union",
                "All Jharkhand Students Union",
            ),
            ("jharkhand-mukti-morcha", "cpi-ml", "Communist Party of India (Marxist-Leninist)"),
            ("jharkhand-mukti-morcha", "indian-national-congress", INC),
            ("jharkhand-mukti-morcha", "rashtriya-janata-dal", "Rashtriya Janata Dal"),
        ]
    ]
    assert run(store, "q27-inferred-facts-by-rule", rule="prp-symp") == allied
    # a derivation through an anonymous class names both rules; either finds it
    classes = [
        ("cls-svf1", K + who, RDF_TYPE, O + cls, label, "cls-svf1, cax-sco", None, "2", "false")
        for who, cls, label in [
            ("hemant-soren", "ChiefMinister", "chief minister"),
            ("joba-majhi", "MemberOfParliament", "member of parliament"),
            ("kalpana-soren", "MemberOfLegislativeAssembly", "member of a legislative assembly"),
            ("nalin-soren", "MemberOfParliament", "member of parliament"),
            ("shibu-soren", "ChiefMinister", "chief minister"),
        ]
    ]
    assert run(store, "q27-inferred-facts-by-rule", rule="cls-svf1") == classes
    by_subclass = run(store, "q27-inferred-facts-by-rule", rule="cax-sco")
    assert len(by_subclass) == 100
    assert [("cax-sco", *r[1:]) for r in classes] == [r for r in by_subclass if r[5] != "cax-sco"]
    assert run(store, "q27-inferred-facts-by-rule", rule="prp-inv", subject="id/kalpana-soren") == [
        (
            "prp-inv",
            K + "kalpana-soren",
            O + "husband",
            K + "hemant-soren",
            "Hemant Soren",
            "prp-inv",
            O + "wife",
            "1",
            "true",
        )
    ]


def test_q28_election_turnout_and_phases(store: Store) -> None:
    e = K + "election/2024-jharkhand-assembly"
    dates = "year taken from the article's context"
    assert run(store, "q28-election-turnout-and-phases") == [
        (e, "1", "2024-11-13", None, "polling date", "001", "November 13", dates),
        (e, "2", "2024-11-20", None, "polling date", "001", "November 20", dates),
        (
            e,
            "2",
            None,
            "68.95",
            "turnout",
            "001",
            "second phase saw a slightly higher turnout at 68.95 per cent",
            None,
        ),
        (
            e,
            "overall",
            None,
            "67.74",
            "turnout",
            "001",
            "turnout of 67.74 per cent",
            "election taken from the article's context",
        ),
    ]
    for other in ("id/election/2024-gandey-by-election", "id/election/2024-general-election"):
        assert run(store, "q28-election-turnout-and-phases", election=other) == []


def test_q29_facts_dated_on_or_after_a_day(store: Store) -> None:
    from_june = [
        (
            "2024-06-04",
            K + "holding/member-of-jharkhand-legislative-assembly/kalpana-soren",
            "start date",
            "000",
            "Term Start: 4 June 2024",
        ),
        (
            "2024-11-13",
            K + "phase/election/2024-jharkhand-assembly/1",
            "polling date",
            "001",
            "November 13",
        ),
        (
            "2024-11-20",
            K + "phase/election/2024-jharkhand-assembly/2",
            "polling date",
            "001",
            "November 20",
        ),
    ]

    def shaped(since: str, date: str, subject: str, prop: str, article: str, quote: str) -> Row:
        return (since, date, prop, subject, article, quote)

    assert run(store, "q29-facts-dated-since") == [
        shaped(
            "2024-01-01",
            "2024-01-31",
            K + "arrest/hemant-soren",
            "date",
            "000",
            "31 January",
        ),
        shaped(
            "2024-01-01",
            "2024-03-04",
            K + "entry-into-politics/kalpana-soren",
            "date",
            "000",
            "Kalpana Murmu Soren, joined politics 4 March 2024",
        ),
        shaped(
            "2024-01-01",
            "2024-03-04",
            K + "celebration/jharkhand-mukti-morcha/2024-03-04",
            "date",
            "001",
            "March 4, 2024, during the JMM’s foundation day celebrations",
        ),
        shaped(
            "2024-01-01",
            "2024-03-04",
            K + "entry-into-politics/kalpana-soren",
            "date",
            "001",
            "formally entered politics on March 4, 2024",
        ),
        *(shaped("2024-01-01", *r) for r in from_june),
    ]
    assert run(store, "q29-facts-dated-since", since="2024-06-04") == [
        shaped("2024-06-04", *r) for r in from_june
    ]
    everything = run(store, "q29-facts-dated-since", since="1900-01-01")
    assert [r[1] for r in everything[:3]] == ["1985-03-03", "1985-03-03", "2006-02-07"]
    assert len(everything) == 10


def test_q30_did_an_article_state_a_fact(store: Store) -> None:
    def ask(**given: str) -> bool | None:
        return execute(store, "q30-did-article-state-fact", **given).boolean

    assert ask() is True  # 000's infobox: Shibu Soren (father-in-law)
    assert ask(article="001") is False
    wife = {
        "subject": "id/hemant-soren",
        "predicate": "ontology#wife",
        "object": "id/kalpana-soren",
    }
    # 000: "Soren is wife of Jharkhand Chief Minister Hemant Soren"
    assert [ask(article=a, **wife) for a in ("000", "001", "002")] == [True, True, True]
    # inferred only, never stated: no article says it
    assert ask(predicate="ontology#husbandsFather") is False


def test_q31_search_the_quoted_evidence(store: Store) -> None:
    hemant = "Hemant Soren secured a decisive victory in the Barhait constituency, receiving 95,612 votes and defeating the Bharatiya Janata Party’s (BJP) Gamliyel Hembrom by a margin of 39,791 votes"
    kalpana = "Kalpana Soren, in her political debut, has won the Gandey constituency by a margin of 17,000 votes against BJP candidate Muniya Devi"
    assert run(store, "q31-search-evidence-text") == [
        ("margin", "001", "274", "459", hemant, "5"),
        ("margin", "001", "432", "459", "by a margin of 39,791 votes", "1"),
        ("margin", "001", "473", "605", kalpana, "5"),
        ("margin", "001", "544", "571", "by a margin of 17,000 votes", "1"),
    ]
    assert run(store, "q31-search-evidence-text", text="RALLIES") == [
        ("RALLIES", "001", "1114", "1144", "she conducted over 400 rallies", "4")
    ]
    # a value is only ever text to look for, never part of the query
    assert run(store, "q31-search-evidence-text", text='") || true || ("') == []
