"""`kg stats`: what the last build holds, source by source, from its ``report.json``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from kg.config import Config, NoBuild


def cmd_stats(cfg: Config, args: argparse.Namespace) -> int:
    report_path = cfg.out_dir / "report.json"
    if not report_path.is_file():
        raise NoBuild(f"no build report in {cfg.out_dir}; run `kg build` first")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if args.json:
        print(
            json.dumps(
                {k: report[k] for k in report if k != "problems"}, indent=2, ensure_ascii=False
            )
        )
        return 0
    print(f"build {report['build_id'][:12]}  base {report['base_iri']}")
    _print_sources(report.get("sources", []), unread=args.unread)
    for title, key in (
        ("triples per graph", "triples_by_graph"),
        ("claims per method", "claims_by_method"),
        ("entities per type", "entities_by_type"),
    ):
        print(f"\n{title}:")
        items = report[key].items()
        width = max(len(k) for k, _ in items)
        for k, v in items:
            print(f"  {k.ljust(width)}  {v:>6}")
        print(f"  {'total'.ljust(width)}  {sum(v for _, v in items):>6}")
    also = report["inferred_also_asserted"]
    print(f"\ninferred: {report['inferred_new']} new facts, {also} asserted facts also inferred")
    return 0


def _print_sources(sources: list[dict[str, Any]], *, unread: bool) -> None:
    """Every source with its claims by method, minted entities and unread sentences (0s shown)."""
    print("\nsources:")
    for s in sources:
        methods = ", ".join(f"{k} {v}" for k, v in s["claims_by_method"].items()) or "nothing read"
        print(
            f"  {s['id']}  {s['kind']:<12} {s['claims']:>5} claims ({methods}); "
            f"{s['minted_entities']} new entities; {len(s['unread_sentences'])} unread sentences"
            f"  {s['title'][:60]}"
        )
        for u in s["unread_sentences"] if unread else ():
            print(f"        @{u['at']}: {u['text'][:150]}")
