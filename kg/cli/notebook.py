"""`kg notebook run | list | export`: notebooks from the command line.

``run`` executes a notebook in this process on the built dump (plus the user graph, when the
state folder has one) and writes a report, HTML or Markdown. ``export`` writes it as a Jupyter
notebook that queries a running endpoint. A notebook is named by its slug (a shipped notebook
in ``queries/notebooks/``, or a user notebook saved on the server) or by the path of a YAML
file. A problem is printed as one line and the exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.config import Config, NoBuild
from kg.notebooks.model import SLUG, Notebook, NotebookError, load_notebook_file
from kg.state.db import FILENAME as STATE_DB

EXTENSIONS = {"html": ".html", "markdown": ".md"}


class NotebookCliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def add_parser(subparsers: Any) -> None:
    """Register ``kg notebook`` and its actions on the CLI's subparsers."""
    nb = subparsers.add_parser("notebook", help="run, list or export notebooks (queries/notebooks)")
    actions = nb.add_subparsers(dest="notebook_command", required=True, metavar="ACTION")
    run = actions.add_parser("run", help="run a notebook on the built graph and write a report")
    run.add_argument("name", help="a notebook slug (see `kg notebook list`) or a .yaml file")
    run.add_argument("--format", choices=tuple(EXTENSIONS), default="html")
    run.add_argument("--out", "-o", type=Path, help="report file (default: ./NAME.html or .md)")
    run.add_argument(
        "--no-inference", action="store_true", help="every cell on asserted facts only"
    )
    actions.add_parser("list", help="the notebooks there are: shipped, and saved by users")
    ex = actions.add_parser("export", help="write a Jupyter notebook that queries an endpoint")
    ex.add_argument("name", help="a notebook slug or a .yaml file")
    ex.add_argument(
        "--endpoint", required=True, help="the SPARQL endpoint, e.g. http://127.0.0.1:5000/sparql"
    )
    ex.add_argument("--out", "-o", type=Path, help="notebook file (default: ./NAME.ipynb)")


def _shipped_dir(cfg: Config) -> Path:
    return cfg.queries_dir / "notebooks"


def _user_notebook(cfg: Config, slug: str) -> Notebook | None:
    """A notebook saved through the server (its newest revision), if the state folder has it."""
    db = cfg.state_dir / STATE_DB
    if not db.is_file():
        return None
    from kg.notebooks.store import NotebookStore, NotFound
    from kg.state.db import connect

    conn = connect(db.parent)
    try:
        return NotebookStore(conn).get(slug)[0]
    except NotFound:
        return None
    finally:
        conn.close()


def load_named(cfg: Config, name: str) -> tuple[Notebook, str]:
    """The notebook called ``name`` (slug or file) and where it came from."""
    if name.endswith((".yaml", ".yml")) or os.sep in name or "/" in name:
        path = Path(name)
        if not path.is_file():
            raise NotebookCliError(f"no notebook file {name}")
        return load_notebook_file(path), str(path)
    shipped = _shipped_dir(cfg) / f"{name}.yaml"
    if SLUG.fullmatch(name) and shipped.is_file():
        return load_notebook_file(shipped), f"shipped: queries/notebooks/{shipped.name}"
    user = _user_notebook(cfg, name) if SLUG.fullmatch(name) else None
    if user is not None:
        return user, f"user notebook {name!r}"
    raise NotebookCliError(
        f"there is no notebook called {name!r}; `kg notebook list` shows them,"
        " or give the path of a .yaml file"
    )


def cmd_run(cfg: Config, args: argparse.Namespace) -> int:
    from kg.notebooks.execute import run_notebook
    from kg.notebooks.report import ReportMeta, write_report
    from kg.query.pool.jobs import DataId, file_hash
    from kg.query.pool.local import LocalRunner
    from kg.state.db import connect
    from kg.state.runs import RunLog

    nb, source = load_named(cfg, args.name)
    dump = cfg.built_dump()
    if args.no_inference:
        nb = replace(nb, cells=tuple(replace(c, inference=False) for c in nb.cells))
    out: Path = args.out or Path(nb.slug + EXTENSIONS[args.format])
    if not out.parent.is_dir():
        raise NotebookCliError(f"cannot write {out}: there is no folder {out.parent}")
    user_file = cfg.state_dir / "user-graph.nq"
    with tempfile.TemporaryDirectory(prefix="kg-notebook-") as tmp:
        if not user_file.is_file():  # no user graph yet: an empty one
            user_file = Path(tmp) / "user-graph.nq"
            user_file.write_bytes(b"")
        runner = LocalRunner.on_build(cfg.base_iri, dump, user_file)
        results = run_notebook(nb, runner, cfg.queries_dir, cfg.base_iri)
        user_hash = file_hash(user_file)
    data = DataId(file_hash(dump), user_hash)
    conn = connect(cfg.state_dir)
    try:
        run = RunLog(conn).record(
            "notebook", nb.slug, data, tuple(r.part() for r in results if r.cell.kind == "query")
        )
    finally:
        conn.close()
    meta = ReportMeta(
        data.build, run.created, not args.no_inference, user_hash, source, run_id=run.id
    )
    path = write_report(nb, results, args.format, out, meta)
    failed = [r for r in results if r.error]
    for r in failed:
        print(f"  cell {r.index}: {r.error}", file=sys.stderr)
    queries = sum(1 for r in results if r.cell.kind == "query")
    print(f"ran {queries} queries ({len(failed)} failed); wrote {path}", file=sys.stderr)
    print(
        f"recorded as run {run.id} (/runs/{run.id} on a server with this state folder)",
        file=sys.stderr,
    )
    return 1 if failed else 0


def cmd_list(cfg: Config, args: argparse.Namespace) -> int:
    rows: list[tuple[str, str, str]] = []
    for path in sorted(_shipped_dir(cfg).glob("*.yaml")):
        try:
            nb = load_notebook_file(path)
            rows.append((nb.slug, "shipped", nb.title))
        except NotebookError as exc:
            rows.append((path.stem, "shipped", f"(does not load: {exc})"))
    db = cfg.state_dir / STATE_DB
    if db.is_file():
        from kg.notebooks.store import NotebookStore
        from kg.state.db import connect

        conn = connect(db.parent)
        try:
            rows += [(s.slug, f"user r{s.revision}", s.title) for s in NotebookStore(conn).list()]
        finally:
            conn.close()
    width = max((len(r[0]) for r in rows), default=4)
    for slug, kind, title in rows:
        print(f"{slug.ljust(width)}  {kind.ljust(9)}  {title}")
    return 0


def cmd_export(cfg: Config, args: argparse.Namespace) -> int:
    from kg.notebooks.ipynb import to_ipynb

    nb, _ = load_named(cfg, args.name)
    if not args.endpoint.startswith(("http://", "https://")):
        raise NotebookCliError(f"--endpoint must be an http(s) URL, got {args.endpoint!r}")
    doc = to_ipynb(nb, args.endpoint, cfg.queries_dir, cfg.base_iri)
    out: Path = args.out or Path(nb.slug + ".ipynb")
    if not out.parent.is_dir():
        raise NotebookCliError(f"cannot write {out}: there is no folder {out.parent}")
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(doc['cells'])} cells, endpoint {args.endpoint})", file=sys.stderr)
    return 0


ACTIONS = {"run": cmd_run, "list": cmd_list, "export": cmd_export}


def cmd_notebook(cfg: Config, args: argparse.Namespace) -> int:
    """The handler of ``kg notebook``: user errors are one line on stderr and exit status 2."""
    try:
        return ACTIONS[args.notebook_command](cfg, args)
    except (NotebookCliError, NotebookError, NoBuild, OSError) as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
