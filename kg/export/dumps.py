"""Plain RDF dumps of the whole built dataset, in the formats RDF tools read."""

from __future__ import annotations

import pyoxigraph as ox

from kg.export import Exporter
from kg.iris import Names
from kg.query.store import Store

# a dataset format keeps the named graphs; a graph format gets every graph's triples merged
_FORMATS = {
    "nquads": (
        ox.RdfFormat.N_QUADS,
        "application/n-quads",
        "nq",
        "every named graph, one quad a line",
    ),
    "trig": (ox.RdfFormat.TRIG, "application/trig", "trig", "every named graph, in TriG"),
    "turtle": (
        ox.RdfFormat.TURTLE,
        "text/turtle",
        "ttl",
        "the union of all graphs (one copy of each triple)",
    ),
    "ntriples": (
        ox.RdfFormat.N_TRIPLES,
        "application/n-triples",
        "nt",
        "the union of all graphs, one triple a line",
    ),
    "jsonld": (
        ox.RdfFormat.JSON_LD,
        "application/ld+json",
        "jsonld",
        "every named graph, in JSON-LD",
    ),
}


def dump(store: Store, names: Names, fmt: ox.RdfFormat) -> bytes:
    if fmt.supports_datasets:
        quads = sorted(
            (q for q in store.named_quads()),
            key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)),
        )
        out = (
            ox.serialize(quads, format=fmt, prefixes=names.prefixes())
            if fmt != ox.RdfFormat.N_QUADS
            else ox.serialize(quads, format=fmt)
        )
    else:
        triples = sorted(
            store.default_triples(), key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
        )
        out = (
            ox.serialize(triples, format=fmt, prefixes=names.prefixes())
            if fmt == ox.RdfFormat.TURTLE
            else ox.serialize(triples, format=fmt)
        )
    return out or b""


def _make(name: str) -> Exporter:
    fmt, media, ext, what = _FORMATS[name]
    return Exporter(name, media, ext, lambda store, names: dump(store, names, fmt), what)


EXPORTERS = [_make(n) for n in _FORMATS]
