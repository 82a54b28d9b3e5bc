"""The graph in the shape of a Wikidata RDF dump (Turtle), with Wikidata's own namespaces.

What is exported (items, statements, qualifiers, references) is decided in
:mod:`kg.export.wikidata.statements`; this module writes it the way Wikidata's RDF dumps do:

- an item is ``wd:Qnn`` when ``data/wikidata.yaml`` gives its Q-id, otherwise our own entity IRI
  (``<id/…>``), typed ``wikibase:Item``, with ``rdfs:label``, ``skos:altLabel`` and
  ``schema:description`` in English;
- each statement has a truthy triple ``item wdt:Pnn value`` (every statement has normal rank and is
  therefore best rank) and a full form ``item p:Pnn st . st ps:Pnn value ; pq:Pmm qualifier ;
  wikibase:rank wikibase:NormalRank ; prov:wasDerivedFrom ref``. The statement node ``st`` is our
  own IRI for it: the statement node of the graph (``<id/holding/…>``, ``<id/candidacy/…>``,
  ``<id/education/…>``), or the ``rdf:Statement`` of the triple (``<statement/…>``);
- a reference is our ``kgo:Reference`` IRI (``<reference/…>``) with ``pr:P1683`` (the quote),
  ``pr:P813`` (retrieved), and ``pr:P854``, ``pr:P577``, ``pr:P1476``, ``pr:P123``, ``pr:P248`` where
  known.
  Keeping our IRIs keeps the way back to the offsets, method and rule of each reference; so two
  references of a statement can say the same (two extracted facts resting on one passage), where
  Wikidata, which names a reference by a hash of its content, would have one. An item without a
  Q-id is named by our IRI in values too (``pr:P123 <id/outlook-india>``), but an article is named
  by ``pr:P248`` only when it has a Q-id, which none has;
- values as Wikidata writes them: items as IRIs, times as ``xsd:dateTime`` (a year as its 1 January)
  with a full value node (``psv:``/``pqv:``/``prv:``, a ``wikibase:TimeValue`` giving the precision:
  11 for a day, 9 for a year), quantities as signed ``xsd:decimal``, monolingual text with its
  language tag, strings plain. Full value nodes are written for times only, the one kind whose
  simple value loses something (the precision);
- each property used is declared (``wd:Pnn a wikibase:Property`` with its ``wikibase:claim``,
  ``directClaim``, ``statementProperty``, ``qualifier`` and ``reference`` predicates).

The output is sorted, so the same graph gives the same bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox

from kg.export import Exporter
from kg.export.wikidata.mapping import WikidataMapping, load_mapping
from kg.export.wikidata.model import Claim, WikidataView
from kg.export.wikidata.properties import datatype, time_value
from kg.export.wikidata.rdf import (
    GREGORIAN,
    PQ,
    PQV,
    PR,
    PROV,
    PRV,
    PS,
    PSV,
    SCHEMA,
    WD,
    WDT,
    WIKIBASE,
    XSD,
    P,
    Term,
)
from kg.export.wikidata.statements import view
from kg.iris import Names
from kg.query.store import Store

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


class _Writer:
    def __init__(self, v: WikidataView, names: Names) -> None:
        self.view = v
        self.names = names
        self.triples: set[ox.Triple] = set()
        self.pids: set[str] = set()

    def add(self, s: ox.NamedNode, p: str | ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.triples.add(ox.Triple(s, p if isinstance(p, ox.NamedNode) else _n(p), o))

    def item(self, iri: str) -> ox.NamedNode:
        qid = self.view.qid(iri)
        return _n(WD + qid) if qid else _n(iri)

    def value(self, pid: str, term: Term) -> ox.NamedNode | ox.Literal:
        kind = datatype(pid, term)
        if kind == "item":
            return self.item(term.value) if term.value in self.view.items else _n(term.value)
        if kind == "time":
            y, m, d = time_value(term.value)[0].split("-")
            # Wikidata writes a year as its 1 January; the value node keeps the precision
            day = f"{y}-{m if m != '00' else '01'}-{d if d != '00' else '01'}"
            return ox.Literal(day + "T00:00:00Z", datatype=_n(XSD + "dateTime"))
        if kind == "quantity":
            lex = term.value if term.value.startswith(("+", "-")) else "+" + term.value
            return ox.Literal(lex, datatype=_n(XSD + "decimal"))
        if kind == "monolingualtext":
            return ox.Literal(term.value, language=term.lang or "en")
        if kind == "url":
            return _n(term.value)
        return ox.Literal(term.value)

    def time_node(self, term: Term) -> ox.NamedNode:
        day, precision = time_value(term.value)
        digest = hashlib.sha1(f"{day}/{precision}".encode()).hexdigest()[:16]
        node = _n(f"{self.names.base}wikibase/value/{digest}")
        self.add(node, RDF_TYPE, _n(WIKIBASE + "TimeValue"))
        self.add(node, WIKIBASE + "timeValue", self.value("P585", term))
        self.add(
            node,
            WIKIBASE + "timePrecision",
            ox.Literal(str(precision), datatype=_n(XSD + "integer")),
        )
        self.add(node, WIKIBASE + "timeTimezone", ox.Literal("0", datatype=_n(XSD + "integer")))
        self.add(node, WIKIBASE + "timeCalendarModel", _n(GREGORIAN))
        return node

    def snak(self, node: ox.NamedNode, simple: str, full: str, pid: str, term: Term) -> None:
        self.pids.add(pid)
        self.add(node, simple + pid, self.value(pid, term))
        if datatype(pid, term) == "time":
            self.add(node, full + pid, self.time_node(term))

    def claim(self, c: Claim) -> None:
        subject, st = self.item(c.subject), _n(c.iri)
        self.add(subject, WDT + c.pid, self.value(c.pid, c.value))
        self.add(subject, P + c.pid, st)
        self.add(st, RDF_TYPE, _n(WIKIBASE + "Statement"))
        self.add(st, RDF_TYPE, _n(WIKIBASE + "BestRank"))
        self.add(st, WIKIBASE + "rank", _n(WIKIBASE + "NormalRank"))
        self.snak(st, PS, PSV, c.pid, c.value)
        for pid, term in c.qualifiers:
            self.snak(st, PQ, PQV, pid, term)
        for ref in c.refs:
            self.add(st, PROV + "wasDerivedFrom", _n(ref))

    def reference(self, iri: str) -> None:
        r = self.view.references[iri]
        node = _n(iri)
        self.add(node, RDF_TYPE, _n(WIKIBASE + "Reference"))
        if r.source_qid:
            self.snak(node, PR, PRV, "P248", Term("iri", WD + r.source_qid))
        if r.title:
            self.snak(node, PR, PRV, "P1476", Term("literal", r.title, lang="en"))
        if r.publisher:
            self.snak(node, PR, PRV, "P123", Term("iri", r.publisher))
        if r.url:
            self.snak(node, PR, PRV, "P854", Term("iri", r.url))
        if r.published:
            self.snak(node, PR, PRV, "P577", Term("literal", r.published, XSD + "date"))
        if r.retrieved:
            self.snak(node, PR, PRV, "P813", Term("literal", r.retrieved, XSD + "date"))
        self.snak(node, PR, PRV, "P1683", Term("literal", r.quote, lang="en"))

    def items(self) -> None:
        for it in self.view.items.values():
            node = self.item(it.iri)
            self.add(node, RDF_TYPE, _n(WIKIBASE + "Item"))
            self.add(node, RDFS + "label", _en(it.label))
            for a in it.aliases:
                self.add(node, SKOS + "altLabel", _en(a))
            if it.description:
                self.add(node, SCHEMA + "description", _en(it.description))

    def properties(self) -> None:
        for pid in self.pids:
            node = _n(WD + pid)
            self.add(node, RDF_TYPE, _n(WIKIBASE + "Property"))
            for pred, ns in (
                ("directClaim", WDT),
                ("claim", P),
                ("statementProperty", PS),
                ("statementValue", PSV),
                ("qualifier", PQ),
                ("qualifierValue", PQV),
                ("reference", PR),
                ("referenceValue", PRV),
            ):
                self.add(node, WIKIBASE + pred, _n(ns + pid))


def prefixes(names: Names) -> dict[str, str]:
    return {
        "wd": WD,
        "wdt": WDT,
        "p": P,
        "ps": PS,
        "psv": PSV,
        "pq": PQ,
        "pqv": PQV,
        "pr": PR,
        "prv": PRV,
        "wikibase": WIKIBASE,
        "prov": PROV,
        "rdfs": RDFS,
        "skos": SKOS,
        "schema": SCHEMA,
        "xsd": XSD,
        "kg": names.base + "id/",
        "kgst": names.base + "statement/",
        "kgref": names.base + "reference/",
        "kgv": names.base + "wikibase/value/",
    }


def triples(v: WikidataView, names: Names) -> list[ox.Triple]:
    """The Wikibase-shaped triples of ``v``, sorted."""
    w = _Writer(v, names)
    w.items()
    for c in v.claims:
        w.claim(c)
    for ref in sorted({r for c in v.claims for r in c.refs}):
        w.reference(ref)
    w.properties()
    return sorted(w.triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def render(v: WikidataView, names: Names) -> bytes:
    return (
        ox.serialize(triples(v, names), format=ox.RdfFormat.TURTLE, prefixes=prefixes(names)) or b""
    )


def export(store: Store, names: Names, mapping: WikidataMapping) -> bytes:
    """The Wikibase RDF (Turtle) of the built dataset in ``store``, with the Q-ids of ``mapping``."""
    return render(view(store, names, mapping), names)


def exporter(mapping_file: Path) -> Exporter:
    """The ``wikibase-rdf`` exporter; each run reads the Q-id mapping at ``mapping_file``."""

    def run(store: Store, names: Names) -> bytes:
        return export(store, names, load_mapping(mapping_file))

    return Exporter(
        "wikibase-rdf",
        "text/turtle",
        "ttl",
        run,
        "the asserted facts in the shape of a Wikidata RDF dump (wd:, wdt:, p:/ps:/pq:/pr:), with references",
    )
