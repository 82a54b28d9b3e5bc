"""Which graphs a SPARQL Update would write, decided from its parse before it runs.

rdflib's SPARQL Update parser gives the operations; each names its target graphs (a template
without GRAPH writes the WITH graph, or the default graph). An update may only write graphs in the
writable set (by default the user graph alone); the default graph, ALL, NAMED and a GRAPH ?var
template are refused because they could reach the built graphs.
"""

from __future__ import annotations

from typing import Any

from pyparsing import ParseException
from rdflib import URIRef, Variable
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate

from kg.query.safety.guard import GuardError

DEFAULT = "DEFAULT"


def _part(op: Any, key: str) -> Any:
    """rdflib's CompValue.get is not dict.get; read a part only if it is there."""
    return op[key] if key in op else None  # noqa: SIM401 - CompValue.get(key, x) treats x as a flag


def _template_targets(template: Any, with_clause: URIRef | None) -> set[str]:
    out: set[str] = set()
    if not template or isinstance(template, str):
        return out
    if _part(template, "triples"):
        out.add(str(with_clause) if with_clause is not None else DEFAULT)
    for g in _part(template, "quads") or {}:
        out.add("?" + str(g) if isinstance(g, Variable) else str(g))
    return out


def written_graphs(text: str, base: str) -> set[str]:
    """Graph IRIs the update writes, plus DEFAULT / ALL / NAMED / ?var where it would."""
    try:
        update = translateUpdate(parseUpdate(text), base=base)
    except ParseException as exc:
        raise GuardError(f"SPARQL Update syntax error: {exc}") from None
    except Exception as exc:  # rdflib raises assorted errors on odd input
        raise GuardError(f"SPARQL Update could not be checked: {exc}") from None
    out: set[str] = set()
    for op in update.algebra:
        name = op.name
        if name in ("InsertData", "DeleteData", "DeleteWhere"):
            out |= _template_targets(op, None)
        elif name == "Modify":
            w = _part(op, "withClause")
            out |= _template_targets(_part(op, "delete"), w) | _template_targets(
                _part(op, "insert"), w
            )
        elif name in ("Clear", "Drop", "Create"):
            g = _part(op, "graphiri")
            out.add(str(g) if isinstance(g, URIRef) else str(g).upper())
        elif name in ("Copy", "Move", "Add"):
            source, target = op["graph"]
            out.add(str(target) if isinstance(target, URIRef) else DEFAULT)
            if name == "Move":  # MOVE empties its source
                out.add(str(source) if isinstance(source, URIRef) else DEFAULT)
        elif name == "Load":
            raise GuardError("LOAD is refused: this endpoint never fetches documents", 403)
        else:
            raise GuardError(f"update operation {name} is not supported")
    return out


def check_writable(text: str, base: str, writable: frozenset[str]) -> set[str]:
    """The graphs written, or :class:`GuardError` naming the first one not allowed."""
    targets = written_graphs(text, base)
    allowed = ", ".join(f"<{g}>" for g in sorted(writable)) or "none"
    for g in sorted(targets):
        if g not in writable:
            what = {
                DEFAULT: "the default graph (the union of all graphs, which is read-only)",
                "ALL": "ALL graphs",
                "NAMED": "all NAMED graphs",
            }.get(g, f"a graph chosen by variable ({g})" if g.startswith("?") else f"<{g}>")
            raise GuardError(f"updates may only write {allowed}; this one writes {what}", 403)
    return targets
