"""Infobox lines (``- Key: Value``) of an encyclopedia-format article -> claims.

Keys are matched case-insensitively against :data:`FIELDS`; a key with no mapping is reported,
never dropped in silence. Offices open a position holding that the following Term Start / Term
End / Predecessor / Successor / Constituency lines qualify, as infoboxes group them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.build.extract.encyclopedia import Document, InfoboxField
from kg.build.extract.values import parse_date, parse_int, split_list
from kg.model import Claim, Lit, Mention, Method, Node, Problem, Span, Text
from kg.build.nodes import key_claims, make_node

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


def extract_infobox(
    source: str, doc: Document, subject: Mention
) -> tuple[list[Claim], list[Problem]]:
    """Claims stated by the infobox of ``doc`` about ``subject`` (the article's person)."""
    claims: list[Claim] = []
    problems: list[Problem] = []
    holding: Node | None = None

    def add(
        s: Node | Mention, prop: str, value: object, ev: Text, rule: str, note: str | None = None
    ) -> None:
        assert isinstance(value, Mention | Lit | Node)
        claims.append(Claim(s, prop, value, _span(source, ev), Method.INFOBOX, rule, note=note))

    if doc.display_name is not None and doc.display_name.text != subject.text:
        add(
            subject,
            "schema:alternateName",
            Lit(doc.display_name.text),
            doc.display_name,
            f"{RULE}:name",
        )

    for f in doc.infobox:
        key = " ".join(f.key.text.lower().split())
        rule = f"{RULE}:{f.key.text}"
        spec = FIELDS.get(key)
        where = f"{source}@{f.line.start}"
        if spec is None:
            problems.append(
                Problem(
                    "extract", f"infobox key {f.key.text!r} has no mapping; not extracted", where
                )
            )
            continue
        if spec.kind == "office":
            holding = make_node("holding", Mention(f.value.text, "Post"), subject)
            claims.extend(key_claims(holding, _span(source, f.line), Method.INFOBOX, rule))
        elif spec.kind == "holding":
            if holding is None:
                problems.append(
                    Problem("extract", f"infobox {f.key.text!r} before any Office line", where)
                )
                continue
            if spec.prop in ("kgo:startDate", "kgo:endDate"):
                d = parse_date(f.value.text)
                if d is None:
                    problems.append(
                        Problem(
                            "extract",
                            f"infobox {f.key.text!r}: not a date: {f.value.text!r}",
                            where,
                        )
                    )
                    continue
                add(holding, spec.prop, Lit(d.isoformat(), "date"), f.line, rule)
            else:
                add(holding, spec.prop, Mention(f.value.text, spec.type), f.line, rule)
        elif spec.kind == "literal":
            add(subject, spec.prop, Lit(f.value.text), f.line, rule)
        elif spec.kind == "date":
            d = parse_date(f.value.text.split("(")[0].strip().rstrip(","))
            if d is None:
                problems.append(
                    Problem(
                        "extract", f"infobox {f.key.text!r}: not a date: {f.value.text!r}", where
                    )
                )
                continue
            add(subject, spec.prop, Lit(d.isoformat(), "date"), f.line, rule)
        elif spec.kind == "place":
            _place(add, subject, spec, f, rule)
        elif spec.kind == "entities":
            items = _items(f.value)
            for item in items:
                name, _ = _strip_paren(item)
                ev = f.line if len(items) == 1 else name
                add(subject, spec.prop, Mention(name.text, spec.type), ev, rule)
        elif spec.kind == "kinship":
            items = _items(f.value)
            for item in items:
                name, kind = _strip_paren(item)
                prop = KINSHIP.get((kind or "").lower())
                if prop is None:
                    problems.append(
                        Problem(
                            "extract",
                            f"infobox {f.key.text!r}: unknown relation {kind!r} for {name.text!r}",
                            where,
                        )
                    )
                    continue
                add(
                    subject,
                    prop,
                    Mention(name.text, "Person"),
                    f.line if len(items) == 1 else item,
                    rule,
                )
        elif spec.kind == "children":
            n = parse_int(f.value.text)
            if n is not None:
                add(subject, "kgo:numberOfChildren", Lit(str(n), "integer"), f.line, rule)
            else:
                for item in _items(f.value):
                    add(
                        subject,
                        "schema:children",
                        Mention(_strip_paren(item)[0].text, "Person"),
                        item,
                        rule,
                    )
    return claims, problems


def _place(add, subject: Mention, spec: Field, f: InfoboxField, rule: str) -> None:  # type: ignore[no-untyped-def]
    """'Town, State, Country': the first part is the place, each part lies in the next."""
    parts = _items(f.value)
    types = ["Place"] * len(parts)
    if len(parts) >= 2:
        types[-1] = "Country" if len(parts) >= 3 else "State"
    if len(parts) >= 3:
        types[-2] = "State"
    mentions = [Mention(p.text, t) for p, t in zip(parts, types, strict=True)]
    add(subject, spec.prop, mentions[0], f.line, rule)
    for inner, outer in zip(mentions, mentions[1:], strict=False):
        add(inner, "kgo:locatedIn", outer, f.line, rule)
