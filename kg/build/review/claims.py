"""The values of a review decision: entities, statement nodes, ontology terms and literals, as a
review file writes them, and the claims a fact added on review makes.

An entity is its id (``hemant-soren``); a statement node is ``{node: candidacy, key: [...]}`` or
its id path (``candidacy/election/2024-jharkhand-assembly/hemant-soren``); a term is
``{term: kgo:Won}``; a literal is ``{integer: 5000}``, ``{date: 2024-11-23}`` and so on. A fault
raises :class:`ReviewFileError` with a message naming the file, the decision and the fault.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from kg.build.nodes import NodeError, key_claims, make_node
from kg.model import Claim, EntityId, Lit, Method, Node, Ref, Review, Span, Term, Value

LITERAL_TYPES = ("date", "integer", "decimal", "string", "gYear", "gYearMonth", "time", "boolean")
_CURIE = re.compile(r"^(kgo|schema|rdfs|skos):[A-Za-z][A-Za-z0-9]*$")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_G_YEAR = re.compile(r"^\d{4}$")
_G_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class ReviewFileError(ValueError):
    """A review file is wrong; the message names the file, the decision and the fault."""


def _date(raw: Any) -> str:
    return (raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw))).isoformat()


def _integer(raw: Any) -> str:
    return str(int(str(raw)))


def _decimal(raw: Any) -> str:
    if not _DECIMAL.match(str(raw)):
        raise ValueError
    return str(raw)


def _g_year(raw: Any) -> str:
    if not _G_YEAR.match(str(raw)):
        raise ValueError
    return str(raw)


def _g_year_month(raw: Any) -> str:
    if not _G_YEAR_MONTH.match(str(raw)):
        raise ValueError
    return str(raw)


def _time(raw: Any) -> str:
    return dt.time.fromisoformat(str(raw)).isoformat()


def _boolean(raw: Any) -> str:
    if not isinstance(raw, bool):
        raise ValueError
    return "true" if raw else "false"


# literal type -> the lexical form of a YAML value; raises ValueError for a value of the wrong form
_LEXICAL: dict[str, Callable[[Any], str]] = {
    "date": _date,
    "integer": _integer,
    "decimal": _decimal,
    "string": str,
    "gYear": _g_year,
    "gYearMonth": _g_year_month,
    "time": _time,
    "boolean": _boolean,
}


def parse_literal(spec: Any, where: str) -> Lit:
    if not isinstance(spec, dict) or len(spec) != 1:
        raise ReviewFileError(
            f"{where}: a literal is one of {{{'|'.join(LITERAL_TYPES)}: ...}}, got {spec!r}"
        )
    ((kind, raw),) = spec.items()
    if kind not in LITERAL_TYPES:
        raise ReviewFileError(
            f"{where}: unknown literal type {kind!r}; use one of {', '.join(LITERAL_TYPES)}"
        )
    try:
        lexical = _LEXICAL[kind](raw)
    except ValueError:
        raise ReviewFileError(f"{where}: {raw!r} is not a valid {kind}") from None
    return Lit(lexical, kind)


def parse_ref(spec: Any, where: str) -> Value:
    """An entity id, a node spec, an ontology term, or (inside node keys) a literal."""
    if isinstance(spec, str):
        return EntityId(spec)
    if isinstance(spec, dict) and "node" in spec:
        key = spec.get("key")
        if not isinstance(key, list):
            raise ReviewFileError(f"{where}: a node needs a key list")
        try:
            return make_node(str(spec["node"]), *(parse_ref(k, where) for k in key))
        except NodeError as exc:
            raise ReviewFileError(f"{where}: {exc}") from None
    if isinstance(spec, dict) and "term" in spec:
        curie = str(spec["term"])
        if not _CURIE.match(curie):
            raise ReviewFileError(f"{where}: term must be a CURIE like kgo:Won, got {curie!r}")
        return Term(curie)
    return parse_literal(spec, where)


def value_text(text: str) -> dict[str, Any]:
    """A value as a person types it: ``integer:5000`` (any literal type) is a literal,
    ``kgo:Won`` a term, anything else an entity or node id. Returns the decision field for it,
    ``{"value": {...}}`` or ``{"object": ...}``."""
    text = text.strip()
    kind, sep, rest = text.partition(":")
    if sep and kind in LITERAL_TYPES:
        return {"value": {kind: rest.strip()}}
    if _CURIE.match(text):
        return {"object": {"term": text}}
    return {"object": text}


def locate(text: str, quote: str, occurrence: int | None) -> int | str:
    """Where ``quote`` starts in ``text`` (its ``occurrence``-th time, 1-based, when given), or a
    message saying why it cannot be found there."""
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        return "the quote is not in the article"
    if occurrence is None:
        if len(starts) > 1:
            return (
                f"the quote occurs {len(starts)} times in the article; say which with 'occurrence'"
            )
        return starts[0]
    if not 1 <= occurrence <= len(starts):
        return f"occurrence {occurrence}, but the quote occurs {len(starts)} time(s) in the article"
    return starts[occurrence - 1]


def subject_of(c: dict[str, Any], where: str) -> Ref:
    subject = parse_ref(c["subject"], where)
    if isinstance(subject, Lit | Term):
        raise ReviewFileError(f"{where}: subject must be an entity id or a node")
    return subject


def object_of(c: dict[str, Any], where: str) -> Value:
    """The ``object`` (entity, node or term) or ``value`` (literal) of a decision; exactly one."""
    if ("object" in c) == ("value" in c):
        raise ReviewFileError(
            f"{where}: give exactly one of 'object' (entity or node) and 'value' (literal)"
        )
    if "object" not in c:
        return parse_literal(c["value"], where)
    obj = parse_ref(c["object"], where)
    if isinstance(obj, Lit):
        raise ReviewFileError(
            f"{where}: 'object' is for entities and nodes; use 'value' for a literal"
        )
    return obj


def property_of(c: dict[str, Any], where: str) -> str:
    prop = str(c["property"])
    if not _CURIE.match(prop):
        raise ReviewFileError(f"{where}: property must be a CURIE like kgo:votes, got {prop!r}")
    return prop


def added_claims(
    c: dict[str, Any], span: Span, rule: str, review: Review, where: str
) -> list[Claim]:
    """The claims of a fact added on review: the key claims of its nodes, then the fact."""
    subject, prop, obj = subject_of(c, where), property_of(c, where), object_of(c, where)
    out: list[Claim] = []
    for ref in (subject, obj):
        if isinstance(ref, Node):
            out.extend(
                replace(k, review=review) for k in key_claims(ref, span, Method.REVIEWED, rule)
            )
    note = c.get("note")
    out.append(
        Claim(
            subject,
            prop,
            obj,
            span,
            Method.REVIEWED,
            rule,
            approximate=bool(c.get("approximate", False)),
            note=None if note is None else str(note),
            claim_id=review.ref,
            review=review,
        )
    )
    return out


__all__ = [
    "LITERAL_TYPES",
    "ReviewFileError",
    "added_claims",
    "locate",
    "object_of",
    "parse_literal",
    "parse_ref",
    "property_of",
    "subject_of",
    "value_text",
]
