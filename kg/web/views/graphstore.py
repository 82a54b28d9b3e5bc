"""SPARQL 1.1 Graph Store HTTP Protocol at /rdf-graph-store: read any graph, write the user graph.

Uploads are parsed here with pyoxigraph's parsers: RDF/XML with a DOCTYPE is refused before
parsing (entity expansion), JSON-LD remote contexts are never fetched (pyoxigraph has no loader
set), and the parsed triples reach the store as a SPARQL Update on the user graph, through the
same workers, lock and persistence as any other update. Refusals (ProtocolError, busy or failed
workers, timeouts) are answered by the app's error handlers (:mod:`kg.web.errors`).
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from flask import Blueprint, Response, request

from kg.query.pool.child import Job
from kg.web.auth import authorise
from kg.web.endpoint import Endpoint
from kg.web.http import negotiate, text_response
from kg.web.protocol import ProtocolError
from kg.web.state import endpoint

bp = Blueprint("graphstore", __name__)
INPUT = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)


def parse_upload(body: bytes, content_type: str, base: str) -> list[ox.Triple]:
    """Triples of an uploaded document, or ProtocolError naming what is wrong with it."""
    mime = content_type.split(";")[0].strip().lower()
    fmt = INPUT.get(mime)
    if fmt is None:
        raise ProtocolError(
            415, f"unsupported Content-Type {mime!r}; send one of {', '.join(INPUT)}"
        )
    if fmt == ox.RdfFormat.RDF_XML and _DOCTYPE.search(body):
        raise ProtocolError(
            400, "RDF/XML with a DOCTYPE (DTD) is refused: entity declarations are not processed"
        )
    try:
        return [q.triple for q in ox.parse(body, format=fmt, base_iri=base)]
    except SyntaxError as exc:
        raise ProtocolError(400, f"the {mime} document does not parse: {exc}") from None


def _graph_arg() -> str:
    ep = endpoint()
    if "default" in request.args:
        if request.method == "GET":
            return ""
        raise ProtocolError(403, "the default graph is the read-only union of all graphs")
    graph = request.args.get("graph")
    if not graph:
        raise ProtocolError(
            400, "name the graph: ?graph=<IRI> (or ?default to read the default graph)"
        )
    if request.method != "GET" and graph != str(ep.names.user_graph):
        raise ProtocolError(
            403, f"only <{ep.names.user_graph}> can be written; <{graph}> is read-only"
        )
    return graph


@bp.route("/rdf-graph-store", methods=["GET", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    ep = endpoint()
    graph = _graph_arg()
    return _read(ep, graph) if request.method == "GET" else _write(ep, graph)


def _read(ep: Endpoint, graph: str) -> Response:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    op_text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}"
    fmt = negotiate("graph")
    if fmt is None:
        raise ProtocolError(
            406,
            "the graph store returns RDF; accept text/turtle, application/n-triples, ...",
        )
    outcome = ep.pool.run(Job("query", op_text, ep.user_graph.version(), graph_format=fmt.name))
    if outcome.status != 200:
        return text_response(outcome.status, outcome.body.decode())
    return Response(outcome.body, content_type=outcome.media_type)


def _write(ep: Endpoint, graph: str) -> Response:
    authorise(ep)
    if request.method == "DELETE":
        update = f"CLEAR SILENT GRAPH <{graph}>"
    else:
        triples = parse_upload(request.get_data(), request.content_type or "", ep.cfg.base_iri)
        data = " ".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        insert = f"INSERT DATA {{ GRAPH <{graph}> {{ {data} }} }}"
        update = f"CLEAR SILENT GRAPH <{graph}> ; {insert}" if request.method == "PUT" else insert
    with ep.user_graph.locked():
        outcome = ep.pool.run(Job("update", update, ep.user_graph.version()))
        if outcome.status == 200 and outcome.user_nquads is not None:
            ep.user_graph.replace(outcome.user_nquads)
    if outcome.status != 200:
        return text_response(outcome.status, outcome.body.decode())
    return Response(status=204)
