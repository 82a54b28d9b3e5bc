"""Gold files: the facts an annotated article states, in the vocabulary of ``tests/corpus/README.md``.

A gold file sits beside its article (``NAME.txt`` and ``NAME.yaml``) and lists facts as subject,
predicate, object, qualifiers and the verbatim evidence, plus traps: things the text seems to say
but does not. :func:`load_gold` checks a file against the vocabulary and its article, so an
annotation mistake is named before anything is scored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.yamlfile import YAMLError, load_yaml

# predicate -> the qualifiers it may carry
PREDICATES: dict[str, tuple[str, ...]] = {
    "birth_date": (),
    "birth_place": (),
    "death_date": ("place",),
    "birth_name": (),
    "nickname": (),
    "spouse": ("date",),
    "father": (),
    "mother": (),
    "child": (),
    "sibling": (),
    "father_in_law": (),
    "mother_in_law": (),
    "son_in_law": (),
    "daughter_in_law": (),
    "brother_in_law": (),
    "sister_in_law": (),
    "relative": ("kind",),
    "number_of_children": (),
    "education": ("degree", "field", "year"),
    "occupation": (),
    "party": ("start", "end"),
    "position": ("start", "end", "ordinal", "constituency", "predecessor", "successor"),
    "candidacy": (
        "constituency",
        "party",
        "votes",
        "vote_share",
        "result",
        "margin",
        "opponent",
    ),
    "seat_tally": ("won", "leading", "as_of"),
    "seats_contested": ("seats",),
    "alliance": ("election",),
    "turnout": ("phase", "constituency"),
    "polling_date": ("phase",),
    "number_of_phases": (),
    "majority_mark": (),
    "number_of_seats": (),
    "party_switch": ("from", "date"),
    "arrest": ("date", "charge"),
    "bail": ("date",),
    "resignation": ("date",),
    "oath": ("date",),
    "founder": ("date", "role"),
    "interview": ("date",),
    "quote": (),
}
KINDS = ("encyclopedia", "news")
FLAGS = ("approx", "votes_bound")


class GoldError(ValueError):
    """A gold file does not follow the format; the message names the file and the fact."""


@dataclass(frozen=True)
class GoldFact:
    s: str
    p: str
    o: str
    q: tuple[tuple[str, str], ...]  # sorted (qualifier, value) pairs
    evidence: str
    start: int  # where the evidence is in the article


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text_file: Path
    text: str
    kind: str
    title: str
    published: str | None
    publisher: str | None
    facts: tuple[GoldFact, ...]
    traps: tuple[GoldFact, ...]


def as_text(value: Any) -> str:
    """A YAML scalar as the text it was written as (``2019-12-23`` stays a string, ``17550`` too)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _fact(entry: Any, text: str, where: str) -> GoldFact:
    if not isinstance(entry, dict):
        raise GoldError(f"{where}: expected a mapping with s, p, o and evidence")
    missing = [k for k in ("s", "p", "o", "evidence") if k not in entry]
    if missing:
        raise GoldError(f"{where}: missing {', '.join(missing)}")
    p = as_text(entry["p"])
    if p not in PREDICATES:
        raise GoldError(f"{where}: unknown predicate {p!r}")
    q = entry.get("q") or {}
    if not isinstance(q, dict):
        raise GoldError(f"{where}: q must be a mapping")
    q = {k: v for k, v in q.items() if k not in FLAGS}  # a flag written among the qualifiers
    unknown = sorted(set(map(str, q)) - set(PREDICATES[p]))
    if unknown:
        raise GoldError(f"{where}: {p} takes no qualifier {', '.join(unknown)}")
    extra = sorted(set(map(str, entry)) - {"s", "p", "o", "q", "evidence", *FLAGS})
    if extra:
        raise GoldError(f"{where}: unknown key {', '.join(extra)}")
    evidence = str(entry["evidence"])
    start = text.find(evidence)
    if not evidence or start < 0:
        raise GoldError(f"{where}: evidence is not in the article: {evidence[:60]!r}")
    return GoldFact(
        s=as_text(entry["s"]),
        p=p,
        o=as_text(entry["o"]),
        q=tuple(sorted((str(k), as_text(v)) for k, v in q.items() if v is not None)),
        evidence=evidence,
        start=start,
    )


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(as_text(value)).isoformat()
    except ValueError:
        raise GoldError(f"{where}: published must be a date YYYY-MM-DD") from None


def load_gold(path: Path) -> GoldArticle:
    """Read ``NAME.yaml`` and its article ``NAME.txt``."""
    text_file = path.with_suffix(".txt")
    if not text_file.is_file():
        raise GoldError(f"{path}: no article {text_file.name} beside it")
    try:
        text = text_file.read_bytes().decode("utf-8")
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise GoldError(f"{path}: the article or the gold file is not UTF-8") from None
    except YAMLError as exc:
        raise GoldError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(doc, dict):
        raise GoldError(f"{path}: expected a mapping with kind, title and facts")
    kind = doc.get("kind")
    if kind not in KINDS:
        raise GoldError(f"{path}: kind must be one of {', '.join(KINDS)}")
    facts = [
        _fact(f, text, f"{path.name} fact {n}") for n, f in enumerate(doc.get("facts") or [], 1)
    ]
    traps = [
        _fact(f, text, f"{path.name} trap {n}") for n, f in enumerate(doc.get("traps") or [], 1)
    ]
    return GoldArticle(
        name=path.stem,
        text_file=text_file,
        text=text,
        kind=str(kind),
        title=as_text(doc.get("title") or path.stem),
        published=_date(doc.get("published"), str(path)),
        publisher=as_text(doc["publisher"]) if doc.get("publisher") else None,
        facts=tuple(facts),
        traps=tuple(traps),
    )


def gold_files(paths: list[Path]) -> list[Path]:
    """The gold files named, or found in the folders named (sorted, recursively)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(p.rglob("*.yaml"))
        elif p.suffix == ".txt":
            out.append(p.with_suffix(".yaml"))
        else:
            out.append(p)
    out = list(dict.fromkeys(p.resolve() for p in out))  # an article and its gold file once
    missing = [p for p in out if not p.is_file()]
    if missing:
        raise GoldError(f"no gold file {missing[0]}")
    if not out:
        raise GoldError("no gold files found in " + ", ".join(map(str, paths)))
    return out
