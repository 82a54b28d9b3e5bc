"""Building the explanation tree of a triple (the shape is described in ``kg.explain``)."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import Literal
from rdflib.term import Identifier

from kg.explain.errors import NotInGraph
from kg.explain.lookup import Reader
from kg.explain.terms import parse_term, spell
from kg.explain.text import summary
from kg.iris import Names, compact, statement_iri
from kg.query.store import Store

REGISTRY = "data/entities.yaml"
MAX_DEPTH = 32  # far deeper than any derivation here; a guard, like the cycle check

RULES = {
    "prp-spo1": "sub-property",
    "prp-spo2": "property chain",
    "prp-inv": "inverse property",
    "prp-symp": "symmetric property",
    "prp-trp": "transitive property",
    "prp-dom": "property domain",
    "prp-rng": "property range",
    "cax-sco": "subclass",
    "cls-svf1": "some-values-from restriction",
}


class _Explainer(Reader):
    """Builds the tree from what :class:`Reader` reads: a node per statement, premises in turn."""

    def node(self, st: str, path: tuple[str, ...], top: bool = False) -> dict[str, Any]:
        found = self.triple(st)
        if found is None:
            return {"statement": st, "missing": True, "asserted": False, "inferred": False}
        s, p, o = found
        sources = self.references(st)
        registry = self.registry(st)
        derivation = self.derivation_of(st)
        asserted = bool(sources) or registry is not None
        node: dict[str, Any] = {
            "statement": st,
            "subject": self.term(s),
            "predicate": self.term(p),
            "object": self.term(o),
            "asserted": asserted,
            "inferred": derivation is not None,
            "sources": sources,
            "registry": registry,
            "derivation": None,
            "cycle": st in path,
        }
        # an asserted premise ends at its articles (or the registry); only the triple asked
        # about shows its derivation as well
        if derivation is None or node["cycle"] or (asserted and not top):
            return node
        if len(path) >= MAX_DEPTH:
            node["cycle"] = True
            return node
        d, rule, premises, axioms = derivation
        children = [self.node(prem, (*path, st)) for prem in premises]
        node["derivation"] = {
            "iri": d,
            "rule": rule,
            "rules": [r.strip() for r in rule.split(",") if r.strip()],
            "description": describe_rule(rule),
            "axioms": [self.term(ox.NamedNode(a)) for a in axioms],
            "premises": _chain_order(children, s.value if isinstance(s, ox.NamedNode) else ""),
        }
        return node


def describe_rule(rule: str) -> str:
    """'prp-spo2' -> 'property chain'; 'cls-svf1, cax-sco' -> 'some-values-from restriction, subclass'."""
    return ", ".join(RULES.get(r.strip(), r.strip()) for r in rule.split(",") if r.strip())


def _chain_order(premises: list[dict[str, Any]], subject: str) -> list[dict[str, Any]]:
    """Premises in reading order: follow the chain from the conclusion's subject (spouse, then
    father), the rest after them as they came (sorted by statement IRI)."""
    rest = list(premises)
    out: list[dict[str, Any]] = []
    current = subject
    while rest:
        nxt = next((n for n in rest if n.get("subject", {}).get("iri") == current), None)
        if nxt is None:
            break
        out.append(nxt)
        rest.remove(nxt)
        current = nxt["object"].get("iri", "")
    return out + rest


def explain(store: Store, names: Names, s: str, p: str, o: str) -> dict[str, Any]:
    """Why ``s p o`` holds, as a JSON-able tree (see the ``kg.explain`` docstring)."""
    subj = parse_term(s, names, "subject")
    pred = parse_term(p, names, "property")
    obj = parse_term(o, names, "object")
    spelled = f"{spell(subj, names)} {spell(pred, names)} {spell(obj, names)}"
    ex = _Explainer(store, names)
    st = str(statement_iri(names, subj, pred, obj))
    if ex.triple(st) is not None:
        tree = ex.node(st, (), top=True)
        if tree["asserted"] or tree["inferred"]:
            tree["summary"] = summary(tree)
            return tree
    graphs = ex.graphs_holding(subj, pred, obj)
    recorded = None
    if str(names.entities_graph) in graphs:
        recorded = REGISTRY  # registry facts without a statement node: labels, aliases, ...
    elif str(names.reference_graph) in graphs:
        recorded = ex.reference_file(subj)  # the reference data has datasets, not statements
    if recorded is not None:
        tree = {
            "statement": None,
            "subject": ex.term(ox.NamedNode(str(subj))),
            "predicate": ex.term(ox.NamedNode(str(pred))),
            "object": ex.term(_ox(obj)),
            "asserted": True,
            "inferred": False,
            "sources": [],
            "registry": recorded,
            "derivation": None,
            "cycle": False,
        }
        tree["summary"] = summary(tree)
        return tree
    if graphs:
        where = ", ".join(compact(g, names.prefixes(), names.base) for g in graphs)
        raise NotInGraph(
            f"{spelled} is in {where}, but no article states it, neither the entity registry nor "
            "the reference data records it and it is not inferred, so there is nothing to explain"
        )
    raise NotInGraph(f"{spelled} is not in the graph: no article states it and it is not inferred")


def _ox(t: Identifier) -> ox.NamedNode | ox.Literal:
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    return ox.NamedNode(str(t))
