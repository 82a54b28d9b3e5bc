"""The explanation tree as indented text, and its one-line summary."""

from __future__ import annotations

from typing import Any

from kg.explain.terms import RDF_TYPE


def _name(node: dict[str, Any]) -> str:
    """What a premise says, in a word or two: 'spouse', 'father', 'a politician'."""
    if node.get("missing"):
        return "(unknown statement)"
    if node["predicate"].get("iri") == RDF_TYPE:
        return f"a {node['object']['label']}"
    return str(node["predicate"]["label"])


def _step(derivation: dict[str, Any]) -> str:
    axioms = ", ".join(a["text"] for a in derivation["axioms"])
    via = f", via {axioms}" if axioms else ""
    return f"{derivation['description']} ({derivation['rule']}{via})"


def _brief(node: dict[str, Any]) -> str:
    name = _name(node)
    if node.get("cycle"):
        return f"{name} (see above)"
    if node.get("derivation"):
        return f"({_chain(node)})"
    if node.get("sources"):
        first = node["sources"][0]
        return f'{name} ({first["source"]}, "{first["quote"]}")'
    if node.get("registry"):
        return f"{name} (recorded in {node['registry']})"
    return name


def _chain(node: dict[str, Any]) -> str:
    d = node["derivation"]
    premises = " + ".join(_brief(p) for p in d["premises"])
    return f"{premises} → {_step(d)} → {_name(node)}"


def summary(tree: dict[str, Any]) -> str:
    """One line: premises (article, quote) → rule → conclusion; or where the triple is stated."""
    if tree.get("derivation"):
        return _chain(tree)
    return _brief(tree)


def _triple_text(node: dict[str, Any]) -> str:
    return " ".join(node[k]["text"] for k in ("subject", "predicate", "object"))


def _labels_text(node: dict[str, Any]) -> str:
    return " · ".join(node[k]["label"] for k in ("subject", "predicate", "object"))


def _source_lines(ref: dict[str, Any], indent: str) -> list[str]:
    date = (
        f"published {ref['published']}" if ref.get("published") else f"retrieved {ref['retrieved']}"
    )
    where = f", characters {ref['start']}-{ref['end']}" if ref.get("start") is not None else ""
    how = ", ".join(x for x in (ref.get("method_label"), ref.get("rule")) if x)
    lines = [f'{indent}{ref["source"]} "{ref["title"]}" ({ref["kind"]}, {date}){where}']
    lines.append(f'{indent}  "{ref["quote"]}"' + (f"  [{how}]" if how else ""))
    if ref.get("approximate"):
        lines.append(f"{indent}  (approximate figure)")
    if ref.get("note"):
        lines.append(f"{indent}  note: {ref['note']}")
    return lines


def _grounds(node: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for ref in node.get("sources", []):
        lines.extend(_source_lines(ref, indent))
    if node.get("registry"):
        lines.append(f"{indent}recorded in {node['registry']}")
    return lines


def _derivation_lines(node: dict[str, Any], indent: str) -> list[str]:
    d = node["derivation"]
    lines = [f"{indent}{'inferred' if indent else 'Inferred'} by {_step(d)} from:"]
    for n, prem in enumerate(d["premises"], 1):
        head = f"{indent}  {n}. "
        inner = " " * len(head)
        if prem.get("missing"):
            lines.append(f"{head}{prem['statement']} (no record of this statement)")
            continue
        lines.append(f"{head}{_triple_text(prem)}  ({_labels_text(prem)})")
        if prem.get("cycle"):
            lines.append(f"{inner}(explained above; not followed again)")
        elif prem.get("derivation"):
            lines.extend(_derivation_lines(prem, inner))
        else:
            lines.extend(_grounds(prem, inner))
    return lines


def render_text(tree: dict[str, Any]) -> str:
    """The tree as indented text: the triple, where it is stated, how it is inferred, in short."""
    lines = [_triple_text(tree), f"  {_labels_text(tree)}", ""]
    if tree["asserted"] and tree["inferred"]:
        lines.append("Asserted, and inferred as well.")
    if tree["asserted"]:
        lines.append("Stated in:" if tree.get("sources") else "Asserted:")
        lines.extend(_grounds(tree, "  "))
    if tree.get("derivation"):
        lines.extend(_derivation_lines(tree, ""))
    lines += ["", f"In short: {tree.get('summary') or summary(tree)}"]
    return "\n".join(lines)
