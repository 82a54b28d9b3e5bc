"""The asserted facts the Wikidata statements are made of, read from the store: the triples of the
article graphs (``<graph/source/…>``, never ``<graph/inferred>``) whose subject is an IRI and, for
each triple stated as an ``rdf:Statement``, its references and the statement that states it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.export.wikidata.rdf import PREFIXES, Term, rows, source_filter
from kg.iris import Names
from kg.query.store import Store

Triple = tuple[str, str, Term]


@dataclass(frozen=True)
class Asserted:
    """The asserted triples, with the references and the first ``rdf:Statement`` (by IRI) of each
    triple that has them."""

    triples: set[Triple]
    refs_of: dict[Triple, set[str]]
    statement_of: dict[Triple, str]

    def by_subject(self) -> dict[str, list[tuple[str, Term]]]:
        """``(predicate, object)`` pairs by subject, sorted."""
        out: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        for s, p, o in sorted(self.triples):
            out[s].append((p, o))
        return out


def read_asserted(store: Store, names: Names) -> Asserted:
    """The asserted triples of the article graphs in ``store``."""
    flt = source_filter(names)
    triples: set[Triple] = set()
    q = f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {flt} }}"
    for rs, rp, ro in rows(store, q):
        assert rs is not None and rp is not None and ro is not None
        if rs.is_iri:
            triples.add((rs.value, rp.value, ro))
    refs_of: dict[Triple, set[str]] = defaultdict(set)
    statement_of: dict[Triple, str] = {}
    q = (
        PREFIXES + "SELECT DISTINCT ?st ?s ?p ?o ?ref WHERE { GRAPH ?g { ?st rdf:subject ?s ; "
        f"rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ref }} {flt} }}"
    )
    for rst, rs, rp, ro, rref in rows(store, q):
        assert rst is not None and rs is not None and rp is not None
        assert ro is not None and rref is not None
        key = (rs.value, rp.value, ro)
        refs_of[key].add(rref.value)
        statement_of[key] = min(statement_of.get(key, rst.value), rst.value)
    return Asserted(triples, refs_of, statement_of)
