"""The query engine behind one small interface: pyoxigraph, embedded, on disk or in memory.

The build writes N-Quads; a store loads them. Queries return plain Python rows so callers do not
depend on the engine's types.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.build.store import count_by_graph, load_dataset
from kg.query.params import Term


class QueryError(ValueError):
    """The query text is not valid SPARQL, or asks for something the store refuses."""


@dataclass(frozen=True)
class Result:
    """A SPARQL result: ``kind`` is 'select', 'ask' or 'graph'."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: tuple[Any, ...] = ()

    def values(self) -> list[dict[str, str | None]]:
        """Rows as dicts of lexical values (IRIs and literals as plain strings)."""
        return [
            {v: (None if t is None else t.value) for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]


class Store:
    """A pyoxigraph store; ``path=None`` keeps it in memory."""

    def __init__(self, path: Path | None = None, base_iri: str | None = None) -> None:
        self.path = path
        self.base_iri = base_iri
        self._store = ox.Store(str(path)) if path is not None else ox.Store()

    @classmethod
    def open_read_only(cls, path: Path, base_iri: str | None = None) -> Store:
        store = cls.__new__(cls)
        store.path = path
        store.base_iri = base_iri
        store._store = ox.Store.read_only(str(path))
        return store

    @classmethod
    def from_nquads(
        cls, nquads: Path, path: Path | None = None, base_iri: str | None = None
    ) -> Store:
        store = cls(path, base_iri)
        store.load_nquads(nquads)
        return store

    def load_nquads(self, nquads: Path) -> None:
        """Load a built dump as the build lays it out (:func:`kg.build.store.load_dataset`)."""
        load_dataset(self._store, nquads)
        if self.path is not None:
            self._store.optimize()

    def __len__(self) -> int:
        """Quads in named graphs (the materialised default graph is not counted)."""
        return sum(self.count_by_graph().values())

    def named_quads(self) -> list[ox.Quad]:
        """Every quad of the named graphs (not the materialised default graph)."""
        return [q for q in self._store if not isinstance(q.graph_name, ox.DefaultGraph)]

    def default_triples(self) -> list[ox.Triple]:
        """The default graph: the union of all named graphs, one copy of each triple."""
        return [
            q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        ]

    def count_by_graph(self) -> dict[str, int]:
        return count_by_graph(self._store)

    def query(self, sparql: str, substitutions: Mapping[str, Term] | None = None) -> Result:
        """Run SPARQL; relative IRIs (``PREFIX kg: <id/>``) resolve against the base IRI.

        ``substitutions`` binds variables (without '?') to terms through the engine, for
        saved-query parameters (:mod:`kg.query.params`)."""
        try:
            res = self._store.query(
                sparql,
                base_iri=self.base_iri,
                substitutions=ox_substitutions((substitutions or {}).items()),
            )
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except RuntimeError as exc:
            raise QueryError(f"query failed: {exc}") from None
        if isinstance(res, ox.QuerySolutions):
            variables = tuple(v.value for v in res.variables)
            return Result(
                "select", variables, tuple(tuple(sol[v] for v in variables) for sol in res)
            )
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        return Result("graph", triples=tuple(res))


OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def ox_substitutions(subs: Iterable[tuple[str, Term]]) -> dict[ox.Variable, OxTerm] | None:
    """Parameter bindings (variable without '?' → term) as pyoxigraph's ``substitutions``."""
    out: dict[ox.Variable, OxTerm] = {
        ox.Variable(var): ox.NamedNode(t.value)
        if t.kind == "iri"
        else ox.Literal(t.value, datatype=ox.NamedNode(t.datatype) if t.datatype else None)
        for var, t in subs
    }
    return out or None


def json_term(term: Any) -> dict[str, str]:
    """A pyoxigraph term as SPARQL 1.1 Query Results JSON writes it."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def ox_term(t: Mapping[str, str] | None) -> Any:
    """The inverse of :func:`json_term` (None stays None: an unbound variable)."""
    if t is None:
        return None
    if t["type"] == "uri":
        return ox.NamedNode(t["value"])
    if t["type"] == "bnode":
        return ox.BlankNode(t["value"])
    if "xml:lang" in t:
        return ox.Literal(t["value"], language=t["xml:lang"])
    dt = t.get("datatype")
    return ox.Literal(t["value"], datatype=ox.NamedNode(dt) if dt else None)


def result_json(res: Result) -> str:
    """SPARQL 1.1 Query Results JSON for a SELECT or ASK result."""
    if res.kind == "ask":
        return json.dumps({"head": {}, "boolean": res.boolean})
    bindings = [
        {var: json_term(t) for var, t in zip(res.variables, row, strict=True) if t is not None}
        for row in res.rows
    ]
    return json.dumps(
        {"head": {"vars": list(res.variables)}, "results": {"bindings": bindings}},
        ensure_ascii=False,
    )
