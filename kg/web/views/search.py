"""``/search?q=TEXT[&limit=N]``: entities whose label or alias holds TEXT, for the search box on
every page (``templates/_search.html``, ``static/search.js``) and for clients.

JSON (a list of matches) unless the request asks for HTML (a browser's Accept header, or
``format=html``); ``format=json`` asks for JSON whatever the Accept header says. The index
(:class:`kg.query.search.SearchIndex`) is built from the built graph on the first search and
kept with the build id it was made from: a different build (the app is started on a rebuilt
dump) gets a new index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from kg.query.search import Match, SearchIndex
from kg.web.http import wants_html
from kg.web.state import app_config, built_store
from kg.web.workbench import workbench

bp = Blueprint("search", __name__)

MAX_QUERY = 200  # characters of q
DEFAULT_LIMIT, MAX_LIMIT = 10, 50
FORMATS = ("json", "html")
_INDEX_KEY = "kg_search_index"


class BadSearch(ValueError):
    """A request the search cannot answer; the message names the parameter and the problem."""


@dataclass(frozen=True)
class Asked:
    q: str
    limit: int


def parse(args: dict[str, str]) -> Asked:
    """The search the query string asks for, or :class:`BadSearch` naming what is wrong."""
    q = args.get("q")
    if q is None:
        raise BadSearch("missing parameter q: give the name to look for, as /search?q=kalpana")
    if not q.strip():
        raise BadSearch("parameter q is empty: give the name to look for")
    if len(q) > MAX_QUERY:
        raise BadSearch(f"parameter q is {len(q)} characters long; the limit is {MAX_QUERY}")
    raw = args.get("limit", str(DEFAULT_LIMIT)).strip()
    if not re.fullmatch(r"[0-9]{1,3}", raw) or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadSearch(
            f"parameter limit must be a whole number from 1 to {MAX_LIMIT}, not {raw!r}"
        )
    return Asked(q.strip(), int(raw))


def search_index() -> SearchIndex:
    """The index of the build the app serves, made on first use and again for another build."""
    build_id = workbench().build_id
    index: SearchIndex | None = current_app.extensions.get(_INDEX_KEY)
    if index is None or index.build_id != build_id:
        index = SearchIndex.from_store(built_store(), app_config().base_iri, build_id)
        current_app.extensions[_INDEX_KEY] = index
    return index


def _page(iri: str, base: str) -> str | None:
    """The path of the entity's page on this server, for an IRI under the base's ``id/``."""
    prefix = base + "id/"
    return url_for("entity.entity", slug=iri[len(prefix) :]) if iri.startswith(prefix) else None


def as_json(m: Match, base: str) -> dict[str, str | None]:
    e = m.entity
    return {
        "iri": e.iri,
        "label": e.label,
        "type": e.type,
        "page": _page(e.iri, base),
        "matched": m.matched,
        "match": m.how,
    }


def _wants_html() -> bool:
    fmt = request.args.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise BadSearch(f"parameter format must be json or html, not {fmt!r}")
    return fmt == "html" or (fmt is None and wants_html())


@bp.get("/search")
def search() -> Response:
    """Matches as JSON, or the results page; 400 naming the problem for a bad request."""
    html = False
    try:
        html = _wants_html()
        asked = parse(request.args.to_dict())
    except BadSearch as exc:
        return _refused(str(exc), html)
    base = app_config().base_iri
    matches = [as_json(m, base) for m in search_index().search(asked.q, asked.limit)]
    if html:
        body = render_template("search.html", search_q=asked.q, matches=matches, error=None)
        res = Response(body, mimetype="text/html")
    else:
        res = jsonify(matches)
    res.headers["Vary"] = "Accept"
    return res


def _refused(message: str, html: bool) -> Response:
    if html:
        q = request.args.get("q", "")[:MAX_QUERY]
        body = render_template("search.html", search_q=q, matches=[], error=message)
        res = Response(body, status=400, mimetype="text/html")
    else:
        res = jsonify({"error": message})
        res.status_code = 400
    res.headers["Vary"] = "Accept"
    return res
