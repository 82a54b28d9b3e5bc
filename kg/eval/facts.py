"""What a build found, as facts in the gold vocabulary (``tests/corpus/README.md``).

The resolved claims of a build are regrouped: a statement node (a candidacy, a position holding,
a seat tally …) becomes one fact with its key parts as subject and object and its other
properties as qualifiers, and a plain triple becomes a fact of its own. Entities are named by all
their labels, so a gold file may use any name the registry or the article gives.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from kg.build.resolve import Entity
from kg.model import Claim, EntityId, Lit, Method, Node, Term, Value

# plain triples: predicate CURIE -> gold predicate
DIRECT = {
    "schema:birthDate": "birth_date",
    "schema:birthPlace": "birth_place",
    "schema:deathDate": "death_date",
    "kgo:birthName": "birth_name",
    "kgo:nickname": "nickname",
    "schema:spouse": "spouse",
    "kgo:husband": "spouse",
    "kgo:wife": "spouse",
    "kgo:father": "father",
    "kgo:mother": "mother",
    "schema:children": "child",
    "kgo:son": "child",
    "kgo:daughter": "child",
    "schema:sibling": "sibling",
    "kgo:brother": "sibling",
    "kgo:sister": "sibling",
    "kgo:fatherInLaw": "father_in_law",
    "kgo:motherInLaw": "mother_in_law",
    "kgo:sonInLaw": "son_in_law",
    "kgo:daughterInLaw": "daughter_in_law",
    "kgo:brotherInLaw": "brother_in_law",
    "kgo:sisterInLaw": "sister_in_law",
    "kgo:numberOfChildren": "number_of_children",
    "kgo:occupation": "occupation",
    "kgo:memberOfParty": "party",
    "kgo:alliedWith": "alliance",
    "kgo:turnout": "turnout",
    "kgo:pollingDate": "polling_date",
    "kgo:numberOfPhases": "number_of_phases",
    "kgo:majorityMark": "majority_mark",
    "kgo:numberOfSeats": "number_of_seats",
    "schema:alumniOf": "education",
    "kgo:positionHeld": "position",
    "kgo:candidateIn": "candidacy",
    "kgo:founderOf": "founder",
}
RELATIVES = (
    "relative",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "grandfather",
    "grandmother",
    "grandson",
    "granddaughter",
)
SYMMETRIC = frozenset({"spouse", "sibling", "alliance", "relative"})


@dataclass(frozen=True)
class NodeFact:
    """How one kind of statement node reads as a gold fact."""

    p: str
    s: str  # property whose value is the subject
    o: tuple[str, ...]  # properties whose values name the object (any of them)
    q: tuple[tuple[str, str], ...]  # (gold qualifier, property)
    default_o: str | None = None  # the object when none of ``o`` is stated
    fixed: tuple[tuple[str, str], ...] = ()  # qualifiers every fact of this kind has


NODE_FACTS: dict[str, tuple[NodeFact, ...]] = {
    "candidacy": (
        NodeFact(
            "candidacy",
            "kgo:candidate",
            ("kgo:election",),
            (
                ("constituency", "kgo:constituency"),
                ("party", "kgo:party"),
                ("votes", "kgo:votes"),
                ("vote_share", "kgo:voteShare"),
                ("result", "kgo:outcome"),
                ("result", "kgo:reportedStatus"),
                ("margin", "kgo:margin"),
                ("opponent", "kgo:opponent"),
            ),
        ),
    ),
    "holding": (
        NodeFact(
            "position",
            "kgo:holder",
            ("kgo:post",),
            (
                ("start", "kgo:startDate"),
                ("end", "kgo:endDate"),
                ("ordinal", "kgo:ordinal"),
                ("constituency", "kgo:constituency"),
                ("predecessor", "kgo:replaces"),
                ("successor", "kgo:succeededBy"),
            ),
        ),
    ),
    "education": (
        NodeFact(
            "education",
            "kgo:student",
            ("kgo:institution",),
            (("degree", "kgo:degree"), ("field", "kgo:fieldOfStudy"), ("year", "kgo:year")),
        ),
    ),
    "seat-tally": (
        NodeFact(
            "seat_tally",
            "kgo:party",
            ("kgo:election",),
            (("won", "kgo:seatsWon"), ("leading", "kgo:seatsLeading"), ("as_of", "kgo:asOfTime")),
        ),
    ),
    "final-tally": (
        NodeFact(
            "seat_tally",
            "kgo:party",
            ("kgo:election",),
            (("won", "kgo:seatsWon"), ("leading", "kgo:seatsLeading")),
            fixed=(("as_of", "final"),),
        ),
    ),
    "seat-allocation": (
        NodeFact(
            "seats_contested", "kgo:party", ("kgo:election",), (("seats", "kgo:seatsContested"),)
        ),
    ),
    "phase": (
        NodeFact(
            "polling_date", "kgo:phaseOf", ("kgo:pollingDate",), (("phase", "kgo:phaseNumber"),)
        ),
        NodeFact("turnout", "kgo:phaseOf", ("kgo:turnout",), (("phase", "kgo:phaseNumber"),)),
    ),
    "contest": (
        NodeFact(
            "turnout", "kgo:election", ("kgo:turnout",), (("constituency", "kgo:constituency"),)
        ),
    ),
    "membership": (
        NodeFact(
            "party",
            "kgo:member",
            ("kgo:party",),
            (("start", "kgo:startDate"), ("end", "kgo:endDate")),
        ),
    ),
    "party-switch": (
        NodeFact(
            "party_switch",
            "kgo:person",
            ("kgo:toParty",),
            (("from", "kgo:fromParty"), ("date", "kgo:date")),
        ),
    ),
    "arrest": (
        NodeFact(
            "arrest",
            "kgo:personArrested",
            ("kgo:agency",),
            (("date", "kgo:date"), ("charge", "kgo:charge")),
            default_o="unknown",
        ),
    ),
    "bail": (
        NodeFact(
            "bail", "kgo:personBailed", ("kgo:court",), (("date", "kgo:date"),), default_o="unknown"
        ),
    ),
    "resignation": (NodeFact("resignation", "kgo:person", ("kgo:post",), (("date", "kgo:date"),)),),
    "oath": (NodeFact("oath", "kgo:person", ("kgo:post",), (("date", "kgo:date"),)),),
    "founding": (
        NodeFact(
            "founder",
            "kgo:founder",
            ("kgo:organisationFounded",),
            (("date", "kgo:date"), ("role", "kgo:role")),
        ),
    ),
    "interview": (
        NodeFact(
            "interview",
            "kgo:interviewee",
            ("kgo:interviewer", "kgo:mediaOrganisation"),
            (("date", "kgo:date"),),
        ),
    ),
    "quotation": (NodeFact("quote", "kgo:speaker", ("kgo:quotationText",), ()),),
    "marriage": (
        NodeFact("spouse", "kgo:participant", ("kgo:participant",), (("date", "kgo:date"),)),
    ),
}


@dataclass(frozen=True)
class Found:
    """One fact a build states: names are normalised, values canonical."""

    source: str
    p: str
    s: frozenset[str]
    o: frozenset[str]
    q: tuple[tuple[str, frozenset[str]], ...]
    evidence: str
    start: int
    method: str
    s_label: str
    o_label: str


def norm(text: str) -> str:
    """Names compare without case, accents, punctuation, a leading 'the' or a plural 'elections'."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    t = t.replace("’", "'").replace("'s ", " ")
    t = re.sub(r"[^\w%.]+", " ", t).strip()
    t = re.sub(r"\.(?!\d)", "", t)
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"\belections\b", "election", t)
    t = re.sub(r"\blegislative assembly\b", "assembly", t)
    t = re.sub(r"\bbye? ?polls?\b|\bby election\b", "by-election", t)
    return " ".join(t.split())


def canonical(lexical: str) -> str:
    """Numbers without grouping or trailing zeros; times as HH:MM; anything else as ``norm``."""
    t = lexical.strip().replace(",", "")
    if re.fullmatch(r"-?\d+(\.\d+)?", t):
        if "." in t:
            t = t.rstrip("0").rstrip(".")
        return t.lstrip("0") or "0"
    m = re.fullmatch(r"(\d\d):(\d\d)(:\d\d)?", t)
    if m:
        return f"{m.group(1)}:{m.group(2)}"
    if re.fullmatch(r"\d{4}(-\d\d){0,2}", t):
        return t
    return norm(lexical)


class Namer:
    """All names of every entity a build knows."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.names: dict[str, frozenset[str]] = {}
        self.labels: dict[str, str] = {}
        for e in entities:
            names = {norm(e.label), *(norm(a) for a in e.aliases)}
            m = re.match(r"^(?P<name>.+?)\s*\((?P<abbr>[^()]+)\)$", e.label)
            if m:
                names |= {norm(m.group("name")), norm(m.group("abbr"))}
            self.names[e.id] = frozenset(n for n in names if n)
            self.labels[e.id] = e.label

    def of(self, v: Value) -> frozenset[str]:
        if isinstance(v, EntityId):
            return self.names.get(v.id, frozenset({norm(v.id)}))
        if isinstance(v, Lit):
            return frozenset({canonical(v.lexical)})
        if isinstance(v, Term):
            return frozenset({norm(v.curie.split(":", 1)[1])})
        return frozenset()

    def label(self, v: Value) -> str:
        if isinstance(v, EntityId):
            return self.labels.get(v.id, v.id)
        if isinstance(v, Lit):
            return v.lexical
        if isinstance(v, Term):
            return v.curie
        return v.kind if isinstance(v, Node) else ""


def _direct(c: Claim, namer: Namer) -> Found | None:
    local = c.predicate.split(":", 1)[-1]
    p = DIRECT.get(c.predicate) or ("relative" if local in RELATIVES else None)
    if p is None or isinstance(c.subject, Node) or isinstance(c.object, Node):
        return None
    q: tuple[tuple[str, frozenset[str]], ...] = ()
    if p == "relative":
        q = (("kind", frozenset({local})),)
    return Found(
        c.evidence.source,
        p,
        namer.of(c.subject),
        namer.of(c.object),
        q,
        c.evidence.text,
        c.evidence.start,
        c.method.value,
        namer.label(c.subject),
        namer.label(c.object),
    )


def _node_facts(node: Node, claims: list[Claim], namer: Namer) -> list[Found]:
    props: dict[str, list[Value]] = defaultdict(list)
    for c in claims:
        props[c.predicate].append(c.object)
    first = min(claims, key=lambda c: (c.evidence.source, c.evidence.start))
    out = []
    for spec in NODE_FACTS.get(node.kind, ()):
        subjects = props.get(spec.s, [])
        objects = [v for prop in spec.o for v in props.get(prop, []) if prop != spec.s]
        if spec.s in spec.o:  # a marriage: the participants name each other, once each
            subjects = list(dict.fromkeys(subjects))
            objects = subjects[1:]
            subjects = subjects[:1]
        if not subjects or not (objects or spec.default_o):
            continue
        o_names = (
            frozenset().union(*(namer.of(v) for v in objects))
            if objects
            else frozenset({spec.default_o or ""})
        )
        q = [(k, frozenset({v})) for k, v in spec.fixed]
        for name, prop in spec.q:
            values = props.get(prop)
            if values:
                q.append((name, frozenset().union(*(namer.of(v) for v in values))))
        out.append(
            Found(
                first.evidence.source,
                spec.p,
                namer.of(subjects[0]),
                o_names,
                tuple(sorted(q)),
                first.evidence.text,
                first.evidence.start,
                first.method.value,
                namer.label(subjects[0]),
                namer.label(objects[0]) if objects else spec.default_o or "",
            )
        )
    return out


def _merge(facts: list[Found]) -> list[Found]:
    """One fact per source, predicate, subject and object: a node and its shortcut triple are one,
    and so are a symmetric relation and its converse ("A's wife B", "B married A")."""
    merged: dict[tuple[str, str, frozenset[str], frozenset[str]], Found] = {}
    for f in facts:
        s, o = f.s, f.o
        if f.p in SYMMETRIC and sorted(o) < sorted(s):
            s, o = o, s
        key = (f.source, f.p, s, o)
        old = merged.get(key)
        if old is None:
            merged[key] = f
            continue
        q = dict(old.q)
        for k, v in f.q:
            q[k] = q.get(k, frozenset()) | v
        merged[key] = Found(**{**old.__dict__, "q": tuple(sorted(q.items()))})
    return list(merged.values())


def found_facts(claims: list[Claim], entities: tuple[Entity, ...]) -> list[Found]:
    """Every gold-vocabulary fact the resolved ``claims`` state, per source."""
    namer = Namer(entities)
    by_node: dict[tuple[str, Node], list[Claim]] = defaultdict(list)
    out: list[Found] = []
    for c in claims:
        if isinstance(c.subject, Node):
            by_node[(c.evidence.source, c.subject)].append(c)
        else:
            f = _direct(c, namer)
            if f is not None:
                out.append(f)
    for (_, node), group in by_node.items():
        out += _node_facts(node, group, namer)
    return sorted(_merge(out), key=lambda f: (f.source, f.start, f.p, f.s_label, f.o_label))


def category(method: str, kind: str) -> str:
    """infobox, table, prose (wiki-style sentences), news or reviewed (added by a person)."""
    if method == Method.INFOBOX.value:
        return "infobox"
    if method == Method.TABLE.value:
        return "table"
    if method == Method.REVIEWED.value:
        return "reviewed"
    return "news" if kind == "news" else "prose"
