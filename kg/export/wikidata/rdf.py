"""RDF shared by the Wikidata exports: Wikidata's namespaces, RDF terms by value, rows read from
the store, and Wikidata ids read from IRIs.

The queries of :mod:`~kg.export.wikidata.properties`, :mod:`~kg.export.wikidata.items` and
:mod:`~kg.export.wikidata.statements` share :data:`PREFIXES` and read their results as
:class:`Term` values with :func:`rows`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg.export.wikidata.mapping import MappingError
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

PREFIXES = """PREFIX kgo: <ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


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


def rows(store: Store, sparql: str) -> list[tuple[Term | None, ...]]:
    """The result rows of a SELECT query, as :class:`Term` values (None where unbound)."""
    res = store.query(sparql)
    return [tuple(None if t is None else _term(t) for t in row) for row in res.rows]


def source_filter(names: Names) -> str:
    """A SPARQL filter keeping the article graphs (``<graph/source/…>``) as ``?g``."""
    return f'FILTER(STRSTARTS(STR(?g), "{names.base}graph/source/"))'


def wikidata_id(iri: str, pattern: re.Pattern[str]) -> str:
    """The Wikidata id (``Q5``, ``P39``) a ``wd:`` IRI names, checked against ``pattern``."""
    local = iri.removeprefix(WD)
    if local == iri or not pattern.match(local):
        raise MappingError(f"not a Wikidata id: {iri}")
    return local
