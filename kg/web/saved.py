"""The saved-query API: ``/queries`` lists them, ``/queries/<name>`` is a form with the results,
``/queries/<name>.json|.csv|.tsv|.xml`` (SELECT, ASK) and ``.ttl|.nt|.jsonld|.rdf`` (CONSTRUCT,
DESCRIBE) run one with the parameters in the query string.

A parameter value is parsed into a typed RDF term (:mod:`kg.params`) and bound by the engine; a
wrong value is a 400 naming the parameter. Each run is recorded as a citable run; its permalink
is in the ``Link: <…>; rel="cite-as"`` header (RFC 8574) and on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from kg.execute import QueryFailed
from kg.guard import scan
from kg.params import ParamError, bind, effective
from kg.queries import SavedQuery, SavedQueryError, find_saved_query, load_saved_queries
from kg.results import BY_NAME, serialize_table
from kg.runs import Run, RunPart
from kg.table import Table
from kg.web.workbench import workbench

bp = Blueprint("saved", __name__)

EXTENSIONS = {
    "json": "json",
    "csv": "csv",
    "tsv": "tsv",
    "xml": "xml",
    "ttl": "turtle",
    "nt": "ntriples",
    "jsonld": "jsonld",
    "rdf": "rdfxml",
}
TABLE_EXTENSIONS = ("json", "csv", "tsv", "xml")
GRAPH_EXTENSIONS = ("ttl", "nt", "jsonld", "rdf")


def _text(status: int, message: str) -> Response:
    return Response(message.rstrip("\n") + "\n", status=status, mimetype="text/plain")


def is_graph_query(q: SavedQuery) -> bool:
    return scan(q.text).form in ("CONSTRUCT", "DESCRIBE")


def describe(q: SavedQuery) -> dict[str, Any]:
    """A saved query as the JSON list and the OpenAPI document show it."""
    exts = GRAPH_EXTENSIONS if is_graph_query(q) else TABLE_EXTENSIONS
    return {
        "name": q.name,
        "title": q.title,
        "description": q.description,
        "tags": list(q.tags),
        "form": scan(q.text).form,
        "url": url_for("saved.form", name=q.name),
        "formats": {e: url_for("saved.api", name=q.name, ext=e) for e in exts},
        "parameters": [
            {
                "name": p.name,
                "variable": "?" + p.variable,
                "type": p.type,
                "required": p.required,
                "default": p.default,
                "values": list(p.values),
                "label": p.label,
                "description": p.description,
            }
            for p in q.params
        ],
    }


def _inference() -> bool:
    value = request.args.get("inference", "true").lower()
    if value not in ("true", "false", "1", "0", "yes", "no"):
        raise ParamError("inference", f"{value!r} is not true or false")
    return value in ("true", "1", "yes")


def _given(q: SavedQuery) -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k not in ("inference", "format", "run")}


@dataclass(frozen=True)
class Executed:
    query: SavedQuery
    values: dict[str, str]  # the raw parameter values the run used
    inference: bool
    table: Table
    run: Run


def execute(q: SavedQuery, given: dict[str, str], inference: bool) -> Executed:
    """Bind, run and record one saved query. Raises ParamError or QueryFailed."""
    wb = workbench()
    subs = bind(q.params, given, wb.ep.cfg.base_iri)
    table = wb.runner()(q.text, subs, inference)
    values = effective(q.params, given)
    part = RunPart(
        cell=None,
        text=q.text,
        params=values,
        bound={v: t.n3() for v, t in sorted(subs.items())},
        inference=inference,
        result_hash=table.digest(),
        result=table.to_sparql_json(),
    )
    run = wb.runs.record("query", q.name, wb.data_id(), (part,))
    return Executed(q, values, inference, table, run)


def _load(name: str) -> SavedQuery | Response:
    try:
        q = find_saved_query(workbench().queries_dir, name)
    except SavedQueryError as exc:
        return _text(500, str(exc))
    if q is None:
        return _text(404, f"there is no saved query called {name!r}; GET /queries lists them")
    return q


@bp.get("/queries.json")
def index_json() -> Response | tuple[str, int]:
    return index()


@bp.get("/queries")
def index() -> Response | tuple[str, int]:
    queries = load_saved_queries(workbench().queries_dir)
    items = [describe(q) for q in queries]
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    if request.path.endswith(".json") or best == "application/json":
        return jsonify({"queries": items})
    return render_template("queries.html", queries=items), 200


@bp.get("/queries/<name>.<ext>")
def api(name: str, ext: str) -> Response:
    q = _load(name)
    if isinstance(q, Response):
        return q
    if ext not in EXTENSIONS:
        return _text(404, f"unknown format .{ext}; use one of {', '.join(EXTENSIONS)}")
    graph = is_graph_query(q)
    if graph != (ext in GRAPH_EXTENSIONS):
        offer = GRAPH_EXTENSIONS if graph else TABLE_EXTENSIONS
        what = "builds an RDF graph" if graph else "returns a table of results"
        return _text(406, f"{name} {what}; ask for .{', .'.join(offer)}")
    try:
        done = execute(q, _given(q), _inference())
    except ParamError as exc:
        return _text(400, str(exc))
    except QueryFailed as exc:
        return _text(exc.status, str(exc))
    fmt = BY_NAME[EXTENSIONS[ext]]
    t = done.table
    body = serialize_table(t.variables, t.rows, t.boolean, fmt, workbench().ep.names.prefixes())
    cite = url_for("runs.show", rid=done.run.id, _external=True)
    headers = {
        "Link": f'<{cite}>; rel="cite-as"',
        "X-KG-Run": cite,
        "X-KG-Truncated": "true" if t.truncated else "false",
        "X-KG-Rows": str(len(t.rows)),
    }
    if ext in ("csv", "tsv"):
        headers["Content-Disposition"] = f'inline; filename="{name}.{ext}"'
    return Response(body, content_type=fmt.media_type, headers=headers)


@bp.get("/queries/<name>")
def form(name: str) -> Response | tuple[str, int]:
    q = _load(name)
    if isinstance(q, Response):
        return q
    given = _given(q)
    error, status, done = None, 200, None
    try:
        inference = _inference()
        done = execute(q, given, inference)
    except ParamError as exc:
        error, status, inference = str(exc), 400, True
    except QueryFailed as exc:
        error, status, inference = str(exc), exc.status, True
    values = done.values if done else {k: v for k, v in given.items() if v}
    args = {**values, **({} if inference else {"inference": "false"})}
    share = url_for("saved.form", name=q.name) + ("?" + urlencode(args) if args else "")
    downloads = {
        e: url_for("saved.api", name=q.name, ext=e) + ("?" + urlencode(args) if args else "")
        for e in (GRAPH_EXTENSIONS if is_graph_query(q) else TABLE_EXTENSIONS)
    }
    return render_template(
        "saved_query.html",
        q=describe(q),
        text=q.text,
        values=values,
        given=given,
        inference=inference,
        done=done,
        rows=done.table.values() if done else [],
        error=error,
        share=share,
        downloads=downloads,
        base=workbench().ep.cfg.base_iri,
    ), status
