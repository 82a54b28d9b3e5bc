"""GET /explain?s=…&p=…&o=…: why a triple holds, down to the articles.

JSON (the tree of ``kg.explain.explain``) for clients that accept ``application/json`` or ask with
``format=json``; an HTML page for browsers, with the derivation as nested lists, each premise with
its quoted evidence and a link to the passage on its source page (``/source/000#c736-790``).
A missing or malformed term is a 400, a triple the graph does not hold a 404, both in plain text.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from kg.explain import ExplainError, TermError, explain
from kg.iris import Names
from kg.web.http import preferred, text_response
from kg.web.state import app_config, built_store

bp = Blueprint("explain", __name__)

USAGE = "/explain?s=kg:kalpana-soren&p=kgo:fatherInLaw&o=kg:shibu-soren"


def _wants_json() -> bool:
    fmt = request.args.get("format", "").lower()
    if fmt in ("json", "application/json"):
        return True
    if fmt in ("html", "text/html"):
        return False
    return preferred(["application/json", "text/html"]) != "text/html"


def _page_link(iri: str, base: str) -> str | None:
    """Where the app serves an IRI of the graph: /id/… for entities, /source/… for articles."""
    if iri.startswith(base + "id/"):
        return url_for("entity.entity", slug=iri[len(base) + 3 :])
    if iri.startswith(base + "source/"):
        sid, _, anchor = iri[len(base) + 7 :].partition("#")
        return url_for("sources.source_page", sid=sid, _anchor=anchor or None)
    return None


@bp.get("/explain")
def explain_page() -> Response:
    as_json = _wants_json()
    args = {k: request.args.get(k, "") for k in ("s", "p", "o")}
    missing = [k for k, v in args.items() if not v.strip()]
    if missing:
        return text_response(
            400,
            f"missing parameter{'s' if len(missing) > 1 else ''} {', '.join(missing)}: give the "
            "subject (s), property (p) and object (o) as IRIs, CURIEs or literals, "
            f"e.g. {USAGE}",
        )
    store, cfg = built_store(), app_config()
    try:
        tree = explain(store, Names(cfg.base_iri), args["s"], args["p"], args["o"])
    except TermError as exc:
        return text_response(400, str(exc))
    except ExplainError as exc:
        return text_response(404, str(exc))
    if as_json:
        res = jsonify(tree)
    else:
        base = cfg.base_iri

        def link(term: dict[str, Any]) -> str | None:
            return _page_link(term["iri"], base) if term.get("kind") == "iri" else None

        html = render_template(
            "explain.html",
            tree=tree,
            link=link,
            page_link=lambda iri: _page_link(iri, base),
            json_url=request.path + "?" + urlencode({**args, "format": "json"}),
        )
        res = Response(html, mimetype="text/html")
    res.headers["Vary"] = "Accept"
    return res
