"""Result formats: names, media types and serialisation with a row cap. (The web layer picks one
from a request's Accept header.)

SELECT/ASK results are serialised by rdflib's SPARQL result writers (JSON, XML, CSV, TSV) after
the rows are capped; CONSTRUCT/DESCRIBE triples by pyoxigraph's RDF writers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result as RdflibResult

from kg.query.store import ox_term


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    kind: str  # "results" (SELECT/ASK) | "graph" (CONSTRUCT/DESCRIBE)
    aliases: tuple[str, ...] = ()


FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", "results", ("application/json", "srj")),
    Format(
        "xml", "application/sparql-results+xml", "results", ("application/xml", "text/xml", "srx")
    ),
    Format("csv", "text/csv", "results"),
    Format("tsv", "text/tab-separated-values", "results"),
    Format("turtle", "text/turtle", "graph", ("ttl", "application/x-turtle")),
    Format("ntriples", "application/n-triples", "graph", ("nt", "text/plain")),
    Format("jsonld", "application/ld+json", "graph", ("json-ld",)),
    Format("rdfxml", "application/rdf+xml", "graph", ("rdf",)),
    Format("trig", "application/trig", "graph"),
    Format("nquads", "application/n-quads", "graph", ("nq",)),
)
BY_NAME = {f.name: f for f in FORMATS}
_LOOKUP = {key: f for f in FORMATS for key in (f.name, f.media_type, *f.aliases)}
_OX_RDF = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
_RDFLIB_RESULTS = {"json": "json", "xml": "xml", "csv": "csv"}


def lookup(value: str) -> Format | None:
    """A format by name, alias or media type (``format=`` parameter)."""
    return _LOOKUP.get(value.strip().lower())


def _to_rdflib(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)  # a simple literal, written without a datatype
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return Literal(str(term))


def _tsv(variables: list[str], rows: list[list[Any]]) -> bytes:
    """SPARQL 1.1 TSV: a header of ?variables, then each term in Turtle syntax (rdflib has none)."""

    def cell(term: Any) -> str:
        if term is None:
            return ""
        text = str(_to_rdflib(term).n3())
        return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")

    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join(cell(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_solutions(variables: list[str], rows: list[list[Any]], fmt: Format) -> bytes:
    if fmt.name == "tsv":
        return _tsv(variables, rows)
    res = RdflibResult("SELECT")
    res.vars = [Variable(v) for v in variables]
    res.bindings = [
        {Variable(v): _to_rdflib(t) for v, t in zip(variables, row, strict=True) if t is not None}
        for row in rows
    ]
    out = res.serialize(format=_RDFLIB_RESULTS[fmt.name])
    return out if isinstance(out, bytes) else str(out).encode("utf-8")


def serialize_boolean(value: bool, fmt: Format) -> bytes:
    if fmt.name in ("csv", "tsv"):  # not standardised; one column holding the answer
        head = b"_askResult" if fmt.name == "csv" else b"?_askResult"
        return head + (b"\ntrue\n" if value else b"\nfalse\n")
    res = RdflibResult("ASK")
    res.askAnswer = value
    out = res.serialize(format=_RDFLIB_RESULTS[fmt.name])
    return out if isinstance(out, bytes) else str(out).encode("utf-8")


def serialize_triples(
    triples: list[Any], fmt: Format, prefixes: dict[str, str] | None = None
) -> bytes:
    target = _OX_RDF[fmt.name]
    items: list[Any] = triples
    if target.supports_datasets:
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    if fmt.name in ("turtle", "trig") and prefixes:
        return ox.serialize(items, format=target, prefixes=prefixes) or b""
    return ox.serialize(items, format=target) or b""


def serialize_table(
    variables: tuple[str, ...],
    rows: tuple[tuple[Any, ...], ...],
    boolean: bool | None,
    fmt: Format,
    prefixes: dict[str, str] | None = None,
) -> bytes:
    """A :class:`kg.query.answer.Table`'s content in ``fmt``: SELECT rows, an ASK answer, or (for a
    results format of kind 'graph') the rows of a subject/predicate/object table as triples."""
    if boolean is not None:
        return serialize_boolean(boolean, fmt)
    terms = [[ox_term(t) for t in row] for row in rows]
    if fmt.kind == "results":
        return serialize_solutions(list(variables), terms, fmt)
    return serialize_triples([ox.Triple(*row) for row in terms], fmt, prefixes)
