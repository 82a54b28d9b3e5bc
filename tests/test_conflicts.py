"""Stage: conflicts (between resolve and rdf). Single-valued properties keep the value of the most
reliable reader; the build warns for each value dropped and still builds. Run on an invented
biography whose table and prose disagree, built as a user builds it."""

from __future__ import annotations

from rdflib import Graph, URIRef

from kg.build.conflicts import one_value_each, single_valued
from kg.build.nodes import make_node
from kg.iris import Names
from kg.model import Claim, Mention, Method, Span, Term

from .conftest import ROOT

NAMES = Names("http://localhost:5000/")
ELECTION = Mention("2014 Jharkhand Legislative Assembly election", "GeneralElection")


def _claim(obj: Mention | Term, method: Method, start: int, pred: str) -> Claim:
    node = make_node("candidacy", ELECTION, Mention("Rekha Oraon", "Person"))
    return Claim(node, pred, obj, Span("009", start, start + 5, "Tundi"), method, "test")


def _shapes() -> Graph:
    g = Graph()
    g.parse(ROOT / "ontology" / "shapes.ttl", format="turtle", publicID=NAMES.base)
    return g


def test_the_shapes_say_which_properties_take_one_value() -> None:
    once = single_valued(_shapes())
    kgo = NAMES.kgo
    assert (URIRef(kgo + "Candidacy"), URIRef(kgo + "constituency")) in once
    assert (URIRef(kgo + "Candidacy"), URIRef(kgo + "outcome")) in once


def test_a_table_outranks_a_sentence_and_the_dropped_value_is_reported() -> None:
    table = _claim(Mention("Tundi", "Constituency"), Method.TABLE, 500, "kgo:constituency")
    prose = _claim(Mention("Gomia", "Constituency"), Method.SENTENCE, 100, "kgo:constituency")
    won = _claim(Term("kgo:Won"), Method.SENTENCE, 100, "kgo:outcome")
    lost = _claim(Term("kgo:Lost"), Method.SENTENCE, 300, "kgo:outcome")
    kept, problems = one_value_each([prose, table, won, lost], single_valued(_shapes()), NAMES)
    assert kept == [table, won]  # the table's seat; of two sentences, the one stated first
    assert len(problems) == 2
    assert "kept Tundi (TableParser), dropped Gomia (SentenceRules)" in problems[0].message
    assert problems[0].where == "009@100"
    assert "kept kgo:Won (SentenceRules), dropped kgo:Lost (SentenceRules)" in problems[1].message


def test_agreeing_values_are_left_alone() -> None:
    a = _claim(Mention("Tundi", "Constituency"), Method.TABLE, 500, "kgo:constituency")
    b = _claim(Mention("Tundi", "Constituency"), Method.SENTENCE, 100, "kgo:constituency")
    assert one_value_each([a, b], single_valued(_shapes()), NAMES) == ([a, b], [])
