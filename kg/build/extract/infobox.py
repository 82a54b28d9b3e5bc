"""Infobox lines (``- Key: Value``) of an encyclopedia-format article -> claims.

Keys are matched case-insensitively against :data:`FIELDS`; a key with no mapping is reported,
never dropped in silence. Offices open a position holding that the following Term Start / Term
End / Predecessor / Successor / Constituency lines qualify, as infoboxes group them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.build.extract.encyclopedia import Document, InfoboxField
from kg.build.extract.values import parse_date, parse_int, split_list
from kg.build.nodes import key_claims, make_node
from kg.model import Claim, Lit, Mention, Method, Node, Problem, Span, Text

RULE = "infobox"
_PAREN = re.compile(r"^(?P<main>.*?)\s*\((?P<inner>[^()]*)\)\s*$")

# kinship words in "Name (kind)" -> property
KINSHIP = {
    "father": "kgo:father",
    "mother": "kgo:mother",
    "husband": "kgo:husband",
    "wife": "kgo:wife",
    "spouse": "schema:spouse",
    "son": "schema:children",
    "daughter": "schema:children",
    "child": "schema:children",
    "father-in-law": "kgo:fatherInLaw",
}


@dataclass(frozen=True)
class Field:
    kind: str  # office | holding | literal | date | place | entities | kinship | children
    prop: str = ""
    type: str = ""  # class hint for entity mentions


FIELDS: dict[str, Field] = {
    "office": Field("office"),
    "term start": Field("holding", "kgo:startDate"),
    "term end": Field("holding", "kgo:endDate"),
    "predecessor": Field("holding", "kgo:replaces", "Person"),
    "constituency": Field("holding", "kgo:constituency", "Constituency"),
    "birth name": Field("literal", "kgo:birthName"),
    "born": Field("date", "schema:birthDate"),
    "birth date": Field("date", "schema:birthDate"),
    "date of birth": Field("date", "schema:birthDate"),
    "birth place": Field("place", "schema:birthPlace"),
    "place of birth": Field("place", "schema:birthPlace"),
    "party": Field("entities", "kgo:memberOfParty", "PoliticalParty"),
    "political party": Field("entities", "kgo:memberOfParty", "PoliticalParty"),
    "spouse": Field("entities", "schema:spouse", "Person"),
    "relations": Field("kinship"),
    "relatives": Field("kinship"),
    "parents": Field("kinship"),
    "children": Field("children"),
    "nationality": Field("entities", "kgo:nationality", "Country"),
    "education": Field("entities", "kgo:academicDegree", "AcademicDegree"),
    "alma mater": Field("entities", "schema:alumniOf", "EducationalInstitution"),
    "occupation": Field("entities", "kgo:occupation", "Occupation"),
    "profession": Field("entities", "kgo:occupation", "Occupation"),
}


def _span(source: str, t: Text) -> Span:
    return Span(source, t.start, t.end, t.text)


def _items(value: Text) -> list[Text]:
    return [
        Text(value.start + a, value.start + b, value.text[a:b]) for a, b in split_list(value.text)
    ]


def _strip_paren(t: Text) -> tuple[Text, str | None]:
    """'Name (note)' -> (Name part, 'note'); text without a trailing parenthesis is unchanged."""
    m = _PAREN.match(t.text)
    if not m or not m.group("main"):
        return t, None
    return Text(t.start, t.start + m.end("main"), m.group("main")), m.group("inner").strip()


@dataclass
class _Reading:
    """What reading one infobox collects; ``holding`` is the office the following lines qualify."""

    source: str
    subject: Mention
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    holding: Node | None = None

    def add(
        self,
        s: Node | Mention,
        prop: str,
        value: Mention | Lit | Node,
        ev: Text,
        rule: str,
        note: str | None = None,
    ) -> None:
        claim = Claim(s, prop, value, _span(self.source, ev), Method.INFOBOX, rule, note=note)
        self.claims.append(claim)

    def problem(self, f: InfoboxField, message: str) -> None:
        self.problems.append(Problem("extract", message, f"{self.source}@{f.line.start}"))

    def not_a_date(self, f: InfoboxField) -> None:
        self.problem(f, f"infobox {f.key.text!r}: not a date: {f.value.text!r}")


def extract_infobox(
    source: str, doc: Document, subject: Mention
) -> tuple[list[Claim], list[Problem]]:
    """Claims stated by the infobox of ``doc`` about ``subject`` (the article's person)."""
    r = _Reading(source, subject)
    if doc.display_name is not None and doc.display_name.text != subject.text:
        r.add(
            subject,
            "schema:alternateName",
            Lit(doc.display_name.text),
            doc.display_name,
            f"{RULE}:name",
        )
    for f in doc.infobox:
        _field(r, f)
    return r.claims, r.problems


def _field(r: _Reading, f: InfoboxField) -> None:
    """One infobox line, by the kind of field its key names; an unmapped key is a problem."""
    spec = FIELDS.get(" ".join(f.key.text.lower().split()))
    if spec is None:
        r.problem(f, f"infobox key {f.key.text!r} has no mapping; not extracted")
        return
    handler = _HANDLERS.get(spec.kind)
    if handler is not None:
        handler(r, spec, f, f"{RULE}:{f.key.text}")


def _office(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'Office: Post' opens a holding of that post by the subject."""
    r.holding = make_node("holding", Mention(f.value.text, "Post"), r.subject)
    r.claims.extend(key_claims(r.holding, _span(r.source, f.line), Method.INFOBOX, rule))


def _holding(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """A term date, predecessor or constituency of the holding the last Office line opened."""
    if r.holding is None:
        r.problem(f, f"infobox {f.key.text!r} before any Office line")
        return
    if spec.prop not in ("kgo:startDate", "kgo:endDate"):
        r.add(r.holding, spec.prop, Mention(f.value.text, spec.type), f.line, rule)
        return
    d = parse_date(f.value.text)
    if d is None:
        r.not_a_date(f)
        return
    r.add(r.holding, spec.prop, Lit(d.isoformat(), "date"), f.line, rule)


def _literal(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    r.add(r.subject, spec.prop, Lit(f.value.text), f.line, rule)


def _date(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'3 March 1985 (age 39)': the date before any parenthesis."""
    d = parse_date(f.value.text.split("(")[0].strip().rstrip(","))
    if d is None:
        r.not_a_date(f)
        return
    r.add(r.subject, spec.prop, Lit(d.isoformat(), "date"), f.line, rule)


def _place(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'Town, State, Country': the first part is the place, each part lies in the next."""
    parts = _items(f.value)
    types = ["Place"] * len(parts)
    if len(parts) >= 2:
        types[-1] = "Country" if len(parts) >= 3 else "State"
    if len(parts) >= 3:
        types[-2] = "State"
    mentions = [Mention(p.text, t) for p, t in zip(parts, types, strict=True)]
    r.add(r.subject, spec.prop, mentions[0], f.line, rule)
    for inner, outer in zip(mentions, mentions[1:], strict=False):
        r.add(inner, "kgo:locatedIn", outer, f.line, rule)


def _entities(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """A list of entities, each without its trailing parenthesis."""
    items = _items(f.value)
    for item in items:
        name, _ = _strip_paren(item)
        ev = f.line if len(items) == 1 else name
        r.add(r.subject, spec.prop, Mention(name.text, spec.type), ev, rule)


def _kinship(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'Name (father-in-law), ...': the relation in the parenthesis picks the property."""
    items = _items(f.value)
    for item in items:
        name, kind = _strip_paren(item)
        prop = KINSHIP.get((kind or "").lower())
        if prop is None:
            r.problem(f, f"infobox {f.key.text!r}: unknown relation {kind!r} for {name.text!r}")
            continue
        ev = f.line if len(items) == 1 else item
        r.add(r.subject, prop, Mention(name.text, "Person"), ev, rule)


def _children(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """A number of children, or their names."""
    n = parse_int(f.value.text)
    if n is not None:
        r.add(r.subject, "kgo:numberOfChildren", Lit(str(n), "integer"), f.line, rule)
        return
    for item in _items(f.value):
        r.add(
            r.subject, "schema:children", Mention(_strip_paren(item)[0].text, "Person"), item, rule
        )


# Field.kind -> the reader of a line of that kind
_HANDLERS: dict[str, Callable[[_Reading, Field, InfoboxField, str], None]] = {
    "office": _office,
    "holding": _holding,
    "literal": _literal,
    "date": _date,
    "place": _place,
    "entities": _entities,
    "kinship": _kinship,
    "children": _children,
}
