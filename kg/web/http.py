"""HTTP helpers the views share: what the request's Accept header asks for, plain-text answers,
and RDF answers (format from ``?format=`` or Accept, 406 naming what is on offer, rdflib output).

Every decision on Accept goes through :func:`accepted`, Werkzeug's parser with media-type
parameters dropped (``text/turtle; charset=utf-8`` asks for Turtle).
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import Response, request
from rdflib import Graph
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.query.formats import FORMATS, Format, lookup

HTML_TYPES = ("text/html", "application/xhtml+xml")
RDFLIB_WRITERS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
    "trig": "trig",
    "nquads": "nquads",
}


def _bare(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def accepted() -> MIMEAccept:
    """The request's Accept header, parsed by Werkzeug, each media range without its parameters."""
    parsed = parse_accept_header(request.headers.get("Accept"), MIMEAccept)
    return MIMEAccept([(_bare(value), q) for value, q in parsed])


def preferred(offers: Sequence[str]) -> str | None:
    """The offer the client prefers (by q, then specificity, then the order of ``offers``)."""
    return accepted().best_match(offers)


def negotiate(kind: str) -> Format | None:
    """The best format of ``kind`` ("results" or "graph") for the request's Accept header; the
    first of that kind without one; None when the client accepts none of them.

    A media type that is an alias of a format (``application/json``, ``text/plain``) asks for
    that format exactly; wildcards (``*/*``, ``text/*``) match only the formats' own types.
    """
    offers = [f for f in FORMATS if f.kind == kind]
    if not request.headers.get("Accept", "").strip():
        return offers[0]
    named = MIMEAccept([(_format_type(value), q) for value, q in accepted()])
    best = named.best_match([f.media_type for f in offers])
    return lookup(best) if best else None


def _format_type(value: str) -> str:
    fmt = lookup(value) if "/" in value else None
    return fmt.media_type if fmt is not None else value


def wants_html() -> bool:
    """True when the Accept header names HTML, at a q no lower than any format it names.

    Wildcards do not count: ``*/*`` (curl, most RDF clients) gets data, not a page.
    """
    named = MIMEAccept([(_format_type(v), q) for v, q in accepted() if "*" not in v])
    return named.best_match([*HTML_TYPES, *(f.media_type for f in FORMATS)]) in HTML_TYPES


def wants_json() -> bool:
    """For pages that are also JSON: a ``.json`` path, or an Accept preferring JSON to HTML."""
    if request.path.endswith(".json"):
        return True
    return preferred(["text/html", "application/json"]) == "application/json"


def text_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A plain-text answer: the message on one line-terminated text."""
    return Response(
        message.rstrip("\n") + "\n", status=status, mimetype="text/plain", headers=headers
    )


def rdf_format() -> Format | None:
    """The RDF format the request asks for (``?format=`` first, then Accept), or None."""
    asked = request.args.get("format")
    fmt = lookup(asked) if asked else negotiate("graph")
    return fmt if fmt is not None and fmt.kind == "graph" else None


def not_acceptable(what: str) -> Response:
    return text_response(
        406,
        f"{what} is RDF; accept text/turtle, application/ld+json, application/n-triples or application/rdf+xml",
    )


def rdf_response(g: Graph, fmt: Format) -> Response:
    return Response(
        g.serialize(format=RDFLIB_WRITERS[fmt.name]),
        mimetype=fmt.media_type,
        headers={"Vary": "Accept"},
    )
