"""`kg build | add | sources | remove | query | serve | …`: the command line, errors as one line."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from kg.cli import corpus as corpus_cli
from kg.cli import evaluate as evaluate_cli
from kg.cli import notebook as notebook_cli
from kg.cli import review as review_cli
from kg.cli import stats as stats_cli
from kg.cli import wikidata as wikidata_cli
from kg.cli.output import as_csv, as_table
from kg.config import Config, ConfigError, NoBuild, settings_of
from kg.query.store import QueryError, Store, result_json

USAGE_ERRORS: tuple[type[Exception], ...] = (
    ConfigError,
    QueryError,
    FileNotFoundError,
    ValueError,
    RuntimeError,
)


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def _progress(msg: str) -> None:
    print(f"  {msg}", file=sys.stderr, flush=True)


def _open_store(cfg: Config) -> Store:
    path = cfg.out_dir / "store"
    if not path.is_dir():
        raise CliError(f"no built graph in {cfg.out_dir}; run `kg build` first")
    return Store.open_read_only(path, cfg.base_iri)


def _stale(cfg: Config) -> bool:
    """True when there is no build or an input (data, ontology, code) is newer than it."""
    dump = cfg.dump_file
    if not dump.is_file():
        return True
    built = dump.stat().st_mtime
    inputs = (cfg.root / "data", cfg.ontology_dir, Path(__file__).resolve().parent.parent)
    return any(
        p.stat().st_mtime > built for d in inputs if d.is_dir() for p in d.rglob("*") if p.is_file()
    )


def cmd_build(cfg: Config, args: argparse.Namespace) -> int:
    from kg.build import build

    if args.if_stale and not _stale(cfg):
        print(f"the build in {cfg.out_dir} is up to date", file=sys.stderr)
        return 0
    t = time.perf_counter()
    print(f"building the graph from {cfg.root / 'data'} …", file=sys.stderr)
    built = build(cfg, _progress)
    warnings = [p for p in built.problems if not p.fatal and p.stage != "unread"]
    for p in warnings:
        print(f"  note ({p.stage}): {p.message} [{p.where}]", file=sys.stderr)
    unread = [p for p in built.problems if p.stage == "unread"]
    if unread:
        print(
            f"  note: {len(unread)} sentence(s) name a person, party, place or number but gave no"
            " claim; `kg stats --unread` lists them",
            file=sys.stderr,
        )
    build_id = str(built.stats["build_id"])
    print(f"built {build_id[:12]} in {time.perf_counter() - t:.1f} s -> {cfg.out_dir}")
    return 0


def cmd_validate(cfg: Config, args: argparse.Namespace) -> int:
    from kg.build import derive

    built = derive(cfg, _progress)
    print(built.validation.text())
    return 0 if built.validation.conforms else 1


def cmd_query(cfg: Config, args: argparse.Namespace) -> int:
    text = args.query
    path = Path(text)
    if text.endswith(".rq") or (len(text) < 300 and "\n" not in text and path.is_file()):
        if not path.is_file():
            raise CliError(f"query file not found: {text}")
        text = path.read_text(encoding="utf-8")
    res = _open_store(cfg).query(text)
    if res.kind == "graph":
        for t in res.triples:
            print(f"{t} .")
        return 0
    if args.format == "json":
        print(result_json(res))
    elif res.kind == "ask":
        print("true" if res.boolean else "false")
    elif args.format == "csv":
        sys.stdout.write(as_csv(res))
    else:
        print(as_table(res))
    return 0


def cmd_bench(cfg: Config, args: argparse.Namespace) -> int:
    from kg.cli.bench import bench, bench_extraction

    lines = (
        bench_extraction(cfg, args.extraction, args.repeat)
        if args.extraction
        else bench(cfg, args.repeat)
    )
    for line in lines:
        print(line)
    return 0


def _built_store(cfg: Config) -> Store:
    return Store.from_nquads(cfg.built_dump(), base_iri=cfg.base_iri)


def cmd_export(cfg: Config, args: argparse.Namespace) -> int:
    from kg.export import exporters
    from kg.iris import Names

    known = exporters(cfg.wikidata_file)
    exporter = known.get(args.format)
    if exporter is None:
        raise CliError(f"unknown export format {args.format!r}; choose one of {', '.join(known)}")
    data = exporter.run(_built_store(cfg), Names(cfg.base_iri))
    if args.output:
        Path(args.output).write_bytes(data)
        print(f"wrote {len(data)} bytes of {exporter.name} to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_explain(cfg: Config, args: argparse.Namespace) -> int:
    from kg.explain import ExplainError, explain, render_text
    from kg.iris import Names

    try:
        tree = explain(
            _built_store(cfg), Names(cfg.base_iri), args.subject, args.predicate, args.object
        )
    except ExplainError as exc:
        raise CliError(str(exc)) from None
    print(json.dumps(tree, indent=2, ensure_ascii=False) if args.json else render_text(tree))
    return 0


def cmd_serve(cfg: Config, args: argparse.Namespace) -> int:
    import logging

    import waitress

    from kg.web import create_app

    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    logging.getLogger("waitress").setLevel(logging.WARNING)
    app = create_app(config=cfg)
    s = cfg.server
    threads = args.threads or s.workers * 2 + 4
    print(
        f"serving {cfg.out_dir} on http://{s.host}:{s.port}/ ({s.workers} query workers, {threads} threads)",
        file=sys.stderr,
    )
    waitress.serve(app, host=s.host, port=s.port, threads=threads, ident="kg")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kg",
        description="Knowledge graph of Indian state politics, from articles with provenance.",
    )
    # an option whose dest is a setting's name (KG_*) overrides that setting (kg.config.SETTINGS)
    p.add_argument(
        "--root",
        dest="KG_HOME",
        help="project folder holding data/ and ontology/ (default: this checkout, or $KG_HOME)",
    )
    p.add_argument(
        "--base-iri",
        dest="KG_BASE_IRI",
        help="base IRI of the graph (default $KG_BASE_IRI or http://localhost:5000/)",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = sub.add_parser(
        "build", help="build the graph: extract, resolve, reason, validate, store and dump"
    )
    build.add_argument(
        "--if-stale", action="store_true", help="only when missing or older than its inputs"
    )
    q = sub.add_parser("query", help="run SPARQL (text or a .rq file) against the built graph")
    q.add_argument("query", help="SPARQL text, or the path of a .rq file")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sub.add_parser("validate", help="check the graph against the SHACL shapes and print a report")
    st = sub.add_parser("stats", help="triples per graph, claims per method, entities per type")
    st.add_argument("--json", action="store_true")
    st.add_argument("--unread", action="store_true", help="list each source's unread sentences")
    ex = sub.add_parser("export", help="dump the graph: RDF formats, Wikibase RDF, QuickStatements")
    ex.add_argument(
        "--format",
        required=True,
        help="turtle, ntriples, nquads, trig, jsonld, wikibase-rdf, quickstatements",
    )
    ex.add_argument("--output", "-o", help="file to write (default: standard output)")
    xp = sub.add_parser("explain", help="why an inferred triple holds, down to the articles")
    xp.add_argument("subject", help="an IRI or CURIE (kg:kalpana-soren)")
    xp.add_argument("predicate", help="an IRI or CURIE (kgo:fatherInLaw)")
    xp.add_argument("object", help="an IRI, CURIE or a literal in quotes")
    xp.add_argument("--json", action="store_true")
    b = sub.add_parser("bench", help="time the build and compare the rule engine with owlrl")
    b.add_argument("--repeat", type=int, default=5)
    b.add_argument(
        "--extraction",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="time extraction on these annotated articles and score them against the targets",
    )
    sv = sub.add_parser("serve", help="serve the built graph (production WSGI server, waitress)")
    sv.add_argument(
        "--host", dest="KG_HOST", help="address to listen on (default $KG_HOST or 127.0.0.1)"
    )
    sv.add_argument("--port", dest="KG_PORT", help="port to listen on (default $KG_PORT or 5000)")
    sv.add_argument(
        "--workers", dest="KG_WORKERS", help="query worker processes (default $KG_WORKERS or 2)"
    )
    sv.add_argument("--threads", type=int, help="HTTP threads (default 2 per worker + 4)")
    sv.add_argument(
        "--timeout",
        dest="KG_QUERY_TIMEOUT",
        help="query time limit in seconds (default $KG_QUERY_TIMEOUT or 30)",
    )
    corpus_cli.add_parser(sub)
    review_cli.add_parser(sub)
    notebook_cli.add_parser(sub)
    evaluate_cli.add_parser(sub)
    wikidata_cli.add_parser(sub)
    return p


COMMANDS: dict[str, Callable[[Config, argparse.Namespace], int]] = {
    "build": cmd_build,
    "query": cmd_query,
    "validate": cmd_validate,
    "stats": stats_cli.cmd_stats,
    "serve": cmd_serve,
    "bench": cmd_bench,
    "export": cmd_export,
    "explain": cmd_explain,
    "notebook": notebook_cli.cmd_notebook,
    "wikidata": wikidata_cli.cmd_wikidata,
    "eval": evaluate_cli.cmd_eval,
    "add": corpus_cli.cmd_add,
    "sources": corpus_cli.cmd_sources,
    "remove": corpus_cli.cmd_remove,
    "review": review_cli.cmd_review,
}


def config_of(args: argparse.Namespace, env: Mapping[str, str]) -> Config:
    """The settings from the environment, overridden by the options that name one (``dest``)."""
    given = {k: v for k, v in vars(args).items() if k.startswith("KG_") and v is not None}
    return Config.from_settings({**settings_of(env), **given})


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    debug = False
    try:
        cfg = config_of(args, os.environ)
        debug = cfg.debug
        return COMMANDS[args.command](cfg, args)
    except (CliError, NoBuild) as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
    except USAGE_ERRORS as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: no traceback unless asked for
        if debug:
            raise
        print(
            f"kg: internal error: {type(exc).__name__}: {exc} (set KG_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
