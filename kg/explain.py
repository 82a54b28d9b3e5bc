"""Placeholder: being written (issue 4)."""

from __future__ import annotations

from typing import Any

from kg.namespaces import Names
from kg.store import Store


class ExplainError(ValueError):
    """The triple is not in the graph, or not written as an IRI/CURIE/literal."""


def explain(store: Store, names: Names, s: str, p: str, o: str) -> dict[str, Any]:
    raise ExplainError("explanations are not available yet")


def render_text(tree: dict[str, Any]) -> str:
    return ""
