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

**Modules.** :func:`view` here builds the view from :mod:`kg.export.qids` (``data/wikidata.yaml``),
:mod:`kg.export.wikidata_props` (P-ids, classes and datatypes from the ontology),
:mod:`kg.export.wikidata_items` (items and references read from the store),
:mod:`kg.export.wikidata_model` (what the view holds) and :mod:`kg.export.wikidata_rdf`
(Wikidata's namespaces and RDF terms).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.export.qids import WikidataMapping, load_mapping
from kg.export.wikidata_items import _items, _references
from kg.export.wikidata_model import Claim, Item, Skipped, WikidataView, _skip_key, claim_key
from kg.export.wikidata_props import _class_qids, _nearest_class_qid, ontology_pids
from kg.export.wikidata_rdf import _PREFIXES, RDF_TYPE, WD, Term, _rows, _source_filter
from kg.iris import Names
from kg.query.store import Store

# Facts the reasoner can derive; never exported, whatever the ontology says of them.
DERIVED_KINSHIP = ("fatherInLaw", "childInLaw", "husbandsFather", "daughterInLaw")

# statement node class -> (subject property, value property, truthy shortcut property)
NODE_KINDS: dict[str, tuple[str, str, str]] = {
    "PositionHolding": ("holder", "post", "kgo:positionHeld"),
    "Candidacy": ("candidate", "election", "kgo:candidateIn"),
    "Education": ("student", "institution", "schema:alumniOf"),
}


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
