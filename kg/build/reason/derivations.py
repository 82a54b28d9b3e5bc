"""The inferred graph: each inferred triple with how it was derived (rule, premises, axioms)."""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef

from kg.build.reason.facts import Triple, is_fact
from kg.build.reason.rules import Reasoning, Step
from kg.iris import Names, statement_iri


def _flatten(step: Step, reasoning: Reasoning, asserted: set[Triple], names: Names) -> Step:
    """Fold premises that are not facts (a type that is an anonymous OWL restriction) into the
    derivation, so every premise named is a statement a researcher can look up."""
    rules, premises, axioms = [step.rule], [], list(step.axioms)
    for prem in step.premises:
        inner = None if is_fact(prem, names) else reasoning.explain(prem, asserted)
        if inner is None:
            premises.append(prem)
            continue
        inner = _flatten(inner, reasoning, asserted, names)
        rules.insert(0, inner.rule)
        premises.extend(inner.premises)
        axioms.extend(inner.axioms)
    return Step(step.conclusion, ", ".join(rules), tuple(premises), tuple(axioms))


def add_inferences(
    g: Graph, names: Names, reasoning: Reasoning, asserted: set[Triple], keep: set[Triple]
) -> None:
    """The inferred triples and, for each, how it was derived (rule, premises, axioms)."""
    kgo = names.kgo
    for t in sorted(keep):
        s, p, o = t
        found = reasoning.explain(t, asserted)
        if found is None:
            continue
        step = _flatten(found, reasoning, asserted, names)
        g.add(t)
        st = statement_iri(names, s, p, o)
        d = URIRef(f"{st}/derivation")
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, kgo.inferredBy, d))
        g.add((d, RDF.type, kgo.Derivation))
        g.add((d, kgo.rule, Literal(step.rule)))
        for prem in step.premises:
            g.add((d, kgo.premise, statement_iri(names, *prem)))
        for ax in step.axioms:
            if isinstance(ax[0], URIRef):
                g.add((d, kgo.axiomAbout, ax[0]))
