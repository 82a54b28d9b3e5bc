"""A notebook run as a file to keep or send: a standalone HTML page, or Markdown with PNG charts.

The header says what the run is: the build it ran on (sha256 of the built ``kg.nq``), the user
graph, the time, and whether inferred facts were included. Each query cell shows its parameter
values, its query (folded), its result hash (:meth:`kg.query.answer.Table.digest`) and its answer as a
table; a chart view adds its chart. HTML embeds the charts as PNG ``data:`` images and renders
markdown cells with markdown-it-py with raw HTML off, so a notebook's text never runs in the
reader's browser. Markdown writes the charts next to the report, in ``<name>_files/``.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from markdown_it import MarkdownIt

from kg.notebooks.charts import draw
from kg.notebooks.execute import CellResult
from kg.notebooks.model import Notebook
from kg.query.answer import Table

FORMATS = ("html", "markdown")
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
header dt { font-weight: 600; } code, pre, dd.hash { font-family: ui-monospace, monospace; }
section.cell { border-top: 1px solid #ddd; margin-top: 1.5rem; padding-top: .5rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } .meta { color: #555; font-size: 13px; } .error { color: #a00; }
pre { background: #f6f6f6; padding: .5rem; overflow-x: auto; } img { max-width: 100%; }
"""


@dataclass(frozen=True)
class ReportMeta:
    build_id: str  # sha256 of the built dump, see kg.query.pool.jobs.file_hash
    created: str  # when the notebook ran, ISO 8601
    inference: bool  # False: every cell ran on asserted facts only
    user_graph: str = ""  # sha256 of the user graph the run saw
    source: str = ""  # where the notebook came from (a file, or "shipped")
    run_id: str = ""  # the citable run recorded for this report (kg.state.runs)


@dataclass(frozen=True)
class Shown:
    """What a query cell shows: its table, and its chart (PNG) or why there is none."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # lexical values ("" when unbound)
    links: frozenset[tuple[int, int]] = frozenset()  # (row, column) of the http(s) IRIs
    chart: bytes | None = None
    notes: tuple[str, ...] = ()


def shown(result: CellResult) -> Shown:
    table = result.table
    assert table is not None
    view = result.cell.view
    if table.boolean is not None:
        return Shown(("answer",), (("true" if table.boolean else "false",),))
    notes: list[str] = []
    columns = list(table.variables)
    if view.type == "table" and view.columns:
        missing = [c for c in view.columns if c not in table.variables]
        if missing:
            notes.append(f"the view names {', '.join(missing)}, which the query does not return")
        else:
            columns = list(view.columns)
    index = [table.variables.index(c) for c in columns]
    terms = [[row[i] for i in index] for row in table.rows]
    rows = tuple(tuple("" if t is None else t["value"] for t in r) for r in terms)
    links = frozenset(
        (i, j)
        for i, r in enumerate(terms)
        for j, t in enumerate(r)
        if t is not None and t["type"] == "uri" and re.match(r"https?://", t["value"])
    )
    chart = None
    if view.type != "table":
        try:
            drawn = draw(view, table, "png", result.cell.title)
            chart = drawn.data
            if drawn.skipped:
                notes.append(
                    f"{drawn.skipped} row(s) without a value in a charted column are not drawn"
                )
        except ValueError as exc:
            notes.append(f"no chart: {exc}")
    if table.truncated:
        notes.append("the answer was cut at the row limit")
    return Shown(tuple(columns), rows, links, chart, tuple(notes))


def _title(result: CellResult) -> str:
    return result.cell.title or result.cell.query or f"Query {result.index}"


def _header_items(meta: ReportMeta) -> list[tuple[str, str]]:
    items = [
        ("Build", meta.build_id),
        ("User graph", meta.user_graph or "none"),
        ("Run at", meta.created),
        ("Inference", "included" if meta.inference else "off: asserted facts only"),
    ]
    if meta.source:
        items.append(("Notebook", meta.source))
    if meta.run_id:
        items.append(
            (
                "Citable run",
                f"{meta.run_id} (a server on this state folder shows it at /runs/{meta.run_id})",
            )
        )
    return items


def _params(result: CellResult) -> list[tuple[str, str, str]]:
    """(name, raw value, the N-Triples term bound) of each parameter the cell ran with."""
    bound = dict(result.bound)
    variable = {p.name: p.variable for p in result.params}
    return [(n, v, bound.get(variable.get(n, ""), "")) for n, v in result.values]


def _cell_meta(result: CellResult, table: Table | None) -> list[str]:
    out = [f"inference {'on' if result.cell.inference else 'off'}"]
    if table is not None:
        out.append(f"{len(table.rows)} row{'s' if len(table.rows) != 1 else ''}")
        out.append(f"result {table.digest()}")
    return out


# -- HTML ------------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_value(v: str, link: bool) -> str:
    return f'<a href="{_e(v)}">{_e(v)}</a>' if link else _e(v)


def _html_table(s: Shown) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in s.columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{_html_value(v, (i, j) in s.links)}</td>" for j, v in enumerate(row))
        + "</tr>"
        for i, row in enumerate(s.rows)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html_cell(result: CellResult) -> str:
    if result.cell.kind == "markdown":
        return f'<section class="cell markdown">{_MARKDOWN.render(result.cell.text)}</section>'
    parts = [
        f'<section class="cell query" id="cell-{result.index}">',
        f"<h2>{_e(_title(result))}</h2>",
    ]
    items = "".join(
        f"<li><code>{_e(name)}</code> = <code>{_e(value)}</code>"
        + (f" → <code>{_e(term)}</code>" if term else "")
        + "</li>"
        for name, value, term in _params(result)
    )
    if items:
        parts.append(f'<ul class="params">{items}</ul>')
    parts.append(f"<details><summary>Query</summary><pre>{_e(result.text)}</pre></details>")
    parts.append(f'<p class="meta">{_e(" · ".join(_cell_meta(result, result.table)))}</p>')
    if result.error is not None:
        parts.append(f'<p class="error">{_e(result.error)}</p>')
    if result.table is not None:
        s = shown(result)
        parts.extend(f'<p class="error">{_e(n)}</p>' for n in s.notes)
        if s.chart is not None:
            data = base64.b64encode(s.chart).decode("ascii")
            alt = _e(f"Chart: {_title(result)}")
            parts.append(f'<img src="data:image/png;base64,{data}" alt="{alt}">')
            parts.append(f"<details><summary>Data</summary>{_html_table(s)}</details>")
        else:
            parts.append(_html_table(s))
    parts.append("</section>")
    return "\n".join(parts)


def html_report(nb: Notebook, results: list[CellResult], meta: ReportMeta) -> str:
    header = "".join(
        f"<dt>{_e(k)}</dt><dd{' class=hash' if ':' in v else ''}>{_e(v)}</dd>"
        for k, v in _header_items(meta)
    )
    cells = "\n".join(_html_cell(r) for r in results)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(nb.title)}</title><style>{_CSS}</style></head><body>\n"
        f"<header><h1>{_e(nb.title)}</h1><p>{_e(nb.description)}</p><dl>{header}</dl></header>\n"
        f"<main>\n{cells}\n</main></body></html>\n"
    )


# -- Markdown --------------------------------------------------------------------------------


def md_escape(text: str) -> str:
    """Text for a pipe-table cell: markdown punctuation and ``|`` escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_table(s: Shown) -> list[str]:
    lines = ["| " + " | ".join(md_escape(c) for c in s.columns) + " |"]
    lines.append("|" + "---|" * len(s.columns))
    lines.extend("| " + " | ".join(md_escape(v) for v in row) + " |" for row in s.rows)
    return lines


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def markdown_report(
    nb: Notebook, results: list[CellResult], meta: ReportMeta, files_dir: str
) -> tuple[str, dict[str, bytes]]:
    """The Markdown text and the chart files it links, by file name inside ``files_dir``."""
    out = [f"# {md_escape(nb.title)}", ""]
    if nb.description:
        out += [md_escape(nb.description), ""]
    out += [f"- **{k}**: `{v}`" for k, v in _header_items(meta)] + [""]
    files: dict[str, bytes] = {}
    for r in results:
        if r.cell.kind == "markdown":
            out += [r.cell.text.rstrip(), ""]
            continue
        out += [f"## {md_escape(_title(r))}", ""]
        out += [
            f"- parameter `{name}` = `{value}`" + (f" → `{term}`" if term else "")
            for name, value, term in _params(r)
        ]
        fence = _fence(r.text)
        out += ["", "<details><summary>Query</summary>", "", f"{fence}sparql", r.text.rstrip()]
        out += [fence, "", "</details>", "", f"*{md_escape(' · '.join(_cell_meta(r, r.table)))}*"]
        out.append("")
        if r.error is not None:
            out += [f"**Error:** {md_escape(r.error)}", ""]
        if r.table is None:
            continue
        s = shown(r)
        out += [f"*{md_escape(n)}*" for n in s.notes] + ([""] if s.notes else [])
        if s.chart is not None:
            name = f"cell-{r.index:02d}.png"
            files[name] = s.chart
            out += [f"![{md_escape(_title(r))}]({quote(files_dir)}/{name})", ""]
        out += _md_table(s) + [""]
    return "\n".join(out).rstrip() + "\n", files


def write_report(
    nb: Notebook, results: list[CellResult], fmt: str, out: Path, meta: ReportMeta
) -> Path:
    """Write the report of a run to ``out`` (and, for Markdown, its charts beside it)."""
    if fmt == "html":
        out.write_text(html_report(nb, results, meta), encoding="utf-8")
        return out
    if fmt != "markdown":
        raise ValueError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}")
    files_dir = f"{out.stem}_files"
    text, files = markdown_report(nb, results, meta, files_dir)
    if files:
        folder = out.parent / files_dir
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
    out.write_text(text, encoding="utf-8")
    return out
