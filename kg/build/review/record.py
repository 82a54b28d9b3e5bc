"""Write one review decision into ``data/reviews/<source id>.yaml``, for ``kg review`` and the
source page.

The decision is checked before anything is written: the whole file, with the new decision at its
end, must read back as valid decisions; the quote must be in the article; every entity it names
must be known. A lock serialises writers (two reviewers, or the web and the command line), and
the file is replaced through a temporary file and a rename, keeping its comments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from filelock import FileLock
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RoundTripError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kg.build.review.apply import unknown_entities
from kg.build.review.claims import ReviewFileError
from kg.build.review.decisions import ACTIONS, Decision, parse_reviews
from kg.model import Source
from kg.yamlfile import dump_round_trip, load_yaml, round_trip, write_atomic

# the order fields are written in, so that files read alike
ORDER = (
    "id",
    "action",
    "reviewer",
    "at",
    "why",
    "mention",
    "entity",
    "subject",
    "property",
    "object",
    "value",
    "corrected",
    "quote",
    "occurrence",
    "note",
    "approximate",
)
HEADER = (
    "Review decisions on article {sid}: each names its action, the reviewer, the time and the\n"
    "verbatim quote it rests on (data/reviews/README.md says how to write one).\n"
)


def occurrence_at(text: str, quote: str, start: int) -> int | None:
    """Which occurrence of ``quote`` in ``text`` starts at ``start`` (1-based), or None when the
    quote occurs only once there (then no occurrence need be written)."""
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if start not in starts:
        raise ReviewFileError(f"the quote is not at offset {start} of the article")
    return None if len(starts) == 1 else starts.index(start) + 1


def now() -> str:
    """The time of a decision: now, in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _load(path: Path, sid: str) -> CommentedMap:
    if not path.exists():
        doc = CommentedMap()
        doc["source"] = DoubleQuotedScalarString(sid)
        doc["decisions"] = CommentedSeq()
        doc.yaml_set_start_comment(HEADER.format(sid=sid))
        return doc
    try:
        doc = round_trip().load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, RoundTripError) as exc:
        raise ReviewFileError(f"{path.name}: cannot read ({exc}); fix it by hand first") from None
    if not isinstance(doc, CommentedMap) or not isinstance(doc.get("decisions"), CommentedSeq):
        raise ReviewFileError(f"{path.name}: expected 'source' and a list under 'decisions'")
    return doc


def _next_id(doc: CommentedMap) -> str:
    ids = {str(d.get("id")) for d in doc["decisions"] if isinstance(d, dict)}
    n = len(ids) + 1
    while f"r{n}" in ids:
        n += 1
    return f"r{n}"


def _entry(fields: Mapping[str, Any], did: str) -> CommentedMap:
    unknown = set(fields) - set(ORDER)
    if unknown:
        raise ReviewFileError(f"unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    if fields.get("action") not in ACTIONS:
        raise ReviewFileError(f"'action' must be one of {', '.join(ACTIONS)}")
    m = CommentedMap()
    for key in ORDER:
        if key == "id":
            m["id"] = did
        elif fields.get(key) is not None:
            m[key] = _flow(fields[key])
    return m


def _flow(v: Any) -> Any:
    """Nested values (``{integer: 5000}``, ``{node: …, key: [...]}``) on one line, as people
    write them."""
    if isinstance(v, dict):
        m = CommentedMap((k, _flow(x)) for k, x in v.items())
        m.fa.set_flow_style()
        return m
    if isinstance(v, list):
        s = CommentedSeq(_flow(x) for x in v)
        s.fa.set_flow_style()
        return s
    return v


def record_decision(
    reviews_dir: Path,
    sources: Mapping[str, Source],
    sid: str,
    fields: Mapping[str, Any],
    known: Callable[[str], bool],
) -> Decision:
    """Check the decision ``fields`` (as a review file writes them; ``at`` defaults to now) on
    source ``sid`` and append it to its file. Returns it, as the build will read it. Raises
    :class:`ReviewFileError` naming the fault, with nothing written."""
    if sid not in sources:
        raise ReviewFileError(f"no source {sid!r}; `kg sources` lists them")
    fields = {"at": now(), **fields}
    reviews_dir.mkdir(parents=True, exist_ok=True)
    path = reviews_dir / f"{sid}.yaml"
    with FileLock(str(reviews_dir / ".reviews.lock"), timeout=30):
        doc = _load(path, sid)
        did = str(fields.get("id") or _next_id(doc))
        doc["decisions"].append(_entry(fields, did))
        data = dump_round_trip(doc)
        try:
            parsed = parse_reviews(load_yaml(data.decode("utf-8")), path.name, dict(sources))
        except ReviewFileError as exc:
            raise ReviewFileError(str(exc).replace(f"{path.name}, ", "", 1)) from None
        new = parsed[-1]
        if new.span is None:
            raise ReviewFileError(f"decision {did}: {new.gone}: {new.quote!r}")
        bad = unknown_entities([new], known)
        if bad:
            raise ReviewFileError(bad[0].message)
        write_atomic(path, data)
    return new


__all__ = ["now", "occurrence_at", "record_decision"]
