"""Explanations: why a triple holds, down to the articles (kg.explain, `kg explain`, /explain)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.build import Built
from kg.config import Config
from kg.explain import ExplainError, NotInGraph, TermError, explain, parse_term, render_text, spell
from kg.iris import Names, statement_iri
from kg.query.store import Store

from .conftest import BASE, PREFIXES, app_on_build
from .test_cli import kg

NAMES = Names(BASE)
FATHER_IN_LAW = ("kg:kalpana-soren", "kgo:fatherInLaw", "kg:shibu-soren")
HUSBAND = "her husband Hemant Soren"
MARRIED = "married Hemant Soren"
SON_OF = "Hemant Soren, son of former Chief Minister Shibu Soren"
HER_FATHER = "her father, Ampa Murmu"
SUMMARY = (
    f'spouse (000, "{HUSBAND}") + father (000, "{SON_OF}") '
    "→ property chain (prp-spo2, via kgo:fatherInLaw) → father-in-law"
)


def _refs(node: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    return [(r["source"], r["start"], r["end"], r["quote"]) for r in node["sources"]]


def _spo(node: dict[str, Any]) -> tuple[str, str, str]:
    return node["subject"]["text"], node["predicate"]["text"], node["object"]["text"]


# ---- the tree -------------------------------------------------------------------------------------


def test_father_in_law_is_explained_by_spouse_and_father(
    store: Store, sources: dict[str, Any]
) -> None:
    tree = explain(store, NAMES, *FATHER_IN_LAW)
    assert json.loads(json.dumps(tree)) == tree  # JSON-able as it is
    assert _spo(tree) == FATHER_IN_LAW
    assert tree["statement"] == str(
        statement_iri(
            NAMES,
            NAMES.entity("kalpana-soren"),
            NAMES.kgo.fatherInLaw,
            NAMES.entity("shibu-soren"),
        )
    )
    # stated by 000's infobox, and inferred as well
    assert tree["asserted"] and tree["inferred"]
    assert _refs(tree) == [("000", 276, 314, "Relations: Shibu Soren (father-in-Law)")]
    d = tree["derivation"]
    assert d["rule"] == "prp-spo2"
    assert d["rules"] == ["prp-spo2"]
    assert d["description"] == "property chain"
    assert [a["text"] for a in d["axioms"]] == ["kgo:fatherInLaw"]
    spouse, father = d["premises"]
    assert _spo(spouse) == ("kg:kalpana-soren", "schema:spouse", "kg:hemant-soren")
    assert _spo(father) == ("kg:hemant-soren", "kgo:father", "kg:shibu-soren")
    # asserted premises end at their articles: no derivation of their own is followed
    for premise in (spouse, father):
        assert premise["asserted"] and premise["derivation"] is None and not premise["cycle"]
    assert _refs(spouse) == [
        ("000", 875, 899, HUSBAND),
        ("000", 1741, 1761, MARRIED),
    ]
    assert _refs(father) == [("000", 1749, 1803, SON_OF)]
    text = sources["000"].text
    for ref in (*tree["sources"], *spouse["sources"], *father["sources"]):
        assert text[ref["start"] : ref["end"]] == ref["quote"]
        assert ref["title"] == "Kalpana Soren"
        assert ref["kind"] == "encyclopedia"
        assert ref["retrieved"] == sources["000"].retrieved
        assert ref["published"] is None
        assert ref["source_iri"] == BASE + "source/000"
        assert ref["link"] == f"{BASE}source/000#c{ref['start']}-{ref['end']}"
        assert ref["prefix"] == text[max(0, ref["start"] - 32) : ref["start"]]
    assert spouse["sources"][0]["method"] == "kgo:SentenceRules"
    assert spouse["sources"][0]["rule"] == "sentence:kinship"
    assert tree["summary"] == SUMMARY


def test_father_in_law_as_text(store: Store) -> None:
    src = '000 "Kalpana Soren" (encyclopedia, retrieved 2026-11-22)'
    assert render_text(explain(store, NAMES, *FATHER_IN_LAW)).splitlines() == [
        "kg:kalpana-soren kgo:fatherInLaw kg:shibu-soren",
        "  Kalpana Soren · father-in-law · Shibu Soren",
        "",
        "Asserted, and inferred as well.",
        "Stated in:",
        f"  {src}, characters 276-314",
        '    "Relations: Shibu Soren (father-in-Law)"  [infobox parser, infobox:Relations]',
        "Inferred by property chain (prp-spo2, via kgo:fatherInLaw) from:",
        "  1. kg:kalpana-soren schema:spouse kg:hemant-soren  (Kalpana Soren · spouse · Hemant Soren)",
        f"     {src}, characters 875-899",
        f'       "{HUSBAND}"  [sentence rules, sentence:kinship]',
        f"     {src}, characters 1741-1761",
        f'       "{MARRIED}"  [sentence rules, sentence:marriage]',
        "  2. kg:hemant-soren kgo:father kg:shibu-soren  (Hemant Soren · father · Shibu Soren)",
        f"     {src}, characters 1749-1803",
        f'       "{SON_OF}"  [added on review, review:000.yaml#hemant-father-shibu]',
        "",
        f"In short: {SUMMARY}",
    ]


def test_two_levels_down_to_the_article(store: Store) -> None:
    """Ampa Murmu has Kalpana Soren as child: the inverse of parent, itself from father (000)."""
    tree = explain(store, NAMES, "kg:ampa-murmu", "schema:children", "kg:kalpana-soren")
    assert not tree["asserted"] and tree["inferred"] and tree["sources"] == []
    assert tree["derivation"]["rule"] == "prp-inv"
    (parent,) = tree["derivation"]["premises"]
    assert _spo(parent) == ("kg:kalpana-soren", "schema:parent", "kg:ampa-murmu")
    assert not parent["asserted"] and parent["derivation"]["rule"] == "prp-spo1"
    assert [a["text"] for a in parent["derivation"]["axioms"]] == ["kgo:father"]
    (father,) = parent["derivation"]["premises"]
    assert _spo(father) == ("kg:kalpana-soren", "kgo:father", "kg:ampa-murmu")
    assert _refs(father) == [("000", 1354, 1376, HER_FATHER)]
    assert tree["summary"] == (
        f'(father (000, "{HER_FATHER}") → sub-property (prp-spo1, via kgo:father) → parent) '
        "→ inverse property (prp-inv, via schema:parent) → child"
    )
    lines = render_text(tree).splitlines()
    assert lines[3:8] == [
        "Inferred by inverse property (prp-inv, via schema:parent) from:",
        "  1. kg:kalpana-soren schema:parent kg:ampa-murmu  (Kalpana Soren · parent · Ampa Murmu)",
        "     inferred by sub-property (prp-spo1, via kgo:father) from:",
        "       1. kg:kalpana-soren kgo:father kg:ampa-murmu  (Kalpana Soren · father · Ampa Murmu)",
        '          000 "Kalpana Soren" (encyclopedia, retrieved 2026-11-22), characters 1354-1376',
    ]


def _leaves(node: dict[str, Any], depth: int = 0) -> Iterator[tuple[dict[str, Any], int]]:
    if node.get("derivation"):
        for p in node["derivation"]["premises"]:
            yield from _leaves(p, depth + 1)
    else:
        yield node, depth


def test_every_inferred_triple_is_explained_down_to_articles_or_registry(store: Store) -> None:
    res = store.query(
        PREFIXES
        + """SELECT DISTINCT ?s ?p ?o WHERE { GRAPH <graph/inferred> {
             ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:inferredBy ?d } }"""
    )
    assert len(res.rows) > 150
    deepest = 0
    for s, p, o in res.rows:
        tree = explain(store, NAMES, spell(s, NAMES), spell(p, NAMES), spell(o, NAMES))
        assert tree["inferred"] and tree["derivation"]["premises"], tree["statement"]
        for leaf, depth in _leaves(tree):
            deepest = max(deepest, depth)
            assert not leaf["cycle"], tree["statement"]
            assert leaf["sources"] or leaf["registry"] == "data/entities.yaml", leaf
            assert all(r["source"] in {"000", "001", "002"} and r["quote"] for r in leaf["sources"])
    assert deepest >= 3  # Kalpana Soren a schema:Person: Politician <- MLA <- post held (000)


def test_a_registry_premise_ends_at_the_registry(store: Store) -> None:
    tree = explain(store, NAMES, "kg:kalpana-soren", "a", "kgo:Politician")
    assert tree["asserted"] and tree["registry"] == "data/entities.yaml" and tree["inferred"]
    (mla,) = tree["derivation"]["premises"]
    post, post_type = mla["derivation"]["premises"]
    assert mla["derivation"]["rule"] == "cls-svf1, cax-sco"
    assert _spo(post) == (
        "kg:kalpana-soren",
        "kgo:positionHeld",
        "kg:member-of-jharkhand-legislative-assembly",
    )
    assert post_type["registry"] == "data/entities.yaml" and post_type["sources"] == []
    text = render_text(tree)
    assert "          recorded in data/entities.yaml\n" in text
    assert "a legislative assembly post (recorded in data/entities.yaml)" in tree["summary"]


def test_an_asserted_only_triple_lists_its_sources(store: Store) -> None:
    tree = explain(store, NAMES, "kg:kalpana-soren", "kgo:numberOfChildren", "2")
    assert tree["asserted"] and not tree["inferred"] and tree["derivation"] is None
    assert _refs(tree) == [("000", 317, 328, "Children: 2")]
    assert tree["object"] == {
        "kind": "literal",
        "value": "2",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
        "lang": None,
        "text": '"2"^^xsd:integer',
        "label": "2",
    }
    assert tree["summary"] == 'number of children (000, "Children: 2")'
    labels = explain(store, NAMES, "kg:gandey", "rdfs:label", '"Gandey"@en')
    assert labels["registry"] == "data/entities.yaml" and labels["statement"] is None


# ---- reading terms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "s,p,o",
    [
        FATHER_IN_LAW,
        (f"<{BASE}id/kalpana-soren>", f"<{BASE}ontology#fatherInLaw>", f"<{BASE}id/shibu-soren>"),
        (f"{BASE}id/kalpana-soren", "kgo:fatherInLaw", "<id/shibu-soren>"),
        ("<id/kalpana-soren>", " kgo:fatherInLaw ", "kg:shibu-soren"),
    ],
)
def test_iris_curies_and_relative_iris_name_the_same_triple(
    store: Store, s: str, p: str, o: str
) -> None:
    assert explain(store, NAMES, s, p, o)["summary"] == SUMMARY


@pytest.mark.parametrize(
    "text",
    [
        "2",
        '"2"^^xsd:integer',
        '"2"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"02"^^xsd:integer',
    ],
)
def test_literals_in_every_spelling(store: Store, text: str) -> None:
    tree = explain(store, NAMES, "kg:kalpana-soren", "kgo:numberOfChildren", text)
    assert tree["object"]["text"] == '"2"^^xsd:integer'


def test_parse_term_reads_literals_as_sparql_writes_them() -> None:
    assert str(parse_term('"a \\"b\\"\\n"', NAMES)) == 'a "b"\n'
    assert parse_term('"Gandey"@EN', NAMES).n3() == '"Gandey"@en'
    assert parse_term('"x"^^xsd:string', NAMES).n3() == '"x"'  # the same RDF term as "x"
    assert parse_term("2.5", NAMES).n3() == '"2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert parse_term("1e3", NAMES).n3().endswith("XMLSchema#double>")
    assert parse_term("true", NAMES).n3().endswith("XMLSchema#boolean>")
    assert str(parse_term("a", NAMES, "property")).endswith("rdf-syntax-ns#type")
    for term in ('"x y"@en', '"2"^^xsd:integer', "kg:gandey", '"q \\" q"'):
        assert parse_term(spell(parse_term(term, NAMES), NAMES), NAMES) == parse_term(term, NAMES)


@pytest.mark.parametrize(
    "s,p,o,message",
    [
        ("", "kgo:fatherInLaw", "kg:shibu-soren", "the subject is missing"),
        ("foo:x", "kgo:fatherInLaw", "kg:shibu-soren", "unknown prefix 'foo'"),
        ('"x"', "kgo:fatherInLaw", "kg:shibu-soren", "subject must be an IRI or CURIE"),
        ("kg:kalpana-soren", "2", "kg:shibu-soren", "property must be an IRI or CURIE"),
        ("kg:kalpana-soren", "kgo:fatherInLaw", '"open', "not a well-formed literal"),
        ("kg:kalpana-soren", "kgo:fatherInLaw", "Shibu Soren", "not an IRI, a CURIE or a literal"),
        ("<http://a b>", "kgo:fatherInLaw", "kg:shibu-soren", "not a valid absolute IRI"),
        ("_:b0", "kgo:fatherInLaw", "kg:shibu-soren", "blank node"),
        ("kg:", "kgo:fatherInLaw", "kg:shibu-soren", "no local name"),
        ("<id/kalpana-soren", "kgo:fatherInLaw", "kg:shibu-soren", "does not close it"),
    ],
)
def test_malformed_terms_are_refused(store: Store, s: str, p: str, o: str, message: str) -> None:
    with pytest.raises(TermError, match=message):
        explain(store, NAMES, s, p, o)


def test_a_triple_neither_asserted_nor_inferred_is_an_error(store: Store) -> None:
    with pytest.raises(NotInGraph, match="is not in the graph") as exc:
        explain(store, NAMES, "kg:kalpana-soren", "kgo:fatherInLaw", "kg:hemant-soren")
    assert str(exc.value).startswith("kg:kalpana-soren kgo:fatherInLaw kg:hemant-soren ")
    assert isinstance(exc.value, ExplainError)
    with pytest.raises(NotInGraph, match=r"is in <graph/ontology>, but no article states it"):
        explain(store, NAMES, "kgo:fatherInLaw", "rdf:type", "owl:ObjectProperty")


def test_a_cycle_of_derivations_is_cut(tmp_path: Path) -> None:
    """Derivations recorded by the build are well founded; a hand-made cycle must still end."""
    kg_, kgo = str(NAMES.kg), str(NAMES.kgo)
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    inferred = f"<{NAMES.inferred_graph}>"
    x, y, p, q = NAMES.entity("x"), NAMES.entity("y"), NAMES.kgo.p, NAMES.kgo.q
    a, b = statement_iri(NAMES, x, p, y), statement_iri(NAMES, y, q, x)
    lines = []
    for st, (s, pred, o), premise in ((a, (x, p, y), b), (b, (y, q, x), a)):
        lines += [
            f"<{s}> <{pred}> <{o}> {inferred} .",
            f"<{st}> <{rdf}subject> <{s}> {inferred} .",
            f"<{st}> <{rdf}predicate> <{pred}> {inferred} .",
            f"<{st}> <{rdf}object> <{o}> {inferred} .",
            f"<{st}> <{kgo}inferredBy> <{st}/derivation> {inferred} .",
            f'<{st}/derivation> <{kgo}rule> "prp-inv" {inferred} .',
            f"<{st}/derivation> <{kgo}premise> <{premise}> {inferred} .",
        ]
    (tmp_path / "cycle.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = Store.from_nquads(tmp_path / "cycle.nq", base_iri=BASE)
    tree = explain(store, NAMES, f"<{kg_}x>", "kgo:p", "kg:y")
    (b_node,) = tree["derivation"]["premises"]
    (again,) = b_node["derivation"]["premises"]
    assert again["statement"] == str(a) and again["cycle"] and again["derivation"] is None
    assert "(explained above; not followed again)" in render_text(tree)
    assert (
        tree["summary"]
        == "(p (see above) → inverse property (prp-inv) → q) → inverse property (prp-inv) → p"
    )


# ---- the command line -----------------------------------------------------------------------------


def test_kg_explain_prints_the_text(cfg: Config, built: Built, store: Store) -> None:
    res = kg(cfg, "explain", *FATHER_IN_LAW)
    assert res.returncode == 0, res.stderr
    assert res.stdout == render_text(explain(store, NAMES, *FATHER_IN_LAW)) + "\n"
    assert f"In short: {SUMMARY}" in res.stdout.splitlines()


def test_kg_explain_json_and_errors(cfg: Config, built: Built, store: Store) -> None:
    res = kg(cfg, "explain", *FATHER_IN_LAW, "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == explain(store, NAMES, *FATHER_IN_LAW)
    res = kg(cfg, "explain", "kg:kalpana-soren", "kgo:fatherInLaw", "kg:ampa-murmu")
    assert res.returncode == 2
    assert res.stderr.startswith("kg: error: kg:kalpana-soren kgo:fatherInLaw kg:ampa-murmu is not")
    assert "Traceback" not in res.stderr
    res = kg(cfg, "explain", "nope:x", "kgo:fatherInLaw", "kg:ampa-murmu")
    assert res.returncode == 2 and "unknown prefix 'nope'" in res.stderr


# ---- /explain -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("explain-state")) as app:
        yield app


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


QS = {"s": FATHER_IN_LAW[0], "p": FATHER_IN_LAW[1], "o": FATHER_IN_LAW[2]}
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_explain_json(client: FlaskClient, store: Store) -> None:
    expected = explain(store, NAMES, *FATHER_IN_LAW)
    for headers, extra in (
        ({"Accept": "application/json"}, {}),
        ({"Accept": BROWSER}, {"format": "json"}),
        ({}, {}),
    ):
        res = client.get("/explain", query_string={**QS, **extra}, headers=headers)
        assert res.status_code == 200
        assert res.mimetype == "application/json"
        assert res.get_json() == expected
        assert res.headers["Vary"] == "Accept"


def test_explain_html(client: FlaskClient) -> None:
    res = client.get("/explain", query_string=QS, headers={"Accept": BROWSER})
    assert res.status_code == 200 and res.mimetype == "text/html"
    page = res.get_data(as_text=True)
    assert "<h1>Kalpana Soren · father-in-law · Shibu Soren" in page
    assert page.count('<ol class="premises">') == 1
    for anchor in ("c276-314", "c875-899", "c1741-1761", "c1749-1803"):
        assert f'href="/source/000#{anchor}"' in page
    for quote in (HUSBAND, SON_OF, MARRIED):
        assert f"<mark>{quote}</mark>" in page
    for slug in ("kalpana-soren", "hemant-soren", "shibu-soren"):
        assert f'href="/id/{slug}"' in page
    assert "<code>prp-spo2</code>" in page and "property chain" in page
    assert "sentence:kinship" in page and "review:000.yaml#hemant-father-shibu" in page
    # the JSON alternative is offered
    assert (
        'href="/explain?s=kg%3Akalpana-soren&amp;p=kgo%3AfatherInLaw&amp;o=kg%3Ashibu-soren&amp;format=json"'
        in page
    )


def test_explain_html_nests_inferred_premises(client: FlaskClient) -> None:
    res = client.get(
        "/explain",
        query_string={"s": "kg:ampa-murmu", "p": "kgo:childInLaw", "o": "kg:hemant-soren"},
        headers={"Accept": "text/html"},
    )
    assert res.status_code == 200
    page = res.get_data(as_text=True)
    outer = page.index('<ol class="premises">')
    inner = page.index('<ol class="premises">', outer + 1)
    assert page.index("kgo:fatherInLaw", outer) < inner  # the premise, then its own derivation
    assert 'href="/source/001#c59-82"' in page[inner:]
    assert 'href="/source/000#c1354-1376"' in page[inner:]


@pytest.mark.parametrize(
    "query,message",
    [
        ({}, "missing parameters s, p, o"),
        ({"s": "kg:kalpana-soren", "p": "kgo:fatherInLaw"}, "missing parameter o:"),
        ({**QS, "s": "   "}, "missing parameter s:"),
        ({**QS, "s": "foo:bar"}, "unknown prefix 'foo'"),
        ({**QS, "p": '"fatherInLaw"'}, "property must be an IRI or CURIE"),
        ({**QS, "o": '"Shibu'}, "not a well-formed literal"),
    ],
)
def test_explain_bad_parameters_are_400(
    client: FlaskClient, query: dict[str, str], message: str
) -> None:
    for accept in ("application/json", "text/html"):
        res = client.get("/explain", query_string=query, headers={"Accept": accept})
        assert res.status_code == 400
        assert res.mimetype == "text/plain"
        assert message in res.get_data(as_text=True)


def test_explain_unknown_triple_is_404(client: FlaskClient) -> None:
    res = client.get("/explain", query_string={**QS, "o": "kg:hemant-soren"})
    assert res.status_code == 404
    assert res.get_data(as_text=True) == (
        "kg:kalpana-soren kgo:fatherInLaw kg:hemant-soren is not in the graph: "
        "no article states it and it is not inferred\n"
    )
    res = client.get(
        "/explain",
        query_string={"s": "kgo:fatherInLaw", "p": "rdf:type", "o": "owl:ObjectProperty"},
        headers={"Accept": "text/html"},
    )
    assert res.status_code == 404 and "<graph/ontology>" in res.get_data(as_text=True)
