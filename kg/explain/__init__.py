"""Why a triple holds: the articles that state it, or the rule and premises that infer it.

``explain(store, names, s, p, o)`` returns a JSON-able tree for one triple. A node is a triple (its
statement IRI, subject, predicate, object) with

- ``sources``: the passages of the articles that state it (article id, title, date, the quoted
  evidence with its code-point offsets, the extraction method and rule);
- ``registry``: ``"data/entities.yaml"`` when the entity registry records it, or the file of
  ``data/reference/`` when only the reference data does (``<graph/reference>``, which has no
  statement nodes and is never a premise);
- ``derivation``: for an inferred triple, the OWL 2 RL rule, the ontology terms whose axioms were
  used and the premises, each a node of its own.

A premise the articles or the registry assert ends there; an inferred premise is explained in turn,
so every branch ends at an article or at the registry. A premise already being explained higher up
the branch is marked ``cycle`` and not followed again. The triple asked about gets both its sources
and its derivation when it is asserted and inferred (Kalpana Soren's father-in-law).

``render_text(tree)`` gives the same tree as indented text, ending with a one-line summary.

The modules: ``errors`` (the exceptions), ``terms`` (reading and spelling the terms the user
types), ``lookup`` (reading statements, sources and derivations from the graph), ``tree``
(building the explanation tree) and ``text`` (rendering it as text).
"""

from kg.explain.errors import ExplainError, NotInGraph, TermError
from kg.explain.lookup import KINDS, Reader, source_records
from kg.explain.terms import RDF_NS, RDF_TYPE, XSD_STRING, parse_term, spell
from kg.explain.text import render_text, summary
from kg.explain.tree import MAX_DEPTH, REGISTRY, RULES, describe_rule, explain

__all__ = [
    "KINDS",
    "MAX_DEPTH",
    "RDF_NS",
    "RDF_TYPE",
    "REGISTRY",
    "RULES",
    "XSD_STRING",
    "ExplainError",
    "NotInGraph",
    "Reader",
    "TermError",
    "describe_rule",
    "explain",
    "parse_term",
    "render_text",
    "source_records",
    "spell",
    "summary",
]
