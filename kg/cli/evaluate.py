"""`kg eval PATH…`: precision and recall of the extractor on annotated articles (gold files)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kg.config import Config


def add_parser(subparsers: Any) -> None:
    ev = subparsers.add_parser(
        "eval",
        help="build annotated articles in a scratch folder and score them against their gold facts",
    )
    ev.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="gold files, articles or folders of them",
    )
    ev.add_argument("--json", action="store_true", help="print the whole score as JSON")
    ev.add_argument("--summary", action="store_true", help="only the tables, not each miss")


def cmd_eval(cfg: Config, args: argparse.Namespace) -> int:
    from kg.eval import evaluate, load_articles
    from kg.eval.report import as_json, as_text

    articles = load_articles(list(args.paths))
    print(f"scoring {len(articles)} article(s) …", file=sys.stderr)
    score, _found = evaluate(cfg, articles)
    if args.json:
        print(json.dumps(as_json(score), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(as_text(score, details=not args.summary))
    return 0
