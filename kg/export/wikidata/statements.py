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
``data/wikidata.yaml``; none has, so no reference names its article by item. The reference URL
(P854) is written for an article whose ``sources.yaml`` entry gives its ``url`` (``schema:url``).

**Modules.** :func:`view` here builds the view with the other modules of
:mod:`kg.export.wikidata` (listed there), from the Q-ids of ``data/wikidata.yaml`` its caller gives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.export.wikidata.asserted import Asserted, Triple, read_asserted
from kg.export.wikidata.items import read_items, read_references
from kg.export.wikidata.mapping import WikidataMapping
from kg.export.wikidata.model import (
    Claim,
    Item,
    Reference,
    Skipped,
    WikidataView,
    claim_key,
    skip_key,
)
from kg.export.wikidata.properties import class_qids, nearest_class_qid, ontology_pids
from kg.export.wikidata.rdf import PREFIXES, RDF_TYPE, WD, Term, rows
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


def view(store: Store, names: Names, mapping: WikidataMapping) -> WikidataView:
    """Everything both Wikidata exports write, from the built dataset in ``store`` and the Q-ids
    of ``mapping``."""
    pids = ontology_pids(store)
    items = read_items(store, names, mapping)
    references = read_references(store, names, mapping)
    found = _Statements(names, pids, items, references, read_asserted(store, names))
    found.add_nodes()
    found.add_plain()
    claims = sorted([*found.claims, *_type_claims(store, items)], key=claim_key)
    skipped = tuple(sorted(found.skipped, key=skip_key))
    return WikidataView(items, tuple(claims), references, skipped, pids)


@dataclass(frozen=True)
class _Node:
    """A statement node and what its kind makes of it: one claim ``subject pid value`` per pair of
    its subject and value, with its exportable other properties as qualifiers."""

    iri: str
    subj_p: str
    val_p: str
    shortcut: str  # the truthy shortcut property
    pid: str
    quals: list[tuple[str, Term]]
    pairs: list[tuple[Term, Term]]

    def claim_iri(self, subj: Term, val: Term) -> str:
        if len(self.pairs) == 1:
            return self.iri
        return f"{self.iri}#{subj.value.rsplit('/', 1)[-1]}-{val.value.rsplit('/', 1)[-1]}"


class _Statements:
    """The claims and the facts left out, gathered from the asserted triples: first the statement
    nodes (:meth:`add_nodes`), then the plain triples they do not account for (:meth:`add_plain`)."""

    def __init__(
        self,
        names: Names,
        pids: dict[str, str],
        items: dict[str, Item],
        references: dict[str, Reference],
        asserted: Asserted,
    ) -> None:
        self.names = names
        self.kgo = str(names.kgo)
        self.excluded = {self.kgo + k for k in DERIVED_KINSHIP}
        self.pids = pids
        self.items = items
        self.references = references
        self.asserted = asserted
        self.claims: list[Claim] = []
        self.skipped: list[Skipped] = []
        self.consumed: set[Triple] = set()  # triples a statement node accounts for

    def refs(self, parts: Iterable[Triple]) -> set[str]:
        """The references (of this view) of the asserted triples ``parts``."""
        refs_of = self.asserted.refs_of
        return {r for t in parts for r in refs_of.get(t, ()) if r in self.references}

    def node_kinds(self) -> dict[str, str]:
        """Statement node IRI -> its kind (a key of :data:`NODE_KINDS`)."""
        kinds: dict[str, str] = {}
        for s, p, o in self.asserted.triples:
            local = o.value[len(self.kgo) :]
            if p == RDF_TYPE and o.is_iri and o.value.startswith(self.kgo) and local in NODE_KINDS:
                kinds[s] = local
        return kinds

    def add_nodes(self) -> None:
        by_subject = self.asserted.by_subject()
        for iri, kind in sorted(self.node_kinds().items()):
            props = by_subject[iri]
            self.consumed.update((iri, p, o) for p, o in props)
            node = self.node(iri, kind, props)
            if node is None:
                continue
            for subj, val in node.pairs:
                self.add_node_claim(node, subj, val)

    def node(self, iri: str, kind: str, props: list[tuple[str, Term]]) -> _Node | None:
        """The statement node ``iri`` of ``kind``; None when its shortcut has no P-id."""
        subj_local, val_local, shortcut_curie = NODE_KINDS[kind]
        subj_p, val_p = self.kgo + subj_local, self.kgo + val_local
        shortcut = str(self.names.expand(shortcut_curie))
        pid = self.pids.get(shortcut)
        if pid is None:
            return None
        quals = sorted(
            (p, o)
            for p, o in props
            if p not in (subj_p, val_p, RDF_TYPE) and p in self.pids and p not in self.excluded
        )
        subjects = [o for p, o in props if p == subj_p]
        values = [o for p, o in props if p == val_p]
        pairs = [(subj, val) for subj in subjects for val in values]
        return _Node(iri, subj_p, val_p, shortcut, pid, quals, pairs)

    def add_node_claim(self, node: _Node, subj: Term, val: Term) -> None:
        if not (subj.is_iri and subj.value in self.items):
            reason = "the statement's subject is not an item"
            self.skipped.append(Skipped(node.iri, node.subj_p, subj, reason))
            return
        if val.is_iri and val.value not in self.items:
            reason = "the statement's value is not an item"
            self.skipped.append(Skipped(node.iri, node.val_p, val, reason))
            return
        short: Triple = (subj.value, node.shortcut, val)
        self.consumed.add(short)
        parts: list[Triple] = [(node.iri, node.subj_p, subj), (node.iri, node.val_p, val), short]
        qualifiers: set[tuple[str, Term]] = set()
        for p, o in node.quals:
            if o.is_iri and o.value not in self.items:
                self.skipped.append(Skipped(node.iri, p, o, "a qualifier's value is not an item"))
                continue
            qualifiers.add((self.pids[p], o))
            parts.append((node.iri, p, o))
        refs = tuple(sorted(self.refs(parts)))
        iri = node.claim_iri(subj, val)
        self.claims.append(
            Claim(subj.value, node.pid, val, tuple(sorted(qualifiers)), refs, iri, "node")
        )

    def add_plain(self) -> None:
        """A claim for each asserted triple with a P-id that no statement node accounts for;
        triples stated more than once (in several articles) are one claim."""
        sources = {r.source for r in self.references.values()}
        plain: dict[Triple, tuple[set[str], set[str]]] = {}  # (s, pid, o) -> refs, statements
        for s, p, o in sorted(self.asserted.triples):
            if (s, p, o) in self.consumed or p in self.excluded or p not in self.pids:
                continue
            if s in sources or s in self.references:
                continue  # facts about the articles and references go into references
            reason = self.plain_skip_reason(s, o)
            if reason is not None:
                self.skipped.append(Skipped(s, p, o, reason))
                continue
            ref_set, st_set = plain.setdefault((s, self.pids[p], o), (set(), set()))
            ref_set.update(self.refs([(s, p, o)]))
            st_set.add(self.asserted.statement_of.get((s, p, o), ""))
        for (s, pid, o), (ref_set, st_set) in sorted(plain.items()):
            st = min((x for x in st_set if x), default=f"{s}#{pid}")
            self.claims.append(Claim(s, pid, o, (), tuple(sorted(ref_set)), st, "triple"))

    def plain_skip_reason(self, s: str, o: Term) -> str | None:
        """Why the triple ``s p o`` (whose ``p`` has a P-id) cannot be a claim, or None."""
        if s not in self.items:
            return "the subject is not an item (an event or other statement node)"
        if o.is_iri and o.value not in self.items:
            return "the value is not an item"
        if o.kind == "bnode":
            return "the value is a blank node"
        return None


def _type_claims(store: Store, items: dict[str, Item]) -> Iterable[Claim]:
    """The "instance of" (P31) claim of each item, from its types in the registry."""
    classes = class_qids(store)
    q = (
        PREFIXES + "SELECT ?e ?t ?st WHERE { GRAPH <graph/entities> { ?e a ?t . "
        "OPTIONAL { ?st rdf:subject ?e ; rdf:predicate rdf:type ; rdf:object ?t } } }"
    )
    seen: set[tuple[str, str]] = set()
    for e, t, st in sorted(rows(store, q), key=lambda r: tuple(x.value if x else "" for x in r)):
        assert e is not None and t is not None
        qid = nearest_class_qid(t.value, classes)
        if qid is None or e.value not in items or (e.value, qid) in seen:
            continue
        seen.add((e.value, qid))
        iri = st.value if st is not None else f"{e.value}#P31"
        yield Claim(e.value, "P31", Term("iri", WD + qid), (), (), iri, "type")
