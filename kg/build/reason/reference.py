"""owlrl, the reference OWL 2 RL implementation: the closure, filtered to facts."""

from __future__ import annotations

import owlrl
from rdflib import Graph

from kg.build.reason.facts import Triple, is_fact
from kg.iris import Names


def owlrl_inferred(ontology: Graph, facts: set[Triple], names: Names) -> set[Triple]:
    """Facts owlrl derives from ``ontology`` + ``facts`` that are not among ``facts``."""
    g = Graph()
    for t in ontology:
        g.add(t)
    for t in facts:
        g.add(t)
    before = set(g)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return {t for t in g if t not in before and is_fact(t, names)}
