"""RDF for the Wikidata exports: Wikidata's namespaces, terms by value, rows read from the store.

The queries of :mod:`kg.export.wikidata_props`, :mod:`kg.export.wikidata_items` and
:mod:`kg.export.wikidata_statements` share :data:`_PREFIXES` and read their results as
:class:`Term` values with :func:`_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg.iris import Names
from kg.query.store import Store

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
P = "http://www.wikidata.org/prop/"
PS = "http://www.wikidata.org/prop/statement/"
PSV = "http://www.wikidata.org/prop/statement/value/"
PQ = "http://www.wikidata.org/prop/qualifier/"
PQV = "http://www.wikidata.org/prop/qualifier/value/"
PR = "http://www.wikidata.org/prop/reference/"
PRV = "http://www.wikidata.org/prop/reference/value/"
WIKIBASE = "http://wikiba.se/ontology#"
PROV = "http://www.w3.org/ns/prov#"
GREGORIAN = WD + "Q1985727"  # calendar model of every time value

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "http://schema.org/"


@dataclass(frozen=True, order=True)
class Term:
    """An RDF term by value: an IRI, or a literal with its datatype and language."""

    kind: str  # "iri" | "literal" | "bnode"
    value: str
    datatype: str = ""
    lang: str = ""

    @property
    def is_iri(self) -> bool:
        return self.kind == "iri"


def _term(t: Any) -> Term:
    if isinstance(t, ox.NamedNode):
        return Term("iri", t.value)
    if isinstance(t, ox.Literal):
        return Term("literal", t.value, t.datatype.value, t.language or "")
    return Term("bnode", str(t))


def _rows(store: Store, sparql: str) -> list[tuple[Term | None, ...]]:
    res = store.query(sparql)
    return [tuple(None if t is None else _term(t) for t in row) for row in res.rows]


def _source_filter(names: Names) -> str:
    return f'FILTER(STRSTARTS(STR(?g), "{names.base}graph/source/"))'


_PREFIXES = """PREFIX kgo: <ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
