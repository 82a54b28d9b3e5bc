"""Review decisions from ``data/reviews/<source id>.yaml``: what a person decided about the facts
the rules read from one article, and the facts they added.

A file names its article and lists decisions. Each decision has an ``action``, the ``reviewer``,
the time (``at``, ISO 8601 with its offset) and the verbatim ``quote`` it rests on:

- ``accept``, ``reject``: the fact (``subject``, ``property``, ``object`` or ``value``) read from the
  quoted passage;
- ``correct``: the same, and ``corrected`` (``{object: …}`` or ``{value: …}``), the right value;
- ``alias``: ``mention`` (a name as the article writes it) is ``entity`` (an entity id);
- ``add``: a fact the rules missed, in the same fields, with an optional ``note`` and
  ``approximate``.

A malformed file is an error naming the file, the decision and the fault (the build stops, and a
decision that would make such a file is refused before it is written). A quote that is no longer in
the article is not an error: the decision is kept in the file, reported, and not applied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.build.nodes import path_of
from kg.build.review.claims import (
    ReviewFileError,
    added_claims,
    locate,
    object_of,
    property_of,
    subject_of,
)
from kg.model import Claim, EntityId, Lit, Node, Problem, Ref, Review, Source, Span, Term, Value
from kg.yamlfile import YAMLError, load_yaml

ACTIONS = ("accept", "reject", "correct", "alias", "add")
_COMMON = {"id", "action", "reviewer", "at", "quote", "occurrence", "why"}
_FACT = {"subject", "property", "object", "value"}
_FIELDS = {
    "accept": _COMMON | _FACT,
    "reject": _COMMON | _FACT,
    "correct": _COMMON | _FACT | {"corrected"},
    "alias": _COMMON | {"mention", "entity"},
    "add": _COMMON | _FACT | {"note", "approximate"},
}
_REQUIRED = {
    "accept": ("subject", "property"),
    "reject": ("subject", "property"),
    "correct": ("subject", "property", "corrected"),
    "alias": ("mention", "entity"),
    "add": ("subject", "property"),
}
MAX_TEXT = 500  # characters in a reviewer's name, a mention or an entity id


@dataclass(frozen=True)
class Fact:
    """A fact as a decision names it: subject, property and object, by id path or literal."""

    subject: Ref
    property: str
    object: Value


@dataclass(frozen=True)
class Decision:
    """One decision of a review file, its quote located in the article (``span`` None: the quote
    is no longer there, and ``gone`` says why)."""

    file: str
    id: str
    source: str
    action: str
    reviewer: str
    at: str
    quote: str
    span: Span | None
    gone: str | None = None
    fact: Fact | None = None
    corrected: Value | None = None
    mention: str | None = None
    entity: str | None = None
    added: tuple[Claim, ...] = ()
    why: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.file}#{self.id}"

    def review(self, decision: str, corrected_from: Value | None = None) -> Review:
        return Review(self.reviewer, self.at, decision, self.ref, corrected_from)


def fact_key(subject: Value, prop: str, obj: Value) -> tuple[str, str, str]:
    """What two readings of one fact share: the subject's id path, the property, the object."""
    return (_key(subject), prop, _key(obj))


def _key(v: Value) -> str:
    if isinstance(v, EntityId | Node):
        return "id:" + path_of(v)
    if isinstance(v, Lit):
        return f"lit:{v.datatype}:{v.lexical}"
    if isinstance(v, Term):
        return "term:" + v.curie
    return "mention:" + v.text


def _text(c: dict[str, Any], key: str, where: str) -> str:
    raw = c.get(key)
    if not isinstance(raw, str) or not raw.strip():
        raise ReviewFileError(f"{where}: {key!r} must be a non-empty text")
    if len(raw) > MAX_TEXT and key != "quote":
        raise ReviewFileError(f"{where}: {key!r} is longer than {MAX_TEXT} characters")
    return raw


def _time(c: dict[str, Any], where: str) -> str:
    raw = c.get("at")
    try:
        at = raw if isinstance(raw, dt.datetime) else dt.datetime.fromisoformat(str(raw))
    except ValueError:
        raise ReviewFileError(
            f"{where}: 'at' must be a date and time such as 2026-12-03T10:15:00+05:30, got {raw!r}"
        ) from None
    if at.tzinfo is None:
        raise ReviewFileError(f"{where}: 'at' needs its offset from UTC, such as +05:30 or Z")
    return at.isoformat()


def _checked(c: Any, where: str) -> tuple[str, dict[str, Any]]:
    if not isinstance(c, dict):
        raise ReviewFileError(f"{where}: expected a mapping")
    action = c.get("action")
    if action not in ACTIONS:
        raise ReviewFileError(
            f"{where}: 'action' must be one of {', '.join(ACTIONS)}, got {action!r}"
        )
    unknown = set(c) - _FIELDS[action]
    if unknown:
        raise ReviewFileError(
            f"{where}: unknown field(s) for {action}: {', '.join(sorted(map(str, unknown)))}"
        )
    for req in _REQUIRED[action]:
        if req not in c:
            raise ReviewFileError(f"{where}: missing {req!r}")
    occ = c.get("occurrence")
    if occ is not None and (not isinstance(occ, int) or isinstance(occ, bool)):
        raise ReviewFileError(f"{where}: occurrence must be a whole number")
    return action, c


def _corrected(c: dict[str, Any], where: str) -> Value:
    spec = c["corrected"]
    if not isinstance(spec, dict):
        raise ReviewFileError(f"{where}: 'corrected' is {{object: …}} or {{value: …}}")
    unknown = set(spec) - {"object", "value"}
    if unknown:
        raise ReviewFileError(f"{where}: 'corrected' takes only 'object' or 'value'")
    return object_of(spec, where + ", corrected")


def _decision(c: Any, n: int, name: str, source: Source, ids: set[str]) -> Decision:
    did = str(c.get("id")) if isinstance(c, dict) and c.get("id") else f"#{n}"
    where = f"{name}, decision {did}"
    action, c = _checked(c, where)
    if did in ids:
        raise ReviewFileError(f"{where}: duplicate decision id")
    reviewer, at = _text(c, "reviewer", where), _time(c, where)
    quote = _text(c, "quote", where)
    # a name an alias decision rests on may stand many times: any one of them will do
    occurrence = c.get("occurrence") or (1 if action == "alias" else None)
    found = locate(source.text, quote, occurrence)
    span = Span(source.id, found, found + len(quote), quote) if isinstance(found, int) else None
    gone = found if isinstance(found, str) else None
    why = None if c.get("why") is None else str(c["why"])
    base = Decision(name, did, source.id, action, reviewer, at, quote, span, gone, why=why)
    if action == "alias":
        return _with(base, mention=_text(c, "mention", where), entity=_text(c, "entity", where))
    fact = Fact(subject_of(c, where), property_of(c, where), object_of(c, where))
    if action == "correct":
        return _with(base, fact=fact, corrected=_corrected(c, where))
    if action == "add":
        rule = f"review:{name}#{did}"
        added = (
            () if span is None else tuple(added_claims(c, span, rule, base.review("added"), where))
        )
        return _with(base, fact=fact, added=added)
    return _with(base, fact=fact)


def _with(d: Decision, **changes: Any) -> Decision:
    return replace(d, **changes)


def parse_reviews(doc: Any, name: str, sources: dict[str, Source]) -> list[Decision]:
    """The decisions of one parsed review document (``name``, its file name, is used in messages
    and must be ``<source id>.yaml``)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("decisions"), list):
        raise ReviewFileError(f"{name}: expected 'source' and a list under 'decisions'")
    sid = str(doc.get("source", ""))
    if sid not in sources:
        raise ReviewFileError(
            f"{name}: unknown source {sid!r}; known: {', '.join(sorted(sources))}"
        )
    if name != f"{sid}.yaml":
        raise ReviewFileError(f"{name}: the decisions on source {sid} belong in {sid}.yaml")
    out: list[Decision] = []
    ids: set[str] = set()
    for n, c in enumerate(doc["decisions"], 1):
        d = _decision(c, n, name, sources[sid], ids)
        ids.add(d.id)
        out.append(d)
    return out


def read_file(path: Path, sources: dict[str, Source]) -> list[Decision]:
    try:
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewFileError(f"{path.name}: cannot read ({exc})") from None
    except YAMLError as exc:
        raise ReviewFileError(f"{path.name}: not valid YAML ({exc})") from None
    return parse_reviews(doc, path.name, sources)


def load_reviews(reviews_dir: Path, sources: dict[str, Source]) -> list[Decision]:
    """Every decision of ``reviews_dir``, files in name order, decisions in file order."""
    out: list[Decision] = []
    for path in sorted(reviews_dir.glob("*.yaml")) if reviews_dir.is_dir() else []:
        out.extend(read_file(path, sources))
    return out


def gone(decisions: list[Decision]) -> list[Problem]:
    """A warning for each decision whose quote is no longer in its article: it is not applied."""
    return [
        Problem(
            "review",
            f"decision {d.ref} ({d.action} by {d.reviewer}) was not applied: {d.gone}: {d.quote!r}",
            d.source,
        )
        for d in decisions
        if d.span is None
    ]


__all__ = [
    "ACTIONS",
    "Decision",
    "Fact",
    "fact_key",
    "gone",
    "load_reviews",
    "parse_reviews",
    "read_file",
]
