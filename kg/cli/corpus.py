"""`kg add FILE…`, `kg sources`, `kg remove ID`: the researcher's corpus, one article at a time."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.config import Config


def add_parser(subparsers: Any) -> None:
    a = subparsers.add_parser(
        "add",
        help="add articles to the corpus: copy, record, and show what extraction reads from them",
    )
    a.add_argument("files", nargs="+", type=Path, metavar="FILE", help="UTF-8 text files")
    a.add_argument("--kind", choices=("encyclopedia", "news"), help="default: guessed")
    a.add_argument("--title", help="default: the article's heading or headline")
    a.add_argument("--published", metavar="YYYY-MM-DD", help="default: the dateline, if any")
    a.add_argument("--publisher", help="the publisher, where the article names it")
    a.add_argument("--url", help="where the article was read (exported as P854, schema:url)")
    s = subparsers.add_parser(
        "sources", help="every article with its claims, new entities and open review items"
    )
    s.add_argument("--unread", action="store_true", help="also list the unread sentences")
    r = subparsers.add_parser("remove", help="take an article out of the corpus again")
    r.add_argument("id", help='the source id, as `kg sources` shows it ("003")')


def _say_guess(path: Path, a: Any, given: Any) -> None:
    g = a.guessed
    lines = [f"{path}:"]
    lines.append(f"  kind       {a.kind}" + ("" if given.kind else f"  (guessed: {g.kind_why})"))
    own = "" if a.title_from_text else " [not the article's own]"
    why = "" if given.title else f"  (guessed: {g.title_why})"
    lines.append(f"  title      {a.title}{own}{why}")
    if a.kind == "news" or given.published:
        why = "" if given.published else f"  ({g.published_why})"
        lines.append(f"  published  {a.published or '—'}{why}")
    for name in ("publisher", "url"):
        if getattr(a, name):
            lines.append(f"  {name:<10} {getattr(a, name)}")
    print("\n".join(lines), file=sys.stderr)


def _print_report(r: Any, *, unread: bool) -> None:
    methods = ", ".join(f"{m} {n}" for m, n in r.by_method) or "nothing read"
    print(
        f"{r.id}  {r.kind:<12} {r.claims:>5} claims ({methods}); {len(r.minted)} new entities; "
        f"{len(r.review)} to review; {len(r.unread)} unread sentences  {r.title[:60]}"
    )
    for note in r.notes:
        print(f"      note: {note}")
    for m in r.minted if unread else ():
        near = "; ".join(f"{label} ({eid}, {score:.0f})" for eid, label, score in m.closest)
        print(f"      new {m.type} {m.label!r} [{m.id}]" + (f", closest: {near}" if near else ""))
    for line in r.review if unread else ():
        print(f"      review: {line}")
    for at, text in r.unread if unread else ():
        print(f"      unread @{at}: {text[:150]}")


def cmd_add(cfg: Config, args: argparse.Namespace) -> int:
    from kg.build.corpus import Given, add_articles, check_new, prepare
    from kg.build.preview import article_reports

    given = Given(args.kind, args.title, args.published, args.publisher, args.url)
    if len(args.files) > 1 and args.title:
        raise ValueError("--title names one article: add the files one at a time")
    ready = [prepare(path, given) for path in args.files]
    check_new(cfg.sources_dir, ready)
    for path, a in zip(args.files, ready, strict=True):
        _say_guess(path, a, given)
    added = add_articles(cfg.sources_dir, ready)
    for sid, a in added:
        print(f"added source {sid} ({a.kind}): data/sources/{sid}_{a.sha256[:16]}.txt")
    for r in article_reports(cfg, [sid for sid, _ in added]):
        _print_report(r, unread=True)
    print("run `kg build` to put them in the graph", file=sys.stderr)
    return 0


def cmd_sources(cfg: Config, args: argparse.Namespace) -> int:
    from kg.build.preview import article_reports

    reports = article_reports(cfg)
    for r in reports:
        _print_report(r, unread=args.unread)
    total = sum(r.claims for r in reports)
    print(f"({len(reports)} sources, {total} claims)")
    return 0


def cmd_remove(cfg: Config, args: argparse.Namespace) -> int:
    from kg.build.corpus import remove_article

    title = remove_article(cfg.sources_dir, args.id, cfg.reviews_dir)
    print(f"removed source {args.id} ({title}); run `kg build` to take it out of the graph")
    return 0
