"""Query notebooks on the web: list, open, run, edit, save with revisions, download as .ipynb.

The shipped notebooks (``queries/notebooks/*.yaml``) are read-only; user notebooks live in the
state database with every save a revision (:mod:`kg.notebooks.store`). Changing a user notebook
takes the bearer token the SPARQL endpoint's updates take (``KG_UPDATE_TOKEN``). The views parse
the request, make one call into :mod:`kg.notebooks` and map its errors to 4xx answers whose
message names the problem.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from flask.blueprints import BlueprintSetupState

from kg.notebooks.execute import run_notebook
from kg.notebooks.ipynb import to_ipynb
from kg.notebooks.library import Library, Opened
from kg.notebooks.model import Notebook, NotebookError, notebook_from_dict
from kg.notebooks.present import markdown_cells, run_json, saved_query_json
from kg.notebooks.store import Conflict, NotebookStore, NotFound
from kg.query.saved import SavedQueryError, load_saved_queries
from kg.state.db import connect
from kg.web.auth import authorise
from kg.web.http import text_response, wants_json
from kg.web.protocol import ProtocolError
from kg.web.workbench import Workbench, workbench

bp = Blueprint("notebooks", __name__)
_KEY = "kg_notebooks"
MAX_MESSAGE = 2000


class Problem(Exception):
    """A request this module refuses, with the HTTP status that fits."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@bp.record_once
def _open_library(state: BlueprintSetupState) -> None:
    app = state.app
    wb: Workbench = app.extensions["kg_workbench"]
    shipped = wb.queries_dir / "notebooks"
    app.extensions[_KEY] = Library(shipped, NotebookStore(connect(wb.state_dir), shipped))


def library() -> Library:
    lib: Library = current_app.extensions[_KEY]
    return lib


@bp.errorhandler(Problem)
@bp.errorhandler(ProtocolError)
@bp.errorhandler(NotFound)
@bp.errorhandler(Conflict)
@bp.errorhandler(NotebookError)
def _problem(exc: Exception) -> Response:
    status = _status(exc)
    headers = exc.headers if isinstance(exc, ProtocolError) else {}
    message = str(exc)
    if request.endpoint in ("notebooks.index", "notebooks.notebook") and not _wants_data():
        return text_response(status, message, headers)
    res = jsonify({"error": message})
    res.status_code = status
    res.headers.update(headers)
    return res


def _status(exc: Exception) -> int:
    if isinstance(exc, (Problem, ProtocolError)):
        return exc.status
    if isinstance(exc, NotFound):
        return 404
    return 409 if isinstance(exc, Conflict) else 400


def _wants_data() -> bool:
    return request.path.endswith(".ipynb") or wants_json()


def _revision_arg() -> int | None:
    raw = request.args.get("revision")
    if raw is None or raw == "":
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise Problem(400, f"revision must be a positive whole number, got {raw!r}")
    return int(raw)


def _body() -> Any:
    """The request body as JSON; None when there is none."""
    data = request.get_data(cache=True)
    if not data.strip():
        return None
    try:
        return json.loads(data)
    except (UnicodeDecodeError, ValueError) as exc:
        raise Problem(400, f"the request body is not valid JSON: {exc}") from None


def _notebook(raw: Any, slug: str) -> Notebook:
    if isinstance(raw, dict) and raw.get("slug") not in (None, slug):
        raise Problem(
            400, f"the notebook's slug {raw['slug']!r} is not the slug in the URL ({slug!r})"
        )
    return notebook_from_dict(raw, slug=slug)


def _message(raw: dict[str, Any]) -> str:
    message = raw.get("message", "")
    if not isinstance(message, str) or len(message) > MAX_MESSAGE:
        raise Problem(400, f"message must be text of at most {MAX_MESSAGE} characters")
    return message.strip()


@bp.get("/notebooks")
@bp.get("/notebooks.json")
def index() -> Response | str:
    entries = library().entries()
    if wants_json():
        return jsonify({"notebooks": [e.to_dict() for e in entries]})
    return render_template("notebooks.html", entries=entries)


@bp.get("/notebooks/<name>")
def notebook(name: str) -> Response | str:
    if name.endswith(".json"):
        opened = library().open(name[: -len(".json")], _revision_arg())
        return jsonify(opened.to_dict())
    if name.endswith(".ipynb"):
        return _ipynb(name[: -len(".ipynb")])
    if _wants_data():
        return jsonify(library().open(name, _revision_arg()).to_dict())
    opened = library().open(name, _revision_arg())
    return render_template("notebook.html", nb=opened.notebook, data=_page_data(opened))


def _page_data(opened: Opened) -> dict[str, Any]:
    wb = workbench()
    try:
        saved = [saved_query_json(q) for q in load_saved_queries(wb.queries_dir)]
    except SavedQueryError:
        saved = []
    root = request.script_root
    return {
        "notebook": opened.to_dict(),
        "html": markdown_cells(opened.notebook),
        "saved_queries": saved,
        "root": root,
        "base": wb.ep.cfg.base_iri,
        "views": ["table", "bar", "line", "timeline"],
    }


def _ipynb(slug: str) -> Response:
    opened = library().open(slug, _revision_arg())
    endpoint = request.args.get("endpoint") or (
        request.host_url.rstrip("/") + request.script_root + "/sparql"
    )
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Problem(400, f"endpoint must be an http or https URL, got {endpoint!r}")
    wb = workbench()
    doc = to_ipynb(opened.notebook, endpoint, wb.queries_dir, wb.ep.cfg.base_iri)
    return Response(
        json.dumps(doc, indent=1, ensure_ascii=False) + "\n",
        mimetype="application/x-ipynb+json",
        headers={"Content-Disposition": f'attachment; filename="{slug}.ipynb"'},
    )


@bp.post("/notebooks/<slug>/run")
def run(slug: str) -> Response:
    raw = _body()
    nb, revision = library().to_run(slug, None if raw is None else _notebook(raw, slug))
    wb = workbench()
    results = run_notebook(nb, wb.runner(), wb.queries_dir, wb.ep.cfg.base_iri)
    parts = tuple(r.part() for r in results if r.cell.kind == "query")
    record = wb.runs.record("notebook", slug, wb.data_id(), parts, revision)
    return jsonify(run_json(slug, revision, record, results, request.script_root))


@bp.put("/notebooks/<slug>")
def save(slug: str) -> tuple[Response, int]:
    authorise(workbench().ep)
    raw = _body()
    if not isinstance(raw, dict) or not isinstance(raw.get("notebook"), dict):
        raise Problem(
            400,
            'the body must be a JSON object {"notebook": {...}, "base_revision": N or null,'
            ' "message": "..."}',
        )
    base = raw.get("base_revision")
    if base is not None and (not isinstance(base, int) or isinstance(base, bool) or base < 1):
        raise Problem(400, f"base_revision must be a revision number or null, got {base!r}")
    nb = _notebook(raw["notebook"], slug)
    rev = library().store.save(nb, _message(raw), base)
    res = jsonify({"slug": slug, "revision": rev.number, "saved": rev.saved})
    res.headers["Location"] = f"{request.script_root}/notebooks/{slug}"
    return res, 201 if rev.number == 1 else 200


@bp.get("/notebooks/<slug>/history")
def history(slug: str) -> Response:
    source, revisions = library().history(slug)
    return jsonify({"slug": slug, "source": source, "revisions": [r.to_dict() for r in revisions]})


@bp.post("/notebooks/<slug>/restore")
def restore(slug: str) -> Response:
    authorise(workbench().ep)
    raw = _body()
    number = raw.get("revision") if isinstance(raw, dict) else None
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise Problem(400, 'the body must be a JSON object {"revision": N}')
    message = _message(raw)
    if library().shipped_path(slug) is not None:
        raise Problem(409, f"{slug!r} is a shipped notebook; it has no revisions to restore")
    rev = library().store.restore(slug, number, message)
    return jsonify(rev.to_dict())
