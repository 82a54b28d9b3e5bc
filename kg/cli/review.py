"""`kg review ID`: the facts read from one article, and the decisions a reviewer makes on them.

Without an action it lists the article's facts (each with its short id, rule and passage, and
its review if it has one), the recorded decisions and what each did, the entities minted from its
mentions with the closest known ones, and the mentions that fit several entities. With one action
it records a decision in ``data/reviews/<ID>.yaml``; the next `kg build` applies it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kg.config import Config


class ReviewUsage(ValueError):
    """The command line names no valid decision."""


def add_parser(subparsers: Any) -> None:
    r = subparsers.add_parser(
        "review",
        help="list the facts read from an article, or record a decision on one (data/reviews/)",
    )
    r.add_argument("id", help='the source id, as `kg sources` shows it ("003")')
    act = r.add_mutually_exclusive_group()
    act.add_argument("--accept", metavar="FACT", help="the rule's reading is right")
    act.add_argument("--reject", metavar="FACT", help="the fact is wrong: keep it out")
    act.add_argument("--correct", metavar="FACT", help="replace the fact's value (with --to)")
    act.add_argument("--alias", metavar="MENTION", help="a name in the article is --entity")
    act.add_argument("--add", action="store_true", help="add a fact the rules missed")
    r.add_argument(
        "--to",
        metavar="VALUE",
        help="the right value: an entity id, a term (kgo:Won) or TYPE:TEXT (integer:5000)",
    )
    r.add_argument("--entity", metavar="ID", help="for --alias: the entity the mention names")
    r.add_argument("--subject", metavar="ID", help="for --add: an entity or node id")
    r.add_argument("--property", metavar="CURIE", help="for --add: kgo:votes, schema:spouse …")
    r.add_argument("--object", metavar="VALUE", help="for --add: as --to")
    r.add_argument("--quote", help="for --add and --alias: the passage, verbatim")
    r.add_argument("--occurrence", type=int, help="which occurrence of the quote (1 = first)")
    r.add_argument("--why", help="a note on the decision, kept in the file")
    r.add_argument("--reviewer", help="who decides (default: KG_REVIEWER)")


def _decision(args: argparse.Namespace, facts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from kg.build.review.claims import value_text

    def fact(fid: str) -> dict[str, Any]:
        if fid not in facts:
            raise ReviewUsage(
                f"no fact {fid!r} in source {args.id}; `kg review {args.id}` lists them"
            )
        return dict(facts[fid])

    if args.accept or args.reject:
        return {"action": "accept" if args.accept else "reject", **fact(args.accept or args.reject)}
    if args.correct:
        if not args.to:
            raise ReviewUsage("--correct needs --to VALUE, the right value")
        return {"action": "correct", **fact(args.correct), "corrected": value_text(args.to)}
    if args.alias:
        if not args.entity:
            raise ReviewUsage("--alias needs --entity ID, the entity the mention names")
        quote = args.quote or args.alias
        return {"action": "alias", "mention": args.alias, "entity": args.entity, "quote": quote}
    missing = [o for o in ("subject", "property", "object", "quote") if not getattr(args, o)]
    if missing:
        raise ReviewUsage("--add needs " + ", ".join(f"--{m}" for m in missing))
    return {
        "action": "add",
        "subject": args.subject,
        "property": args.property,
        **value_text(args.object),
        "quote": args.quote,
    }


def _list(read: Any, sid: str) -> None:
    from kg.build.candidates import candidates, decisions_of

    facts = candidates(read, sid)
    print(f"source {sid}: {len(facts)} facts")
    for c in facts:
        mark = f"  [{c.review}]" if c.review else ""
        print(f"  {c.fact}  {c.label}{mark}")
        print(f"            {c.method} {c.rule} @{c.start}: {c.quote[:110]!r}")
    decided = decisions_of(read, sid)
    if decided:
        print(f"decisions ({len(decided)}):")
    for d, o in decided:
        what = "applied" if o.applied else "NOT applied"
        print(f"  {d.ref}  {d.action} by {d.reviewer} at {d.at}: {what}, {o.message}")
    for e in read.minted_in(sid):
        near = "; ".join(f"{label} ({eid}, {score:.0f})" for eid, label, score in read.closest(e))
        print(f"  new {e.type} {e.label!r} [{e.id}]" + (f", closest: {near}" if near else ""))
    for line in read.review_lines(sid):
        print(f"  to decide: {line}")


def cmd_review(cfg: Config, args: argparse.Namespace) -> int:
    from kg.build.candidates import candidates
    from kg.build.reading import read_corpus
    from kg.build.review.record import record_decision

    read = read_corpus(cfg, only={args.id})
    if args.id not in {s.id for s in read.sources}:
        raise ReviewUsage(f"no source {args.id!r}; `kg sources` lists them")
    acting = args.accept or args.reject or args.correct or args.alias or args.add
    if not acting:
        _list(read, args.id)
        return 0
    reviewer = args.reviewer or cfg.reviewer
    if not reviewer:
        raise ReviewUsage("say who decides: --reviewer NAME, or set KG_REVIEWER")
    fields = _decision(args, {c.fact: c.fields for c in candidates(read, args.id)})
    if args.occurrence is not None and fields["action"] in ("add", "alias"):
        fields["occurrence"] = args.occurrence
    fields = {**fields, "reviewer": reviewer, **({"why": args.why} if args.why else {})}
    known = read.resolver.entities.keys() | read.resolver.minted.keys()
    sources = {s.id: s for s in read.sources}
    d = record_decision(cfg.reviews_dir, sources, args.id, fields, known.__contains__)
    print(f"recorded {d.action} as {d.ref} in data/reviews/; run `kg build` to apply it")
    print(f"  quote @{d.span.start if d.span else '?'}: {d.quote[:110]!r}", file=sys.stderr)
    return 0


__all__ = ["ReviewUsage", "add_parser", "cmd_review"]
