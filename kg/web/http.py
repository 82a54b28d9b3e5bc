"""RDF answers for the pages that also speak RDF: pick the format from ``?format=`` or Accept,
refuse with 406 naming what is on offer, and serialise an rdflib graph."""

from __future__ import annotations

from flask import Response, request
from rdflib import Graph

from kg.query.formats import Format, lookup, negotiate

RDFLIB_WRITERS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
    "trig": "trig",
    "nquads": "nquads",
}


def rdf_format() -> Format | None:
    """The RDF format the request asks for (``?format=`` first, then Accept), or None."""
    asked = request.args.get("format")
    fmt = lookup(asked) if asked else negotiate(request.headers.get("Accept"), "graph")
    return fmt if fmt is not None and fmt.kind == "graph" else None


def not_acceptable(what: str) -> Response:
    return Response(
        f"{what} is RDF; accept text/turtle, application/ld+json, application/n-triples or application/rdf+xml\n",
        status=406,
        mimetype="text/plain",
    )


def rdf_response(g: Graph, fmt: Format) -> Response:
    return Response(
        g.serialize(format=RDFLIB_WRITERS[fmt.name]),
        mimetype=fmt.media_type,
        headers={"Vary": "Accept"},
    )


def wants_json() -> bool:
    """For pages that are also JSON: a ``.json`` path, or an Accept preferring JSON to HTML."""
    if request.path.endswith(".json"):
        return True
    return (
        request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"
    )
