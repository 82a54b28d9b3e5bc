"""Wikidata properties and classes: the P-ids and Q-ids the ontology maps its properties and
classes to (``kgo:wikidataProperty``, ``kgo:wikidataClass`` in ``<graph/ontology>``), and the
Wikidata datatype and form each value is written in."""

from __future__ import annotations

import re
from collections import defaultdict

from kg.export.wikidata.mapping import QID, MappingError
from kg.export.wikidata.rdf import PREFIXES, XSD, Term, rows, wikidata_id
from kg.query.store import Store

PID = re.compile(r"^P[1-9][0-9]*$")

# Wikidata datatypes of the properties the ontology and the references use. A P-id not listed
# takes its datatype from the value (an IRI is an item, a date a time, a number a quantity).
_ITEM_PIDS = (  # noqa: SIM905 (a list of ids reads best as words)
    "P19 P22 P25 P26 P27 P31 P39 P40 P69 P102 P106 P108 P123 P131 P155 P172 P241 P248 P276 P361 "
    "P512 P664 P710 P768 P812 P1001 P1268 P1365 P1412 P1416 P3602"
).split()
DATATYPES: dict[str, str] = {
    **dict.fromkeys(_ITEM_PIDS, "item"),
    **dict.fromkeys(["P569", "P577", "P580", "P582", "P585", "P813"], "time"),
    **dict.fromkeys(["P1111", "P1342", "P1971"], "quantity"),
    **dict.fromkeys(["P1449", "P1476", "P1477", "P1683"], "monolingualtext"),
    "P1545": "string",
    "P854": "url",
}

# an ontology class -> its Wikidata class; an ontology class -> its direct superclasses
ClassQids = tuple[dict[str, str], dict[str, list[str]]]


def ontology_pids(store: Store) -> dict[str, str]:
    """Ontology property IRI -> P-id, from ``kgo:wikidataProperty`` in ``<graph/ontology>``."""
    out: dict[str, str] = {}
    q = PREFIXES + "SELECT ?p ?w WHERE { GRAPH <graph/ontology> { ?p kgo:wikidataProperty ?w } }"
    for p, w in rows(store, q):
        assert p is not None and w is not None
        pid = wikidata_id(w.value, PID)
        if out.setdefault(p.value, pid) != pid:
            raise MappingError(f"{p.value} has two Wikidata properties")
    return out


def class_qids(store: Store) -> ClassQids:
    """The ontology's own Wikidata classes (``kgo:wikidataClass``) and its subclass links, for
    :func:`nearest_class_qid`."""
    own: dict[str, str] = {}
    for c, w in rows(
        store,
        PREFIXES + "SELECT ?c ?w WHERE { GRAPH <graph/ontology> { ?c kgo:wikidataClass ?w } }",
    ):
        assert c is not None and w is not None
        own[c.value] = wikidata_id(w.value, QID)
    supers: dict[str, list[str]] = defaultdict(list)
    q = (
        PREFIXES + "SELECT ?c ?s WHERE { GRAPH <graph/ontology> { ?c rdfs:subClassOf ?s } "
        "FILTER(isIRI(?c) && isIRI(?s)) } ORDER BY ?c ?s"
    )
    for c, s in rows(store, q):
        assert c is not None and s is not None
        supers[c.value].append(s.value)
    return own, supers


def nearest_class_qid(cls: str, classes: ClassQids) -> str | None:
    """The Wikidata class of ``cls`` or of its nearest superclass that has one (breadth first)."""
    own, supers = classes
    frontier, seen = [cls], {cls}
    while frontier:
        found = sorted(own[c] for c in frontier if c in own)
        if found:
            return found[0]
        nxt = [s for c in frontier for s in supers.get(c, []) if s not in seen]
        seen.update(nxt)
        frontier = sorted(set(nxt))
    return None


def pid_number(pid: str) -> int:
    """The number of a P-id (``P39`` -> 39), to sort properties as Wikidata numbers them."""
    return int(pid[1:])


def datatype(pid: str, value: Term) -> str:
    """The Wikidata datatype a value is written as under ``pid``."""
    known = DATATYPES.get(pid)
    if known:
        return known
    if value.is_iri:
        return "item"
    if value.datatype in (XSD + "date", XSD + "gYear", XSD + "gYearMonth", XSD + "dateTime"):
        return "time"
    if value.datatype in (XSD + "integer", XSD + "decimal", XSD + "double", XSD + "int"):
        return "quantity"
    return "monolingualtext" if value.lang else "string"


def time_value(lexical: str) -> tuple[str, int]:
    """``(YYYY-MM-DD, precision)`` of an xsd:date, xsd:gYearMonth or xsd:gYear: 11 for a day,
    10 for a month, 9 for a year."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", lexical):
        return lexical, 11
    if re.fullmatch(r"\d{4}-\d{2}", lexical):
        return f"{lexical}-00", 10
    if re.fullmatch(r"\d{4}", lexical):
        return f"{lexical}-00-00", 9
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T.*", lexical)
    if m:
        return m.group(1), 11
    raise ValueError(f"not a date or a year: {lexical!r}")
