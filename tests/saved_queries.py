"""Shared by the saved-query tests: run a saved query as the API does, and which form it has."""

from __future__ import annotations

from kg.query.params import bind
from kg.query.safety.guard import scan
from kg.query.saved import SavedQuery, parse_saved_query
from kg.query.store import Result, Store

from .conftest import BASE, ROOT

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
K = BASE + "id/"
O = BASE + "ontology#"  # noqa: E741
S = "http://schema.org/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
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


def form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, as the endpoint's guard reads the text."""
    return scan(text).form


SELECTS = [p for p in QUERIES if form(p.read_text(encoding="utf-8")) == "SELECT"]


def triples_of(res: Result) -> set[tuple[str, str, str]]:
    """The triples of a CONSTRUCT answer, as lexical values."""
    return {(t.subject.value, t.predicate.value, t.object.value) for t in res.triples}
