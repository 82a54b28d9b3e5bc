"""The build's last stage: the dataset in an on-disk pyoxigraph store, laid out as it is served.

The layout is the build's to decide, so the query side loads dumps through :func:`load_dataset`
too: the named graphs as dumped, and a default graph that is their union as a set.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox


def load_dataset(store: ox.Store, nquads: Path) -> None:
    """Load the named graphs, then make the default graph their union (as a set).

    pyoxigraph's ``use_default_graph_as_union`` keeps one copy of a triple per graph that holds
    it, so a triple stated by two articles would come back twice; a materialised default graph
    gives the RDF merge instead.
    """
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def count_by_graph(store: ox.Store) -> dict[str, int]:
    """Quads in each named graph (the materialised default graph is not one of them)."""
    res = store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    )
    assert isinstance(res, ox.QuerySolutions)
    return {str(row[0].value): int(row[1].value) for row in res}


def write_store(nquads: Path, path: Path) -> dict[str, int]:
    """The on-disk store at ``path`` from the dump; returns the quads of each named graph."""
    store = ox.Store(str(path))
    load_dataset(store, nquads)
    store.optimize()
    counts = count_by_graph(store)
    store.flush()
    del store
    return counts
