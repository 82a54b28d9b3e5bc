"""What the Wikidata exports (Wikibase RDF, QuickStatements) say, read once from the built graph.

Both exports write the same statements; this module decides which, and they only differ in how
they write them.

**Items.** Every entity of the registry (``<graph/entities>``, from ``data/entities.yaml``) is an
item, with its English label, aliases and description. Its Q-id comes from ``data/wikidata.yaml``
(only checked ids; see the comment at its top) or from ``wikidata:`` in ``data/entities.yaml``
(``kgo:wikidataItem``); the two must agree. An entity without one is a new item. Statement nodes
other than the three below (events, seat tallies and allocations, alliances, polling phases,
campaigns, quotations) and the articles themselves are not items: the ontology gives them no
Wikidata class, and Wikidata keeps such things as qualifiers or not at all. Their facts are left
out and listed in :attr:`WikidataView.skipped`.

**Properties.** A property is exported only when the ontology gives it ``kgo:wikidataProperty``
(read from ``<graph/ontology>``), under that P-id and nothing else. Derivable kinship
(``kgo:fatherInLaw``, ``kgo:childInLaw``, ``kgo:husbandsFather``, ``kgo:daughterInLaw``) has none
and is also refused here by name, so a P-id added to it by mistake still exports nothing.

**Asserted only.** Statements come from the article graphs (``<graph/source/…>``) alone, never from
``<graph/inferred>``: an inverse, symmetric or chained fact that no article states (Hemant Soren's
spouse, anyone's children, anyone's father-in-law) is not exported. The one exception is "instance
of" (P31), from the entity's type in the registry (a curated fact, not an inference), mapped through
``kgo:wikidataClass`` of its class or, when that class has none, of its nearest superclass in the
ontology (a Politician is a ``schema:Person``, Q5); those statements have no reference.

**Statement nodes.** ``kgo:PositionHolding``, ``kgo:Candidacy`` and ``kgo:Education`` become one
statement each (P39, P3602, P69: the P-id of their truthy shortcut), from the holder, candidate or
student to the post, election or institution, and every other property of the node that has a P-id
becomes a qualifier (P580, P582, P768, P1365; P768, P1268, P1111; P512, P812, P585). The truthy
shortcut triple is that same statement, not a second one.

**References.** Each statement carries the union of the ``kgo:Reference`` nodes of the asserted
triples it is made of (the shortcut, the node's subject and value triples, its exported qualifiers),
as decision 0002 foresees. A reference gives: the quote (``oa:exact``, P1683), the day the article
was retrieved (P813), its publication date (P577) and publisher (P123) where the article states
them, its title (P1476) only when it is the article's own (not a title the project wrote for a text
without a headline), and "stated in" (P248) only when the article has a Q-id in ``sources:`` of
``data/wikidata.yaml``; none has, so no reference names its article by item. No reference URL
(P854) is known for any article, so none is written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.namespaces import Names
from kg.store import Store
from kg.yamlfile import YAMLError, load_yaml

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

_QID = re.compile(r"^Q[1-9][0-9]*$")
_PID = re.compile(r"^P[1-9][0-9]*$")

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

# Facts the reasoner can derive; never exported, whatever the ontology says of them.
DERIVED_KINSHIP = ("fatherInLaw", "childInLaw", "husbandsFather", "daughterInLaw")

# statement node class -> (subject property, value property, truthy shortcut property)
NODE_KINDS: dict[str, tuple[str, str, str]] = {
    "PositionHolding": ("holder", "post", "kgo:positionHeld"),
    "Candidacy": ("candidate", "election", "kgo:candidateIn"),
    "Education": ("student", "institution", "schema:alumniOf"),
}


class MappingError(ValueError):
    """``data/wikidata.yaml`` is malformed or disagrees with the graph."""


@dataclass(frozen=True)
class WikidataMapping:
    """Q-ids by entity id (``kalpana-soren``) and by source id (``000``)."""

    items: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)


def mapping_file() -> Path:
    """``data/wikidata.yaml`` of the project (``KG_HOME``, else this checkout)."""
    from kg.config import Config

    return Config.load().root / "data" / "wikidata.yaml"


def load_mapping(path: Path | None = None) -> WikidataMapping:
    """Read the Q-id mapping; a missing file maps nothing."""
    path = path or mapping_file()
    if not path.is_file():
        return WikidataMapping()
    try:
        data: Any = load_yaml(path.read_text(encoding="utf-8")) or {}
    except YAMLError as exc:
        raise MappingError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or set(data) - {"items", "sources"}:
        raise MappingError(f"{path}: expected the keys 'items' and 'sources'")
    parts: dict[str, dict[str, str]] = {}
    for key in ("items", "sources"):
        table = data.get(key) or {}
        if not isinstance(table, dict):
            raise MappingError(f"{path}: '{key}' must map ids to Q-ids")
        for k, q in table.items():
            if not isinstance(q, str) or not _QID.match(q):
                raise MappingError(f"{path}: {key}.{k}: {q!r} is not a Q-id")
        seen: dict[str, str] = {}
        for k, q in table.items():
            if q in seen:
                raise MappingError(f"{path}: {q} is given to both {seen[q]} and {k}")
            seen[q] = str(k)
        parts[key] = {str(k): q for k, q in table.items()}
    return WikidataMapping(parts["items"], parts["sources"])


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


@dataclass(frozen=True)
class Reference:
    iri: str
    source: str  # the article's IRI
    source_qid: str | None
    quote: str
    retrieved: str | None
    published: str | None
    title: str | None  # the article's own title only
    publisher: str | None  # entity IRI


@dataclass(frozen=True)
class Claim:
    """One Wikidata statement: ``subject Pnn value`` with qualifiers and references."""

    subject: str  # entity IRI
    pid: str
    value: Term
    qualifiers: tuple[tuple[str, Term], ...]
    refs: tuple[str, ...]  # reference IRIs
    iri: str  # our statement: the statement node, or the rdf:Statement of the triple
    origin: str  # "node" | "triple" | "type"


@dataclass(frozen=True)
class Item:
    iri: str
    id: str  # entity id, as in data/entities.yaml
    qid: str | None
    label: str
    aliases: tuple[str, ...]
    description: str | None


@dataclass(frozen=True)
class Skipped:
    """An asserted fact with a P-id that the exports cannot carry, and why."""

    subject: str
    predicate: str
    value: Term
    reason: str


@dataclass(frozen=True)
class WikidataView:
    items: dict[str, Item]  # by entity IRI
    claims: tuple[Claim, ...]
    references: dict[str, Reference]
    skipped: tuple[Skipped, ...]
    pids: dict[str, str]  # ontology property IRI -> P-id

    def qid(self, iri: str) -> str | None:
        item = self.items.get(iri)
        return item.qid if item else None


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


def _local_wd(iri: str, pattern: re.Pattern[str]) -> str:
    local = iri.removeprefix(WD)
    if local == iri or not pattern.match(local):
        raise MappingError(f"not a Wikidata id: {iri}")
    return local


def ontology_pids(store: Store) -> dict[str, str]:
    """Ontology property IRI -> P-id, from ``kgo:wikidataProperty`` in ``<graph/ontology>``."""
    out: dict[str, str] = {}
    q = _PREFIXES + "SELECT ?p ?w WHERE { GRAPH <graph/ontology> { ?p kgo:wikidataProperty ?w } }"
    for p, w in _rows(store, q):
        assert p is not None and w is not None
        pid = _local_wd(w.value, _PID)
        if out.setdefault(p.value, pid) != pid:
            raise MappingError(f"{p.value} has two Wikidata properties")
    return out


def _class_qids(store: Store) -> tuple[dict[str, str], dict[str, list[str]]]:
    own: dict[str, str] = {}
    for c, w in _rows(
        store,
        _PREFIXES + "SELECT ?c ?w WHERE { GRAPH <graph/ontology> { ?c kgo:wikidataClass ?w } }",
    ):
        assert c is not None and w is not None
        own[c.value] = _local_wd(w.value, _QID)
    supers: dict[str, list[str]] = defaultdict(list)
    q = (
        _PREFIXES + "SELECT ?c ?s WHERE { GRAPH <graph/ontology> { ?c rdfs:subClassOf ?s } "
        "FILTER(isIRI(?c) && isIRI(?s)) } ORDER BY ?c ?s"
    )
    for c, s in _rows(store, q):
        assert c is not None and s is not None
        supers[c.value].append(s.value)
    return own, supers


def _nearest_class_qid(cls: str, own: dict[str, str], supers: dict[str, list[str]]) -> str | None:
    """The Wikidata class of ``cls`` or of its nearest superclass that has one (breadth first)."""
    frontier, seen = [cls], {cls}
    while frontier:
        found = sorted(own[c] for c in frontier if c in own)
        if found:
            return found[0]
        nxt = [s for c in frontier for s in supers.get(c, []) if s not in seen]
        seen.update(nxt)
        frontier = sorted(set(nxt))
    return None


def _items(store: Store, names: Names, mapping: WikidataMapping) -> dict[str, Item]:
    base_id = names.base + "id/"
    labels: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    descriptions: dict[str, str] = {}
    curated: dict[str, str] = {}
    entities: set[str] = set()
    q = (
        _PREFIXES + "SELECT DISTINCT ?e WHERE { GRAPH <graph/entities> { ?e a ?t } "
        f'FILTER(STRSTARTS(STR(?e), "{base_id}") && ?t != rdf:Statement) }}'
    )
    for (e,) in _rows(store, q):
        assert e is not None
        entities.add(e.value)
    for pred, table in (("rdfs:label", labels), ("schema:description", descriptions)):
        for e, v in _rows(
            store, _PREFIXES + f"SELECT ?e ?v WHERE {{ GRAPH <graph/entities> {{ ?e {pred} ?v }} }}"
        ):
            assert e is not None and v is not None
            table[e.value] = v.value
    for e, v in _rows(
        store, _PREFIXES + "SELECT ?e ?v WHERE { GRAPH <graph/entities> { ?e skos:altLabel ?v } }"
    ):
        assert e is not None and v is not None
        aliases[e.value].add(v.value)
    for e, v in _rows(
        store,
        _PREFIXES + "SELECT ?e ?v WHERE { GRAPH <graph/entities> { ?e kgo:wikidataItem ?v } }",
    ):
        assert e is not None and v is not None
        curated[e.value] = _local_wd(v.value, _QID)
    known = {iri.removeprefix(base_id) for iri in entities}
    unknown = sorted(set(mapping.items) - known)
    if unknown:
        raise MappingError(
            f"data/wikidata.yaml names entities the registry lacks: {', '.join(unknown)}"
        )
    items: dict[str, Item] = {}
    for iri in sorted(entities):
        eid = iri.removeprefix(base_id)
        qid = mapping.items.get(eid)
        if iri in curated and qid and curated[iri] != qid:
            raise MappingError(
                f"{eid}: data/wikidata.yaml says {qid}, data/entities.yaml {curated[iri]}"
            )
        items[iri] = Item(
            iri=iri,
            id=eid,
            qid=qid or curated.get(iri),
            label=labels.get(iri, eid),
            aliases=tuple(sorted(aliases[iri])),
            description=descriptions.get(iri),
        )
    return items


def _references(store: Store, names: Names, mapping: WikidataMapping) -> dict[str, Reference]:
    flt = _source_filter(names)
    sources: dict[str, dict[str, str]] = defaultdict(dict)
    for pred, key in (
        ("kgo:sourceId", "id"),
        ("kgo:retrievedDate", "retrieved"),
        ("kgo:publicationDate", "published"),
        ("dcterms:title", "title"),
        ("kgo:note", "note"),
        ("kgo:publisher", "publisher"),
    ):
        q = (
            _PREFIXES
            + f"SELECT ?s ?v WHERE {{ GRAPH ?g {{ ?s kgo:sourceId ?id ; {pred} ?v }} {flt} }}"
        )
        for s, v in _rows(store, q):
            assert s is not None and v is not None
            sources[s.value][key] = v.value
    out: dict[str, Reference] = {}
    q = (
        _PREFIXES
        + "SELECT ?ref ?src ?quote WHERE { GRAPH ?g { ?ref a kgo:Reference ; kgo:statedIn ?src ; "
        f"oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?quote }} {flt} }}"
    )
    for ref, src, quote in _rows(store, q):
        assert ref is not None and src is not None and quote is not None
        info = sources.get(src.value, {})
        # a title the project wrote for a text without a headline is not the article's title
        own_title = "title is descriptive" not in info.get("note", "")
        out[ref.value] = Reference(
            iri=ref.value,
            source=src.value,
            source_qid=mapping.sources.get(info.get("id", "")),
            quote=quote.value,
            retrieved=info.get("retrieved"),
            published=info.get("published"),
            title=info.get("title") if own_title else None,
            publisher=info.get("publisher"),
        )
    return out


Triple = tuple[str, str, Term]


def view(store: Store, names: Names, mapping: WikidataMapping | None = None) -> WikidataView:
    """Everything both Wikidata exports write, from the built dataset in ``store``."""
    mapping = mapping if mapping is not None else load_mapping()
    pids = ontology_pids(store)
    kgo = str(names.kgo)
    excluded = {kgo + k for k in DERIVED_KINSHIP}
    items = _items(store, names, mapping)
    references = _references(store, names, mapping)
    flt = _source_filter(names)

    triples: set[Triple] = set()
    for rs, rp, ro in _rows(
        store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {flt} }}"
    ):
        assert rs is not None and rp is not None and ro is not None
        if rs.is_iri:
            triples.add((rs.value, rp.value, ro))
    refs_of: dict[Triple, set[str]] = defaultdict(set)
    statement_of: dict[Triple, str] = {}
    q = (
        _PREFIXES + "SELECT DISTINCT ?st ?s ?p ?o ?ref WHERE { GRAPH ?g { ?st rdf:subject ?s ; "
        f"rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ref }} {flt} }}"
    )
    for rst, rs, rp, ro, rref in _rows(store, q):
        assert (
            rst is not None
            and rs is not None
            and rp is not None
            and ro is not None
            and rref is not None
        )
        key = (rs.value, rp.value, ro)
        refs_of[key].add(rref.value)
        statement_of[key] = min(statement_of.get(key, rst.value), rst.value)

    by_subject: dict[str, list[tuple[str, Term]]] = defaultdict(list)
    for s, p, o in sorted(triples):
        by_subject[s].append((p, o))
    node_kind: dict[str, str] = {}
    for s, p, o in triples:
        if (
            p == RDF_TYPE
            and o.is_iri
            and o.value.startswith(kgo)
            and o.value[len(kgo) :] in NODE_KINDS
        ):
            node_kind[s] = o.value[len(kgo) :]
    sources = {r.source for r in references.values()}

    claims: list[Claim] = []
    skipped: list[Skipped] = []
    consumed: set[Triple] = set()

    def expand(curie: str) -> str:
        return str(names.expand(curie))

    for node in sorted(node_kind):
        subj_local, val_local, shortcut_curie = NODE_KINDS[node_kind[node]]
        subj_p, val_p, shortcut = kgo + subj_local, kgo + val_local, expand(shortcut_curie)
        pid = pids.get(shortcut)
        props = by_subject[node]
        consumed.update((node, p, o) for p, o in props)
        if pid is None:
            continue
        subjects = [o for p, o in props if p == subj_p]
        values = [o for p, o in props if p == val_p]
        quals = sorted(
            (p, o)
            for p, o in props
            if p not in (subj_p, val_p, RDF_TYPE) and p in pids and p not in excluded
        )
        pairs = [(subj, val) for subj in subjects for val in values]
        for subj, val in pairs:
            if not (subj.is_iri and subj.value in items):
                skipped.append(
                    Skipped(node, subj_p, subj, "the statement's subject is not an item")
                )
                continue
            if val.is_iri and val.value not in items:
                skipped.append(Skipped(node, val_p, val, "the statement's value is not an item"))
                continue
            short: Triple = (subj.value, shortcut, val)
            consumed.add(short)
            parts: list[Triple] = [(node, subj_p, subj), (node, val_p, val), short]
            qualifiers: set[tuple[str, Term]] = set()
            for p, o in quals:
                if o.is_iri and o.value not in items:
                    skipped.append(Skipped(node, p, o, "a qualifier's value is not an item"))
                    continue
                qualifiers.add((pids[p], o))
                parts.append((node, p, o))
            node_refs = sorted({r for t in parts for r in refs_of.get(t, ()) if r in references})
            iri = node
            if len(pairs) > 1:
                iri = f"{node}#{subj.value.rsplit('/', 1)[-1]}-{val.value.rsplit('/', 1)[-1]}"
            claims.append(
                Claim(
                    subj.value, pid, val, tuple(sorted(qualifiers)), tuple(node_refs), iri, "node"
                )
            )

    plain: dict[tuple[str, str, Term], tuple[set[str], set[str]]] = {}
    for s, p, o in sorted(triples):
        if (s, p, o) in consumed or p in excluded or p not in pids:
            continue
        if s in sources or s in references:
            continue  # facts about the articles and references go into references
        if s not in items:
            reason = "the subject is not an item (an event or other statement node)"
            skipped.append(Skipped(s, p, o, reason))
            continue
        if o.is_iri and o.value not in items:
            skipped.append(Skipped(s, p, o, "the value is not an item"))
            continue
        if o.kind == "bnode":
            skipped.append(Skipped(s, p, o, "the value is a blank node"))
            continue
        ref_set, st_set = plain.setdefault((s, pids[p], o), (set(), set()))
        ref_set.update(r for r in refs_of.get((s, p, o), ()) if r in references)
        st_set.add(statement_of.get((s, p, o), ""))
    for (s, pid, o), (ref_set, st_set) in sorted(plain.items()):
        st = min((x for x in st_set if x), default=f"{s}#{pid}")
        claims.append(Claim(s, pid, o, (), tuple(sorted(ref_set)), st, "triple"))
    claims.extend(_type_claims(store, items))
    claims.sort(key=claim_key)
    return WikidataView(
        items, tuple(claims), references, tuple(sorted(skipped, key=_skip_key)), pids
    )


def _type_claims(store: Store, items: dict[str, Item]) -> Iterable[Claim]:
    own, supers = _class_qids(store)
    q = (
        _PREFIXES + "SELECT ?e ?t ?st WHERE { GRAPH <graph/entities> { ?e a ?t . "
        "OPTIONAL { ?st rdf:subject ?e ; rdf:predicate rdf:type ; rdf:object ?t } } }"
    )
    seen: set[tuple[str, str]] = set()
    for e, t, st in sorted(_rows(store, q), key=lambda r: tuple(x.value if x else "" for x in r)):
        assert e is not None and t is not None
        qid = _nearest_class_qid(t.value, own, supers)
        if qid is None or e.value not in items or (e.value, qid) in seen:
            continue
        seen.add((e.value, qid))
        iri = st.value if st is not None else f"{e.value}#P31"
        yield Claim(e.value, "P31", Term("iri", WD + qid), (), (), iri, "type")


def pid_number(pid: str) -> int:
    return int(pid[1:])


def claim_key(c: Claim) -> tuple[str, int, Term, tuple[tuple[str, Term], ...], str]:
    return (c.subject, pid_number(c.pid), c.value, c.qualifiers, c.iri)


def _skip_key(s: Skipped) -> tuple[str, str, Term, str]:
    return (s.subject, s.predicate, s.value, s.reason)


def datatype(pid: str, value: Term) -> str:
    """The Wikidata datatype a value is written as under ``pid``."""
    known = DATATYPES.get(pid)
    if known:
        return known
    if value.is_iri:
        return "item"
    if value.datatype in (XSD + "date", XSD + "gYear", XSD + "dateTime"):
        return "time"
    if value.datatype in (XSD + "integer", XSD + "decimal", XSD + "double", XSD + "int"):
        return "quantity"
    return "monolingualtext" if value.lang else "string"


def time_value(lexical: str) -> tuple[str, int]:
    """``(YYYY-MM-DD, precision)`` of an xsd:date or xsd:gYear: 11 for a day, 9 for a year."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", lexical):
        return lexical, 11
    if re.fullmatch(r"\d{4}", lexical):
        return f"{lexical}-00-00", 9
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T.*", lexical)
    if m:
        return m.group(1), 11
    raise ValueError(f"not a date or a year: {lexical!r}")


def clean_text(text: str) -> str:
    """One line of text: runs of whitespace (tabs, newlines) become one space."""
    return " ".join(text.split())
