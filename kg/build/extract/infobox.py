"""Infobox lines (``- Key: Value``) of an encyclopedia-format article -> claims.

Keys are matched case-insensitively against :data:`~kg.build.extract.infobox_fields.FIELDS`; a
key with no mapping is reported, never dropped in silence. Offices open a position holding that
the following Term Start / Term End / Predecessor / Successor / Constituency lines qualify, as
infoboxes group them; an office's ordinal ("6th Chief Minister of X") is a qualifier of the
holding, not part of the post. A party with dates ("(since 2020)", "(2006–2020)") is a party
membership with those dates; a spouse with "(m. 1993)" a marriage with its date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kg.build.extract.encyclopedia import Document, InfoboxField
from kg.build.extract.infobox_fields import (
    FIELDS,
    KINSHIP,
    Field,
    child_count,
    field_key,
    items,
    marriage_date,
    ordinal_office,
    party_name,
    place_types,
    strip_paren,
    template_date,
)
from kg.build.extract.prose.posts import office_name
from kg.build.extract.values import PartialDate, parse_partial_date, parse_range
from kg.build.extract.values import split_list as _split_list
from kg.build.nodes import key_claims, make_node
from kg.model import Claim, Lit, Mention, Method, Node, Problem, Span, Text

RULE = "infobox"

__all__ = ["FIELDS", "KINSHIP", "Field", "extract_infobox"]


def _span(source: str, t: Text) -> Span:
    return Span(source, t.start, t.end, t.text)


def _items(value: Text) -> list[Text]:
    return items(value, _split_list(value.text))


def _lit(d: PartialDate) -> Lit:
    return Lit(d.lexical, d.datatype)


@dataclass
class _Reading:
    """What reading one infobox collects; ``holding`` is the office the following lines qualify."""

    source: str
    subject: Mention
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    holding: Node | None = None
    number: int | None = None  # the number of the template key read last ('office2' -> 2)
    numbered: dict[int, Node] = field(default_factory=dict)  # office number -> its holding

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

    def node(self, node: Node, ev: Text, rule: str) -> None:
        self.claims.extend(key_claims(node, _span(self.source, ev), Method.INFOBOX, rule))

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
    """One infobox line, by the kind of field its key names; an unmapped key is a problem. A
    template's numbered key ('office2', 'term_start2') belongs to the office of its number, an
    unnumbered one to the last office line."""
    key, number = field_key(f.key.text)
    spec = FIELDS.get(key)
    if spec is None:
        r.problem(f, f"infobox key {f.key.text!r} has no mapping; not extracted")
        return
    if number is not None and spec.kind in ("office", "holding", "term"):
        r.number = number
        r.holding = r.numbered.get(number) if spec.kind != "office" else r.holding
    handler = _HANDLERS.get(spec.kind)
    if handler is not None:
        handler(r, spec, f, f"{RULE}:{f.key.text}")


def _office(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'Office: 6th Post' opens a holding of the post by the subject, with ordinal 6."""
    post, ordinal = ordinal_office(f.value.text)
    post = office_name(post)
    r.holding = make_node("holding", Mention(post, "Post"), r.subject)
    if r.number is not None:
        r.numbered[r.number] = r.holding
    r.node(r.holding, f.line, rule)
    if ordinal is not None:
        r.add(r.holding, "kgo:ordinal", Lit(str(ordinal), "integer"), f.line, rule)


def _holding(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """A term date, predecessor, successor or constituency of the last Office line's holding."""
    if r.holding is None:
        r.problem(f, f"infobox {f.key.text!r} before any Office line")
        return
    if spec.prop not in ("kgo:startDate", "kgo:endDate"):
        r.add(r.holding, spec.prop, Mention(f.value.text, spec.type), f.line, rule)
        return
    d = template_date(f.value.text) or parse_partial_date(f.value.text)
    if d is None:
        r.not_a_date(f)
        return
    r.add(r.holding, spec.prop, _lit(d), f.line, rule)


def _term(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'In office: 2004 – 2014': both ends of the last Office line's holding."""
    span = parse_range(f.value.text)
    if r.holding is None or span is None:
        r.problem(f, f"infobox {f.key.text!r}: no office or no span of time: {f.value.text!r}")
        return
    for prop, d in zip(("kgo:startDate", "kgo:endDate"), span, strict=True):
        if d is not None:
            r.add(r.holding, prop, _lit(d), f.line, rule)


def _name(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """A template's 'name = …': another name of the subject, if it is not the title."""
    if f.value.text and f.value.text != r.subject.text:
        r.add(r.subject, "schema:alternateName", Lit(f.value.text), f.line, rule)


def _literal(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    r.add(r.subject, spec.prop, Lit(f.value.text), f.line, rule)


def _date(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'3 March 1985 (age 39)': the date before any parenthesis; 'January 1967' to the month;
    a date template ('{{birth date and age|1985|3|3}}') to the precision it gives."""
    d = template_date(f.value.text) or parse_partial_date(
        f.value.text.split("(")[0].strip().rstrip(",")
    )
    if d is None:
        r.not_a_date(f)
        return
    r.add(r.subject, spec.prop, _lit(d), f.line, rule)


def _place(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'Town, State, Country': the first part is the place, each part lies in the next; each
    part's type as :func:`place_types` tells."""
    parts = _items(f.value)
    types = place_types([p.text for p in parts])
    mentions = [Mention(p.text, t) for p, t in zip(parts, types, strict=True)]
    r.add(r.subject, spec.prop, mentions[0], f.line, rule)
    for inner, outer in zip(mentions, mentions[1:], strict=False):
        r.add(inner, "kgo:locatedIn", outer, f.line, rule)


def _entities(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """A list of entities, each without its trailing parenthesis."""
    found = _items(f.value)
    for item in found:
        name, _ = strip_paren(item)
        ev = f.line if len(found) == 1 else name
        r.add(r.subject, spec.prop, Mention(name.text, spec.type), ev, rule)


def _party(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """Parties, each a membership when dates follow it: 'BJP (since 2020)', 'JMM (2009–2024)'."""
    found = _items(f.value)
    for item in found:
        name, dates = party_name(item)
        ev = f.line if len(found) == 1 else item
        party = Mention(name.text, spec.type)
        if dates is None:
            r.add(r.subject, spec.prop, party, ev, rule)
            continue
        membership = make_node("membership", r.subject, party)
        r.node(membership, ev, rule)
        for prop, d in zip(("kgo:startDate", "kgo:endDate"), dates, strict=True):
            if d is not None:
                r.add(membership, prop, _lit(d), ev, rule)


def _spouse(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """Spouses, each a marriage with its date when '(m. 1993)' follows the name."""
    found = _items(f.value)
    for item in found:
        name, note = strip_paren(item)
        ev = f.line if len(found) == 1 else item
        spouse = Mention(name.text, spec.type)
        r.add(r.subject, spec.prop, spouse, ev, rule)
        married = marriage_date(note)
        if married is not None:
            marriage = make_node("marriage", r.subject, spouse)
            r.node(marriage, ev, rule)
            r.add(marriage, "kgo:date", _lit(married), ev, rule)


def _kinship(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """'Name (father-in-law), ...': the relation in the parenthesis picks the property."""
    found = _items(f.value)
    for item in found:
        name, kind = strip_paren(item)
        prop = KINSHIP.get((kind or "").lower())
        if prop is None:
            r.problem(f, f"infobox {f.key.text!r}: unknown relation {kind!r} for {name.text!r}")
            continue
        ev = f.line if len(found) == 1 else item
        r.add(r.subject, prop, Mention(name.text, "Person"), ev, rule)


def _children(r: _Reading, spec: Field, f: InfoboxField, rule: str) -> None:
    """A number of children ('3', '2 sons', 'one son and two daughters'), or their names."""
    n = child_count(f.value.text)
    if n is not None:
        r.add(r.subject, "kgo:numberOfChildren", Lit(str(n), "integer"), f.line, rule)
        return
    for item in _items(f.value):
        r.add(
            r.subject, "schema:children", Mention(strip_paren(item)[0].text, "Person"), item, rule
        )


# Field.kind -> the reader of a line of that kind
_HANDLERS: dict[str, Callable[[_Reading, Field, InfoboxField, str], None]] = {
    "office": _office,
    "name": _name,
    "holding": _holding,
    "term": _term,
    "literal": _literal,
    "date": _date,
    "place": _place,
    "entities": _entities,
    "party": _party,
    "spouse": _spouse,
    "kinship": _kinship,
    "children": _children,
}
