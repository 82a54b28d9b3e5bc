"""Curated claims from ``data/claims/*.yaml``: facts no rule reaches, each with its exact quote.

A quote must occur verbatim in its article; where it occurs more than once the claim says which
occurrence. Any problem stops the build with a message naming the file, the claim and the fault.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.build.nodes import NodeError, key_claims, make_node
from kg.model import Claim, EntityId, Lit, Method, Node, Ref, Source, Span, Term, Value
from kg.yamlfile import YAMLError, load_yaml

LITERAL_TYPES = ("date", "integer", "decimal", "string", "gYear", "time", "boolean")
_CURIE = re.compile(r"^(kgo|schema|rdfs|skos):[A-Za-z][A-Za-z0-9]*$")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_G_YEAR = re.compile(r"^\d{4}$")
_CLAIM_KEYS = {
    "id",
    "subject",
    "property",
    "object",
    "value",
    "quote",
    "occurrence",
    "note",
    "approximate",
    "why",
}


class ClaimFileError(ValueError):
    """A curated claim file is wrong; the message names the file, the claim and the fault."""


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
    "time": _time,
    "boolean": _boolean,
}


def _literal(spec: Any, where: str) -> Lit:
    if not isinstance(spec, dict) or len(spec) != 1:
        raise ClaimFileError(
            f"{where}: a literal is one of {{{'|'.join(LITERAL_TYPES)}: ...}}, got {spec!r}"
        )
    ((kind, raw),) = spec.items()
    if kind not in LITERAL_TYPES:
        raise ClaimFileError(
            f"{where}: unknown literal type {kind!r}; use one of {', '.join(LITERAL_TYPES)}"
        )
    try:
        lexical = _LEXICAL[kind](raw)
    except ValueError:
        raise ClaimFileError(f"{where}: {raw!r} is not a valid {kind}") from None
    return Lit(lexical, kind)


def _ref(spec: Any, where: str) -> Value:
    """An entity id, a node spec, an ontology term, or (inside node keys) a literal."""
    if isinstance(spec, str):
        return EntityId(spec)
    if isinstance(spec, dict) and "node" in spec:
        key = spec.get("key")
        if not isinstance(key, list):
            raise ClaimFileError(f"{where}: a node needs a key list")
        try:
            return make_node(str(spec["node"]), *(_ref(k, where) for k in key))
        except NodeError as exc:
            raise ClaimFileError(f"{where}: {exc}") from None
    if isinstance(spec, dict) and "term" in spec:
        curie = str(spec["term"])
        if not _CURIE.match(curie):
            raise ClaimFileError(f"{where}: term must be a CURIE like kgo:Won, got {curie!r}")
        return Term(curie)
    return _literal(spec, where)


def _nth(text: str, quote: str, occurrence: int | None, where: str) -> int:
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        raise ClaimFileError(f"{where}: quote not found verbatim in the article: {quote!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise ClaimFileError(
                f"{where}: quote occurs {len(starts)} times in the article; say which with 'occurrence'"
            )
        return starts[0]
    if not 1 <= occurrence <= len(starts):
        raise ClaimFileError(
            f"{where}: occurrence {occurrence} but the quote occurs {len(starts)} time(s)"
        )
    return starts[occurrence - 1]


def _source_of(doc: Any, name: str, sources: dict[str, Source]) -> str:
    """The id of the article the document quotes; the document must name it and list claims."""
    if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):
        raise ClaimFileError(f"{name}: expected 'source' and a list under 'claims'")
    sid = str(doc.get("source", ""))
    if sid not in sources:
        raise ClaimFileError(f"{name}: unknown source {sid!r}; known: {', '.join(sorted(sources))}")
    return sid


def _claim_id(c: Any, n: int) -> str:
    """The claim's own id, or ``#n`` for the n-th claim of the file when it has none."""
    return str(c.get("id")) if isinstance(c, dict) and c.get("id") else f"#{n}"


def _check_fields(c: Any, cid: str, ids: set[str], where: str) -> None:
    """A mapping of known fields, with a fresh id, the required fields and one object or value."""
    if not isinstance(c, dict):
        raise ClaimFileError(f"{where}: expected a mapping")
    unknown = set(c) - _CLAIM_KEYS
    if unknown:
        raise ClaimFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if cid in ids:
        raise ClaimFileError(f"{where}: duplicate claim id")
    for req in ("subject", "property", "quote"):
        if req not in c:
            raise ClaimFileError(f"{where}: missing {req!r}")
    if ("object" in c) == ("value" in c):
        raise ClaimFileError(
            f"{where}: give exactly one of 'object' (entity or node) and 'value' (literal)"
        )


def _property(c: dict[str, Any], where: str) -> str:
    prop = str(c["property"])
    if not _CURIE.match(prop):
        raise ClaimFileError(f"{where}: property must be a CURIE like kgo:votes, got {prop!r}")
    return prop


def _subject(c: dict[str, Any], where: str) -> Ref:
    subject = _ref(c["subject"], where)
    if isinstance(subject, Lit | Term):
        raise ClaimFileError(f"{where}: subject must be an entity id or a node")
    return subject


def _object(c: dict[str, Any], where: str) -> Value:
    if "object" not in c:
        return _literal(c["value"], where)
    obj = _ref(c["object"], where)
    if isinstance(obj, Lit):
        raise ClaimFileError(
            f"{where}: 'object' is for entities and nodes; use 'value' for a literal"
        )
    return obj


def _evidence(c: dict[str, Any], sid: str, text: str, where: str) -> Span:
    """The span of the claim's quote in the article ``text``."""
    quote = str(c["quote"])
    occ = c.get("occurrence")
    if occ is not None and not isinstance(occ, int):
        raise ClaimFileError(f"{where}: occurrence must be a whole number")
    start = _nth(text, quote, occ, where)
    return Span(sid, start, start + len(quote), quote)


def _claims_of(
    c: dict[str, Any], cid: str, name: str, sid: str, text: str, where: str
) -> list[Claim]:
    """The claim ``c`` (already checked by :func:`_check_fields`), after the key claims of its nodes."""
    prop = _property(c, where)
    subject = _subject(c, where)
    obj = _object(c, where)
    span = _evidence(c, sid, text, where)
    rule = f"curated:{Path(name).name}#{cid}"
    out: list[Claim] = []
    for ref in (subject, obj):
        if isinstance(ref, Node):
            out.extend(key_claims(ref, span, Method.CURATED, rule))
    out.append(
        Claim(
            subject,
            prop,
            obj,
            span,
            Method.CURATED,
            rule,
            approximate=bool(c.get("approximate", False)),
            note=c.get("note"),
            claim_id=f"{Path(name).name}#{cid}",
        )
    )
    return out


def parse_claims_doc(doc: Any, name: str, sources: dict[str, Source]) -> list[Claim]:
    """Claims of one parsed YAML document (``name`` is used in messages)."""
    sid = _source_of(doc, name, sources)
    text = sources[sid].text
    out: list[Claim] = []
    ids: set[str] = set()
    for n, c in enumerate(doc["claims"], 1):
        cid = _claim_id(c, n)
        where = f"{name}, claim {cid}"
        _check_fields(c, cid, ids, where)
        ids.add(cid)
        out.extend(_claims_of(c, cid, name, sid, text, where))
    return out


def load_claims(claims_dir: Path, sources: dict[str, Source]) -> list[Claim]:
    """All curated claims, files in name order."""
    out: list[Claim] = []
    for path in sorted(claims_dir.glob("*.yaml")):
        try:
            doc = load_yaml(path.read_text(encoding="utf-8"))
        except YAMLError as exc:
            raise ClaimFileError(f"{path.name}: not valid YAML ({exc})") from None
        out.extend(parse_claims_doc(doc, path.name, sources))
    return out


__all__ = ["ClaimFileError", "load_claims", "parse_claims_doc"]
