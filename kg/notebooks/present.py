"""A notebook's cells and results as the web page shows them: markdown rendered to HTML, each
query cell's answer as columns and rows of lexical values, and its chart as SVG.

Markdown is rendered with markdown-it-py (CommonMark plus tables) with raw HTML switched off, so
what a notebook's author writes is shown as text and never runs in the reader's page; images are
off too (``![a](url)`` becomes a link), so opening a notebook loads nothing from elsewhere.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt

from kg.notebooks.charts import render
from kg.notebooks.execute import CellResult
from kg.notebooks.model import Notebook, View
from kg.query.answer import Table
from kg.query.saved import SavedQuery
from kg.state.runs import Run

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


def markdown_html(text: str) -> str:
    return str(_MARKDOWN.render(text))


def markdown_cells(nb: Notebook) -> dict[int, str]:
    """The HTML of each markdown cell, by 1-based cell index."""
    return {i + 1: markdown_html(c.text) for i, c in enumerate(nb.cells) if c.kind == "markdown"}


def _shown(view: View, table: Table) -> tuple[list[str], list[list[str | None]]]:
    """The columns and rows a cell shows: a table view's ``columns`` (all when it names none)."""
    if table.boolean is not None:
        return ["answer"], [["true" if table.boolean else "false"]]
    columns = list(view.columns) if view.type == "table" and view.columns else list(table.variables)
    missing = [c for c in columns if c not in table.variables]
    if missing:
        raise ValueError(
            f"the view names {', '.join(missing)}, which the query does not return"
            f" (it returns {', '.join(table.variables) or 'no columns'})"
        )
    index = [table.variables.index(c) for c in columns]
    rows = [[None if row[i] is None else row[i]["value"] for i in index] for row in table.rows]  # type: ignore[index]
    return columns, rows


def cell_json(result: CellResult) -> dict[str, Any]:
    """One cell of a run, for the page: what it is, what ran, what came back or what failed."""
    cell = result.cell
    out: dict[str, Any] = {
        "index": result.index,
        "kind": cell.kind,
        "title": cell.title,
        "html": None,
        "text": result.text,
        "query": cell.query,
        "params": [],
        "columns": [],
        "rows": [],
        "truncated": False,
        "chart": None,
        "error": result.error,
    }
    if cell.kind == "markdown":
        out["html"] = markdown_html(cell.text)
        out["text"] = cell.text
        return out
    values = dict(result.values)
    out["params"] = [
        {
            "name": p.name,
            "type": p.type,
            "required": p.required,
            "label": p.label,
            "value": values.get(p.name),
        }
        for p in result.params
    ]
    table = result.table
    if table is None:
        return out
    out["truncated"] = table.truncated
    try:
        out["columns"], out["rows"] = _shown(cell.view, table)
        if cell.view.type != "table":
            out["chart"] = render(cell.view, table, "svg").decode("utf-8")
    except ValueError as exc:  # charts.ChartError is a ValueError
        out["error"] = f"cell {result.index}: {exc}"
        if not out["columns"]:
            out["columns"], out["rows"] = _shown(View(), table)
    return out


def run_json(
    slug: str, revision: int | None, run: Run, results: list[CellResult], root: str = ""
) -> dict[str, Any]:
    """The answer to a notebook run: the citable run and every cell's result."""
    return {
        "slug": slug,
        "revision": revision,
        "run": {"id": run.id, "url": f"{root}/runs/{run.id}"},
        "cells": [cell_json(r) for r in results],
    }


def saved_query_json(q: SavedQuery) -> dict[str, Any]:
    """A saved query as the notebook editor offers it: its name, title and parameters."""
    return {
        "name": q.name,
        "title": q.title,
        "text": q.text,
        "params": [p.to_dict() for p in q.params],
    }
