"""Add articles to the corpus and take them out again: the files in ``data/sources/`` and their
entries in ``sources.yaml``.

An added article is copied as ``<id>_<first 16 hex digits of its SHA-256>.txt`` and gets the next
free id, a quoted string (``"003"``). Its entry records the SHA-256, so a build refuses the file
if it ever changes. ``sources.yaml`` is rewritten with ruamel.yaml, which keeps its comments and
layout, through a temporary file and a rename; a lock file serialises concurrent ``kg add`` runs,
so two of them never get the same id. Every check runs before anything is written: a refusal
leaves the corpus as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RoundTripError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kg.build.guess import Guess, guess
from kg.build.sources import KINDS, URL
from kg.yamlfile import YAMLError, dump_round_trip, load_yaml, round_trip, write_atomic

INDEX = "sources.yaml"


class CorpusError(ValueError):
    """An article cannot be added or removed; the message says why, and nothing was written."""


@dataclass(frozen=True)
class Given:
    """What the researcher said of an article on the command line; None: guess it."""

    kind: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class NewArticle:
    """An article checked and ready to be recorded."""

    path: Path
    data: bytes
    sha256: str
    kind: str
    title: str
    title_from_text: bool
    published: str | None
    publisher: str | None
    url: str | None
    guessed: Guess


def read_article(path: Path) -> tuple[bytes, str]:
    """The bytes and text of an article file, refusing what cannot be an article."""
    if not path.is_file():
        raise CorpusError(f"{path}: no such file")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x}); "
            "save it as UTF-8 and add it again"
        ) from None
    if not text.strip():
        raise CorpusError(f"{path}: the file is empty")
    if "\x00" in text:
        raise CorpusError(f"{path}: the file holds NUL characters; it is not a text article")
    return data, text


def _date(value: str, what: str) -> str:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise CorpusError(f"{what} must be a date YYYY-MM-DD, got {value!r}") from None
    if day > dt.date.today():
        raise CorpusError(f"{what} {value} is in the future")
    return day.isoformat()


def prepare(path: Path, given: Given) -> NewArticle:
    """Check one file and decide its entry: what was given wins over what the text suggests."""
    data, text = read_article(path)
    g = guess(text)
    if given.kind is not None and given.kind not in KINDS:
        raise CorpusError(f"--kind must be one of {', '.join(KINDS)}, got {given.kind!r}")
    if given.url is not None and not URL.match(given.url):
        raise CorpusError(f"--url must be an http(s) address, got {given.url!r}")
    if given.title is not None and not given.title.strip():
        raise CorpusError("--title is empty")
    published = _date(given.published, "--published") if given.published else g.published
    return NewArticle(
        path=path,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        kind=given.kind or g.kind,
        title=given.title.strip() if given.title else g.title,
        title_from_text=g.title_from_text if given.title is None else True,
        published=published,
        publisher=given.publisher,
        url=given.url,
        guessed=g,
    )


@contextmanager
def _locked(sources_dir: Path) -> Iterator[None]:
    with FileLock(str(sources_dir / ".sources.lock"), timeout=60):
        yield


def _load(index: Path) -> Any:
    try:
        doc = round_trip().load(index.read_text(encoding="utf-8"))
    except (OSError, RoundTripError) as exc:
        raise CorpusError(f"{index}: cannot read ({exc})") from None
    if not isinstance(doc, CommentedMap) or not isinstance(doc.get("sources"), CommentedSeq):
        raise CorpusError(f"{index}: expected a list under 'sources'")
    return doc


def next_id(ids: list[str]) -> str:
    """One more than the largest numeric id, zero-padded like the seeds ("000" → "003")."""
    numbers = [int(i) for i in ids if re.fullmatch(r"\d+", i)]
    n = max(numbers) + 1 if numbers else 0
    return f"{n:0{max(3, len(str(n)))}d}"


def _entry(a: NewArticle, sid: str, file: str, today: str) -> CommentedMap:
    e = CommentedMap()
    e["id"] = DoubleQuotedScalarString(sid)
    e["file"] = file
    e["sha256"] = a.sha256
    e["kind"] = a.kind
    e["title"] = a.title
    if not a.title_from_text:
        e["title_from_text"] = False
    if a.published:
        e["published"] = dt.date.fromisoformat(a.published)
    if a.publisher:
        e["publisher"] = a.publisher
    if a.url:
        e["url"] = a.url
    e["retrieved"] = dt.date.fromisoformat(today)
    return e


def _refuse_known(entries: list[Any], articles: list[NewArticle]) -> None:
    known = {str(e.get("sha256")): str(e.get("id")) for e in entries if isinstance(e, dict)}
    seen: dict[str, Path] = {}
    for a in articles:
        if a.sha256 in known:
            raise CorpusError(f"{a.path}: already in the corpus as source {known[a.sha256]}")
        if a.sha256 in seen:
            raise CorpusError(f"{a.path}: the same text as {seen[a.sha256]}, given twice")
        seen[a.sha256] = a.path


def check_new(sources_dir: Path, articles: list[NewArticle]) -> None:
    """Refuse, before anything is said or written, an article the corpus already holds."""
    _refuse_known(list(_load(sources_dir / INDEX)["sources"]), articles)


def add_articles(
    sources_dir: Path, articles: list[NewArticle], today: str | None = None
) -> list[tuple[str, NewArticle]]:
    """Record ``articles`` (all or none), returning each one's new id."""
    index = sources_dir / INDEX
    today = today or dt.date.today().isoformat()
    with _locked(sources_dir):
        doc = _load(index)
        entries = doc["sources"]
        _refuse_known(list(entries), articles)
        ids = [str(e.get("id")) for e in entries if isinstance(e, dict)]
        written: list[Path] = []
        added: list[tuple[str, NewArticle]] = []
        try:
            for a in articles:
                sid = next_id(ids)
                ids.append(sid)
                file = f"{sid}_{a.sha256[:16]}.txt"
                write_atomic(sources_dir / file, a.data)
                written.append(sources_dir / file)
                entries.append(_entry(a, sid, file, today))
                added.append((sid, a))
            write_atomic(index, dump_round_trip(doc))
        except BaseException:
            for p in written:
                p.unlink(missing_ok=True)
            raise
    return added


def remove_article(sources_dir: Path, sid: str, reviews_dir: Path) -> str:
    """Take source ``sid`` out of the corpus; returns its title. Refuses while review decisions
    (``data/reviews/<sid>.yaml``) are recorded on it, so no one's work is dropped silently."""
    index = sources_dir / INDEX
    with _locked(sources_dir):
        doc = _load(index)
        entries = doc["sources"]
        at = next(
            (i for i, e in enumerate(entries) if isinstance(e, dict) and str(e.get("id")) == sid),
            None,
        )
        if at is None:
            raise CorpusError(f"no source with id {sid!r}; `kg sources` lists them")
        if len(entries) == 1:
            raise CorpusError(f"source {sid} is the only article: the corpus would be empty")
        citing = _citing(reviews_dir, sid)
        if citing:
            raise CorpusError(
                f"source {sid} has review decisions in {', '.join(citing)}; move or delete that "
                "file first"
            )
        entry = entries[at]
        del entries[at]
        write_atomic(index, dump_round_trip(doc))
        (sources_dir / str(entry.get("file"))).unlink(missing_ok=True)
    return str(entry.get("title"))


def _citing(reviews_dir: Path, sid: str) -> list[str]:
    """The review files of source ``sid`` (``source: "001"`` at their top)."""
    out = []
    for path in sorted(reviews_dir.glob("*.yaml")) if reviews_dir.is_dir() else []:
        try:
            doc = load_yaml(path.read_text(encoding="utf-8"))
        except YAMLError:
            doc = None  # a broken file still holds someone's work: named by its name
        if path.stem == sid or (isinstance(doc, dict) and str(doc.get("source")) == sid):
            out.append(f"{reviews_dir.parent.name}/{reviews_dir.name}/{path.name}")
    return out
