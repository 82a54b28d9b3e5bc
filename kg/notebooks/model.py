"""The notebook format: a title, a description and an ordered list of cells.

A cell is markdown text, or a query with its parameters and a view. The query is either a saved
query by name (``query: c06-seat-tallies``) or SPARQL written in the cell (``sparql: …``); either
way its parameters are the grlc-style variables of :mod:`kg.query.params`, bound by the engine. The same
structure is YAML in ``queries/notebooks/*.yaml`` and JSON in the notebook database and API.

Views: ``table`` (optionally a subset of ``columns``), ``bar`` and ``line`` (``x`` a column,
``y`` one or more numeric columns, ``series`` an optional column that splits the values into
groups), ``timeline`` (``x`` a date column, ``label`` a column naming each event).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.yamlfile import YAMLError, load_yaml

VIEWS = ("table", "bar", "line", "timeline")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
MAX_CELLS = 200


class NotebookError(ValueError):
    """A notebook is malformed; the message names the cell and the field."""


@dataclass(frozen=True)
class View:
    type: str = "table"
    x: str | None = None
    y: tuple[str, ...] = ()
    series: str | None = None
    label: str | None = None
    columns: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        for key in ("x", "series", "label"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.y:
            out["y"] = list(self.y)
        if self.columns:
            out["columns"] = list(self.columns)
        return out


@dataclass(frozen=True)
class Cell:
    kind: str  # "markdown" | "query"
    text: str = ""  # markdown text, or the SPARQL of an inline query
    query: str | None = None  # name of a saved query (kind "query", when text is empty)
    params: tuple[tuple[str, str], ...] = ()  # parameter name → raw value, as a form gives it
    view: View = field(default_factory=View)
    title: str = ""
    inference: bool = True  # False: asserted facts only

    def to_dict(self) -> dict[str, Any]:
        if self.kind == "markdown":
            return {"markdown": self.text}
        out: dict[str, Any] = {}
        if self.title:
            out["title"] = self.title
        if self.query:
            out["query"] = self.query
        else:
            out["sparql"] = self.text
        if self.params:
            out["params"] = dict(self.params)
        if not self.inference:
            out["inference"] = False
        out["view"] = self.view.to_dict()
        return out


@dataclass(frozen=True)
class Notebook:
    slug: str
    title: str
    description: str = ""
    cells: tuple[Cell, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "description": self.description,
            "cells": [c.to_dict() for c in self.cells],
        }


def _str(raw: Any, where: str) -> str:
    if not isinstance(raw, str):
        raise NotebookError(f"{where} must be text")
    return raw


def _columns(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(c, str) and c for c in items):
        raise NotebookError(f"{where} must be a column name or a list of them")
    return tuple(items)


def view_from_dict(raw: Any, where: str) -> View:
    if raw is None:
        return View()
    if isinstance(raw, str):
        raw = {"type": raw}
    if not isinstance(raw, Mapping):
        raise NotebookError(f"{where}: view must be a mapping with a type")
    unknown = set(raw) - {"type", "x", "y", "series", "label", "columns"}
    if unknown:
        raise NotebookError(f"{where}: view has unknown keys {sorted(unknown)}")
    kind = raw.get("type", "table")
    if kind not in VIEWS:
        raise NotebookError(f"{where}: view type {kind!r} is not one of {', '.join(VIEWS)}")
    view = View(
        type=kind,
        x=None if raw.get("x") is None else _str(raw["x"], f"{where}: view.x"),
        y=_columns(raw.get("y"), f"{where}: view.y"),
        series=None if raw.get("series") is None else _str(raw["series"], f"{where}: view.series"),
        label=None if raw.get("label") is None else _str(raw["label"], f"{where}: view.label"),
        columns=_columns(raw.get("columns"), f"{where}: view.columns"),
    )
    if kind in ("bar", "line") and not (view.x and view.y):
        raise NotebookError(f"{where}: a {kind} chart needs x (a column) and y (numeric columns)")
    if kind == "timeline" and not (view.x and view.label):
        raise NotebookError(f"{where}: a timeline needs x (a date column) and label (a column)")
    return view


def cell_from_dict(raw: Any, where: str) -> Cell:
    if not isinstance(raw, Mapping):
        raise NotebookError(f"{where} must be a mapping")
    if "markdown" in raw:
        extra = set(raw) - {"markdown"}
        if extra:
            raise NotebookError(
                f"{where}: a markdown cell has only 'markdown', not {sorted(extra)}"
            )
        return Cell("markdown", _str(raw["markdown"], f"{where}: markdown"))
    if ("query" in raw) == ("sparql" in raw):
        raise NotebookError(
            f"{where} needs exactly one of 'markdown', 'query' (a saved query) or 'sparql'"
        )
    unknown = set(raw) - {"title", "query", "sparql", "params", "view", "inference"}
    if unknown:
        raise NotebookError(f"{where}: unknown keys {sorted(unknown)}")
    params = raw.get("params") or {}
    if not isinstance(params, Mapping) or not all(
        isinstance(k, str) and isinstance(v, (str, int, float, bool)) for k, v in params.items()
    ):
        raise NotebookError(f"{where}: params must map parameter names to values")
    inference = raw.get("inference", True)
    if not isinstance(inference, bool):
        raise NotebookError(f"{where}: inference must be true or false")
    name = raw.get("query")
    if name is not None and not re.fullmatch(r"[A-Za-z0-9_-]+", _str(name, f"{where}: query")):
        raise NotebookError(f"{where}: {name!r} is not a saved query name")
    text = "" if name is not None else _str(raw["sparql"], f"{where}: sparql")
    if name is None and not text.strip():
        raise NotebookError(f"{where}: the query is empty")
    return Cell(
        "query",
        text=text,
        query=name,
        params=tuple(
            (k, str(v).lower() if isinstance(v, bool) else str(v)) for k, v in params.items()
        ),
        view=view_from_dict(raw.get("view"), where),
        title=_str(raw.get("title", ""), f"{where}: title"),
        inference=inference,
    )


def notebook_from_dict(raw: Any, slug: str | None = None) -> Notebook:
    """A notebook from its YAML or JSON form; NotebookError names what is wrong."""
    if not isinstance(raw, Mapping):
        raise NotebookError("a notebook must be a mapping with title and cells")
    slug = slug if slug is not None else raw.get("slug")
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise NotebookError(
            f"slug {slug!r} must be 1-64 lowercase letters, digits and hyphens, starting with a letter or digit"
        )
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise NotebookError("a notebook needs a title")
    cells = raw.get("cells")
    if not isinstance(cells, list):
        raise NotebookError("cells must be a list")
    if len(cells) > MAX_CELLS:
        raise NotebookError(f"a notebook has at most {MAX_CELLS} cells")
    return Notebook(
        slug=slug,
        title=title.strip(),
        description=" ".join(_str(raw.get("description", ""), "description").split()),
        cells=tuple(cell_from_dict(c, f"cell {i + 1}") for i, c in enumerate(cells)),
    )


def load_notebook_file(path: Path) -> Notebook:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        raise NotebookError(f"{path.name}: not valid YAML ({exc})") from None
    try:
        return notebook_from_dict(raw, slug=path.stem)
    except NotebookError as exc:
        raise NotebookError(f"{path.name}: {exc}") from None


def load_shipped(folder: Path) -> list[Notebook]:
    """The notebooks shipped in ``queries/notebooks/``, in file-name order."""
    return [load_notebook_file(p) for p in sorted(folder.glob("*.yaml"))]
