"""What a build would read from each article, without reasoning, validating or writing anything.

``kg add`` prints this for the articles it has just added, and ``kg sources`` for every article:
the claims by method (hand-written claims included), the entities minted from unresolved
mentions with the known entities closest to each, the mentions left for review, and the
sentences that name something but gave no claim. It runs the same stages as the build
(:func:`kg.build.reading.read_corpus`), so the counts are the ones the next build will have.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.build.reading import Read, read_corpus
from kg.config import Config


@dataclass(frozen=True)
class Minted:
    id: str
    label: str
    type: str
    closest: tuple[tuple[str, str, float], ...]  # (id, label, score 0–100) of known entities


@dataclass(frozen=True)
class ArticleReport:
    id: str
    title: str
    kind: str
    claims: int
    by_method: tuple[tuple[str, int], ...]
    minted: tuple[Minted, ...]
    review: tuple[str, ...]  # one line per mention a person must decide
    unread: tuple[tuple[int, str], ...]  # (offset, sentence)
    notes: tuple[str, ...] = ()  # what extraction says of the article as a whole


def _report(read: Read, sid: str) -> ArticleReport:
    source = next(s for s in read.sources if s.id == sid)
    methods = Counter(c.method.value for c in read.claims if c.evidence.source == sid)
    minted = tuple(Minted(e.id, e.label, e.type, read.closest(e)) for e in read.minted_in(sid))
    unread = tuple(
        (int(p.where.partition("@")[2] or 0), p.message)
        for p in read.problems
        if p.stage == "unread" and p.where.partition("@")[0] == sid
    )
    return ArticleReport(
        id=sid,
        title=source.title,
        kind=source.kind,
        claims=sum(methods.values()),
        by_method=tuple(sorted(methods.items())),
        minted=minted,
        review=read.review_lines(sid),
        unread=unread,
        notes=tuple(p.message for p in read.problems if p.stage == "extract" and p.where == sid),
    )


def article_reports(cfg: Config, ids: list[str] | None = None) -> list[ArticleReport]:
    """The report of each article (of ``ids`` only, when given), in corpus order."""
    read = read_corpus(cfg, only=set(ids) if ids is not None else None)
    wanted = [s.id for s in read.sources if ids is None or s.id in ids]
    return [_report(read, sid) for sid in wanted]
