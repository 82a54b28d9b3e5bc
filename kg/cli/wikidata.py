"""`kg wikidata missing | set`: the Q-id mapping (``data/wikidata.yaml``) from the command line.

QuickStatements V1 can only name an item that already has a Q-id, or the one it has just created
(``LAST``). A statement whose value is another new item therefore waits for a second pass:

1. ``kg export --format quickstatements`` creates the items without a Q-id (and says on standard
   error how many statements it had to leave out);
2. after QuickStatements has run it, ``kg wikidata missing`` lists the entities whose Q-ids those
   statements wait for, and ``kg wikidata set ENTITY QID …`` records each new Q-id;
3. the same export again addresses those entities by Q-id and writes what was left out.

``set`` is for ids checked on wikidata.org (the new items of step 1, or existing items found
there); the mapping is the project's claim that our entity is that item. A problem is printed as
one line and the exit status is 2; the mapping file is left as it was.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from typing import Any

from kg.build.resolve import EntityError, load_entities
from kg.config import Config, NoBuild
from kg.export.wikidata.mapping import MappingError, load_mapping
from kg.export.wikidata.mapping_file import record_qids


class WikidataCliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def add_parser(subparsers: Any) -> None:
    """Register ``kg wikidata`` and its actions on the CLI's subparsers."""
    wd = subparsers.add_parser(
        "wikidata", help="the Q-id mapping of the Wikidata exports (data/wikidata.yaml)"
    )
    actions = wd.add_subparsers(dest="wikidata_command", required=True, metavar="ACTION")
    actions.add_parser(
        "missing",
        help="entities exported as new items, and the QuickStatements lines waiting for their Q-id",
    )
    st = actions.add_parser("set", help="record checked Q-ids: ENTITY QID [ENTITY QID ...]")
    st.add_argument("pairs", nargs="+", metavar="ENTITY QID", help="an entity id and its Q-id")
    st.add_argument("--replace", action="store_true", help="allow changing a Q-id already recorded")
    st.add_argument(
        "--note", help="a comment written above the new lines: where the ids were checked"
    )


def cmd_set(cfg: Config, args: argparse.Namespace) -> int:
    if len(args.pairs) % 2:
        raise WikidataCliError(f"give pairs of ENTITY QID; {args.pairs[-1]!r} has no Q-id after it")
    pairs = dict(zip(args.pairs[::2], args.pairs[1::2], strict=True))
    if len(pairs) * 2 != len(args.pairs):
        raise WikidataCliError("an entity is given twice")
    if args.note and "\n" in args.note:
        raise WikidataCliError("--note must be one line")
    known = {e.id for e in load_entities(cfg.entities_file)}
    path = cfg.wikidata_file
    changed = record_qids(path, pairs, known, replace=args.replace, note=args.note)
    for eid, qid in pairs.items():
        if eid not in changed:
            print(f"{eid}: {qid} already recorded", file=sys.stderr)
        elif changed[eid]:
            print(f"{eid}: {changed[eid]} -> {qid}", file=sys.stderr)
        else:
            print(f"{eid}: {qid}", file=sys.stderr)
    print(f"{path}: {len(changed)} changed", file=sys.stderr)
    return 0


def cmd_missing(cfg: Config, args: argparse.Namespace) -> int:
    from kg.export.wikidata.statements import view
    from kg.export.wikidata.writers.quickstatements import render
    from kg.iris import Names
    from kg.query.store import Store

    store = Store.from_nquads(cfg.built_dump(), base_iri=cfg.base_iri)
    v = view(store, Names(cfg.base_iri), load_mapping(cfg.wikidata_file))
    qs = render(v)
    waiting: dict[str, list[str]] = defaultdict(list)
    for x in qs.left_out:
        subject = v.items[x.claim.subject].id
        if x.qualifier is None:
            waiting[x.claim.value.value].append(f"{subject} {x.claim.pid}")
        else:
            waiting[x.qualifier[1].value].append(
                f"{subject} {x.claim.pid} (qualifier {x.qualifier[0]})"
            )
    new = sorted((it for it in v.items.values() if it.qid is None), key=lambda it: it.id)
    width = max((len(it.id) for it in new), default=6)
    print(f"{'ENTITY'.ljust(width)}  WAITING  LABEL / LINES WAITING FOR ITS Q-ID")
    for it in new:
        lines = waiting.get(it.iri, [])
        print(f"{it.id.ljust(width)}  {len(lines):7d}  {it.label}")
        for line in lines:
            print(f"{''.ljust(width)}           {line}")
    whole = sum(1 for x in qs.left_out if x.qualifier is None)
    print(
        f"{len(new)} entities have no Q-id and are created as new items; "
        f"{whole} statements and {len(qs.left_out) - whole} qualifiers wait for the Q-ids of "
        f"{len(waiting)} of them (record them with `kg wikidata set ENTITY QID`)."
    )
    return 0


ACTIONS = {"set": cmd_set, "missing": cmd_missing}


def cmd_wikidata(cfg: Config, args: argparse.Namespace) -> int:
    """The handler of ``kg wikidata``: user errors are one line on stderr and exit status 2."""
    try:
        return ACTIONS[args.wikidata_command](cfg, args)
    except (WikidataCliError, MappingError, EntityError, NoBuild, OSError) as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
