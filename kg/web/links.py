"""URLs that more than one view builds: the /explain link for a triple, and the file extensions
a saved query is served under (``/queries/<name>.<ext>``)."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import url_for

from kg.query.saved import SavedQuery

TABLE_EXTENSIONS = ("json", "csv", "tsv", "xml")
GRAPH_EXTENSIONS = ("ttl", "nt", "jsonld", "rdf")


def explain_url(s: str, p: str, o: str) -> str:
    """The /explain link for a triple whose terms are spelled as ``kg.explain.spell`` spells them."""
    return url_for("explain.explain_page") + "?" + urlencode({"s": s, "p": p, "o": o})


def extensions(q: SavedQuery) -> tuple[str, ...]:
    """The file extensions (format names, see kg.query.formats.lookup) that fit a query's answer."""
    return GRAPH_EXTENSIONS if q.builds_graph else TABLE_EXTENSIONS
