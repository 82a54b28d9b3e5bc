"""Saved queries: every competency question answered exactly as the articles say; the further
saved queries (q13 on) answer exactly, with their default parameters and with others; engines agree."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Identifier

from kg.config import Config
from kg.params import DATATYPES, bind
from kg.queries import SavedQuery, load_saved_queries, parse_saved_query
from kg.store import Result, Store

from .conftest import BASE, ROOT, rows

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
K = BASE + "id/"
O = BASE + "ontology#"  # noqa: E741
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
Row = tuple[str | None, ...]


def saved(name: str) -> SavedQuery:
    return parse_saved_query(ROOT / "queries" / f"{name}.rq")


def execute(store: Store, name: str, **given: str) -> Result:
    """Run a saved query as the API does: parameters bound through the engine, defaults filled."""
    q = saved(name)
    return store.query(q.text, bind(q.params, given, BASE))


def run(store: Store, name: str, **given: str) -> list[Row]:
    res = execute(store, name, **given)
    return [tuple(r[v] for v in res.variables) for r in res.values()]


def form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query form, after comments and the prologue."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    body = re.sub(r"(?i)\b(PREFIX\s+\S*:\s*|BASE\s*)<[^>]*>", "", body)
    return body.split()[0].upper()


SELECTS = [p for p in QUERIES if form(p.read_text(encoding="utf-8")) == "SELECT"]


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_every_saved_query_has_a_header_and_runs(path, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Each parses with its parameters and runs with their defaults (or unbound where optional)."""
    q = parse_saved_query(path)
    assert q.title and q.description
    res = store.query(q.text, bind(q.params, {}, BASE))
    assert res.kind == {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "graph"}[form(q.text)]
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
    rl_rows = sorted((tuple(_norm(v) for v in r) for r in rl), key=repr)
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


def _ox_triples(res: Result) -> set[tuple[str, str, str]]:
    return {(t.subject.value, t.predicate.value, t.object.value) for t in res.triples}


@pytest.mark.parametrize("person", ["id/kalpana-soren", "id/shibu-soren"])
def test_rdflib_and_pyoxigraph_construct_the_same_family_graph(
    person: str, store: Store, cfg: Config
) -> None:
    q = saved("q20-family-graph")
    ox = _ox_triples(execute(store, "q20-family-graph", person=person))
    rl = _rdflib_dataset(cfg).query(
        q.text, base=cfg.base_iri, initBindings=_rdflib_bindings(q, {"person": person})
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
    name: str, given: dict[str, str], store: Store, sources: dict[str, object]
) -> None:
    res = execute(store, name, **given)
    assert res.rows
    for r in res.values():
        text: str = sources[r["article"]].text  # type: ignore[attr-defined]
        assert text[int(r["start"] or 0) : int(r["end"] or 0)] == r["quote"]


# ---- q13 and on: exact answers, with the default parameters and with others ----

E24 = "2024 Jharkhand Legislative Assembly election"
JMM, BJP, INC = "Jharkhand Mukti Morcha", "Bharatiya Janata Party", "Indian National Congress"
SWITCH = "prominent JMM leaders like Sita Soren, Champai Soren, and Lobin Hembrom shifting allegiance to the BJP"
HEMANT_SAID = "From the very beginning, this state has taken forward the issue of tribals. But for the first time, after our government came to power, in 2022 and 2023, we are witnessing this event,"
KALPANA_SAID = "And when Hemant ji went to jail, I felt my responsibility has expanded from being a woman who is managing household to someone whose family consists the people of the state,"


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
        (K + "jharkhand-mukti-morcha", person, JMM, BJP, "001", "1291", "1393", SWITCH)
        for person in ("Champai Soren", "Lobin Hembrom", "Sita Soren")
    ]
    assert run(store, "q17-party-switches") == expected
    assert run(store, "q17-party-switches", fromParty="id/jharkhand-mukti-morcha") == expected
    assert run(store, "q17-party-switches", fromParty="id/bharatiya-janata-party") == []


def test_q18_quotations_speaker_words_and_article(store: Store) -> None:
    hemant = (
        K + "hemant-soren",
        "Hemant Soren",
        HEMANT_SAID,
        "interview",
        "with Chinki Sinha",
        "002",
        "1451",
        "1668",
    )
    kalpana = (
        K + "kalpana-soren",
        "Kalpana Soren",
        KALPANA_SAID,
        "public gathering",
        "at Ghatkul",
        "002",
        "2166",
        "2407",
    )
    assert run(store, "q18-quotations") == [hemant, kalpana]
    assert run(store, "q18-quotations", speaker="id/hemant-soren") == [hemant]
    assert run(store, "q18-quotations", speaker="id/kalpana-soren") == [kalpana]


def test_q18_quoted_words_lie_inside_the_passage_that_reports_them(
    store: Store, sources: dict[str, object]
) -> None:
    for r in execute(store, "q18-quotations").values():
        text: str = sources[r["article"]].text  # type: ignore[attr-defined]
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
        ("wife", "Kalpana Soren", "stated in article 001"),
        ("wife", "Kalpana Soren", "stated in article 002"),
    ]


S = "http://schema.org/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


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
    assert _ox_triples(res) == core | names | with_ampa
    # from Shibu Soren, one relation away: his son and daughter-in-law, not her father
    assert _ox_triples(execute(store, "q20-family-graph", person="id/shibu-soren")) == core | names
    assert _ox_triples(execute(store, "q20-family-graph", person="id/gamliyel-hembrom")) == set()


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
    from kg.params import ParamError

    with pytest.raises(ParamError, match="not one of the allowed values"):
        execute(store, "q21-results-by-party", party="id/kalpana-soren")


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
            O + "CuratedClaims",
            "curated:000-lead.yaml#birth-date-lead",
            None,
        ),
        (
            K + "kalpana-soren",
            S + "birthDate",
            "1985-03-03",
            "000",
            "1278",
            "1302",
            "was born on 3 March 1985",
            O + "CuratedClaims",
            "curated:000-personal-life.yaml#birth-date-personal-life",
            None,
        ),
    ]


ENTITY_TYPES = {
    "kgo:Organisation": (0, 19), "org:Organization": (0, 19), "schema:Person": (3, 15),
    "kgo:Event": (0, 14), "kgo:Politician": (12, 12), "kgo:Place": (1, 10),
    "kgo:PositionHolding": (8, 8), "kgo:Candidacy": (7, 7), "kgo:PoliticalParty": (6, 6),
    "kgo:Post": (0, 6), "org:Post": (0, 6), "kgo:Language": (5, 5), "kgo:SeatTally": (5, 5),
    "kgo:EducationalInstitution": (3, 4), "kgo:SeatAllocation": (4, 4), "kgo:Election": (0, 3),
    "kgo:FieldOfStudy": (3, 3), "kgo:Occupation": (3, 3), "kgo:OrganisationPost": (3, 3),
    "kgo:PartySwitch": (3, 3), "kgo:State": (3, 3), "kgo:AcademicDegree": (2, 2),
    "kgo:Campaign": (2, 2), "kgo:ChiefMinister": (0, 2), "kgo:City": (2, 2),
    "kgo:Constituency": (2, 2), "kgo:Education": (2, 2), "kgo:ElectionPhase": (2, 2),
    "kgo:GeneralElection": (2, 2), "kgo:GovernmentAgency": (1, 2), "kgo:Interview": (2, 2),
    "kgo:Legislature": (2, 2), "kgo:MemberOfParliament": (0, 2), "kgo:Quotation": (2, 2),
    "kgo:Alliance": (1, 1), "kgo:ArmedForce": (1, 1), "kgo:Arrest": (1, 1),
    "kgo:ByElection": (1, 1), "kgo:Celebration": (1, 1), "kgo:ChiefMinisterPost": (1, 1),
    "kgo:Community": (1, 1), "kgo:Company": (1, 1), "kgo:Country": (1, 1),
    "kgo:District": (1, 1), "kgo:ElectoralBody": (1, 1), "kgo:EntryIntoPolitics": (1, 1),
    "kgo:EthnicGroup": (1, 1), "kgo:LegislativeAssemblyPost": (1, 1), "kgo:Marriage": (1, 1),
    "kgo:MediaOrganisation": (1, 1), "kgo:MemberOfLegislativeAssembly": (0, 1),
    "kgo:ParliamentPost": (1, 1), "kgo:PublicGathering": (1, 1), "kgo:RallySeries": (1, 1),
    "kgo:Resignation": (1, 1), "kgo:SchoolSystem": (1, 1), "kgo:Society": (1, 1),
}  # fmt: skip


def test_q25_things_by_type_asserted_and_with_inference(store: Store) -> None:
    short = {O: "kgo:", S: "schema:", "http://www.w3.org/ns/org#": "org:"}

    def curie(iri: str) -> str:
        return next(c + iri[len(ns) :] for ns, c in short.items() if iri.startswith(ns))

    got = run(store, "q25-entities-by-type")
    assert {curie(r[0] or ""): (int(r[2] or 0), int(r[3] or 0)) for r in got} == ENTITY_TYPES
    assert len(got) == len(ENTITY_TYPES)  # one label per class
    assert [int(r[3] or 0) for r in got] == sorted((int(r[3] or 0) for r in got), reverse=True)
    assert got[2] == (S + "Person", "person", "3", "15")


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
        (party, K + "bharatiya-janata-party", BJP, "Political party in India", "11", "3"),
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
    assert len(by_subclass) == 99
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
    dates = "year 2024 from the article's context; phase number from the order of the dates"
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
            "The second phase saw a slightly higher turnout at 68.95 per cent.",
            None,
        ),
        (
            e,
            "overall",
            None,
            "67.74",
            "turnout",
            "001",
            "a total voter turnout of 67.74 per cent",
            "election taken from the article's context ('2024 Assembly elections')",
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
            "Hemant Soren's arrest by the Enforcement Directorate (ED) on 31 January",
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
            "entered politics on March 4, 2024, during the JMM’s foundation day celebrations",
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
    assert [ask(article=a, **wife) for a in ("000", "001", "002")] == [False, True, True]
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
