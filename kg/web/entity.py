"""Entity IRIs answer: /id/<slug> gives browsers a page of the entity's statements and RDF
clients its description (DESCRIBE) in the format they accept.

This is the plain first version: every triple about the entity and every triple pointing at it,
with links. Sources, quotes and explanations per statement are for the linked-data work.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, render_template, request

from kg.results import lookup, negotiate
from kg.runner import Busy, TimedOut, WorkerFailed
from kg.web.page import compact
from kg.web.sparql import endpoint, text_response, wants_html
from kg.worker import Job

bp = Blueprint("entity", __name__)


def _rows(iri: str, outgoing: bool) -> list[dict[str, str]]:
    ep = endpoint()
    pattern = f"<{iri}> ?p ?v" if outgoing else f"?v ?p <{iri}>"
    q = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?p ?v ?label WHERE { "
        f"{pattern} OPTIONAL {{ ?v rdfs:label ?label FILTER(LANG(?label) = 'en') }} }} ORDER BY ?p ?v"
    )
    res = ep.pool.run(Job("query", q, ep.user_graph.version(), results_format="json"))
    doc = json.loads(res.body)
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


@bp.get("/id/<path:slug>")
def entity(slug: str) -> Response:
    ep = endpoint()
    iri = f"{ep.cfg.base_iri}id/{slug}"
    try:
        if wants_html(request.headers.get("Accept", "")):
            out, inc = _rows(iri, True), _rows(iri, False)
            if not out and not inc:
                abort(404)
            label = next((r["v"] for r in out if r["p"].endswith("rdf-schema#label")), slug)
            prefixes, base = ep.names.prefixes(), ep.cfg.base_iri
            for r in (*out, *inc):
                for key in ("p", "v"):
                    if r[key].startswith(("http://", "https://")):
                        r[key + "_short"] = compact(r[key], prefixes, base)
            html = render_template(
                "entity.html", iri=iri, label=label, outgoing=out, incoming=inc, base=base
            )
            return Response(html, mimetype="text/html")
        fmt = (
            lookup(request.args["format"])
            if request.args.get("format")
            else negotiate(request.headers.get("Accept"), "graph")
        )
        if fmt is None or fmt.kind != "graph":
            return text_response(
                406, "an entity is described in RDF: accept text/turtle, application/ld+json, ..."
            )
        res = ep.pool.run(
            Job("query", f"DESCRIBE <{iri}>", ep.user_graph.version(), graph_format=fmt.name)
        )
        if res.status != 200:
            return text_response(res.status, res.body.decode())
        if res.rows == 0:
            return text_response(404, f"nothing is known about <{iri}>")
        return Response(res.body, content_type=res.media_type, headers={"Vary": "Accept"})
    except Busy as exc:
        return text_response(
            429,
            "all query workers are busy; try again shortly",
            {"Retry-After": str(exc.retry_after)},
        )
    except (TimedOut, WorkerFailed) as exc:
        return text_response(503, str(exc))
