"""The saved-query API: ``/queries`` lists them, ``/queries/<name>`` is a form with the results,
``/queries/<name>.json|.csv|.tsv|.xml`` (SELECT, ASK) and ``.ttl|.nt|.jsonld|.rdf`` (CONSTRUCT,
DESCRIBE) run one with the parameters in the query string.

A parameter value is parsed into a typed RDF term (:mod:`kg.query.params`) and bound by the engine; a
wrong value is a 400 naming the parameter. Each run is recorded as a citable run; its permalink
is in the ``Link: <…>; rel="cite-as"`` header (RFC 8574) and on the page. A query that cannot
run (:class:`QueryFailed`) is answered by the app's error handlers, except on the form page,
which shows the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from kg.query.answer import Table
from kg.query.formats import lookup, serialize_table
from kg.query.params import ParamError, bind, effective, truth
from kg.query.pool.jobs import QueryFailed
from kg.query.saved import SavedQuery, SavedQueryError, find_saved_query, load_saved_queries
from kg.state.runs import Run, RunPart
from kg.web.http import text_response, wants_json
from kg.web.links import GRAPH_EXTENSIONS, TABLE_EXTENSIONS, extensions
from kg.web.workbench import workbench

bp = Blueprint("saved", __name__)


def describe(q: SavedQuery) -> dict[str, Any]:
    """A saved query as the JSON list and the OpenAPI document show it."""
    return {
        "name": q.name,
        "title": q.title,
        "description": q.description,
        "tags": list(q.tags),
        "form": q.form,
        "url": url_for("saved.form", name=q.name),
        "formats": {e: url_for("saved.api", name=q.name, ext=e) for e in extensions(q)},
        "parameters": [p.to_dict() for p in q.params],
    }


def _inference() -> bool:
    value = request.args.get("inference", "true").lower()
    inference = truth(value)
    if inference is None:
        raise ParamError("inference", f"{value!r} is not true or false")
    return inference


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
        return text_response(500, str(exc))
    if q is None:
        return text_response(
            404, f"there is no saved query called {name!r}; GET /queries lists them"
        )
    return q


@bp.get("/queries.json")
def index_json() -> Response | tuple[str, int]:
    return index()


@bp.get("/queries")
def index() -> Response | tuple[str, int]:
    queries = load_saved_queries(workbench().queries_dir)
    items = [describe(q) for q in queries]
    if wants_json():
        return jsonify({"queries": items})
    return render_template("queries.html", queries=items), 200


@bp.get("/queries/<name>.<ext>")
def api(name: str, ext: str) -> Response:
    q = _load(name)
    if isinstance(q, Response):
        return q
    known = (*TABLE_EXTENSIONS, *GRAPH_EXTENSIONS)
    if ext not in known:
        return text_response(404, f"unknown format .{ext}; use one of {', '.join(known)}")
    if ext not in extensions(q):
        what = "builds an RDF graph" if q.builds_graph else "returns a table of results"
        return text_response(406, f"{name} {what}; ask for .{', .'.join(extensions(q))}")
    try:
        done = execute(q, _given(q), _inference())
    except ParamError as exc:
        return text_response(400, str(exc))
    fmt = lookup(ext)
    assert fmt is not None  # every extension offered is a format name or alias
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
        for e in extensions(q)
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
