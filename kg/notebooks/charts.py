"""Charts of a query cell's answer: bar, line and timeline views, drawn with matplotlib.

Values are read from the lexical form of the literals: a ``y`` column must hold numbers, a line's
``x`` numbers or dates, a timeline's ``x`` dates (``xsd:date``, ``xsd:gYear``, ``xsd:gYearMonth``
or ``xsd:dateTime``). A row with no value in a column the chart needs is left out, and the chart
says how many were. Output is SVG or PNG; the SVG is deterministic (fixed hash salt, no date),
so the same answer gives the same bytes. Each drawn mark carries an id (``bar-N``, ``line-N``,
``event-N``) in the SVG. Figures are made without pyplot, so nothing global is kept between calls.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from kg.notebooks.model import View  # noqa: E402
from kg.query.answer import Table  # noqa: E402

FORMATS = ("svg", "png")
XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_TYPES = ("date", "dateTime", "dateTimeStamp", "gYear", "gYearMonth")
_EPOCH = datetime(1970, 1, 1)  # matplotlib's default date epoch
_DATE = re.compile(
    r"(-?\d{4,})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?)?)?)?"
    r"(?:Z|[+-]\d{2}:\d{2})?"
)


class ChartError(ValueError):
    """The answer does not fit the view; the message names the column."""


@dataclass(frozen=True)
class Chart:
    data: bytes
    fmt: str
    marks: int  # bars, points or events drawn
    skipped: int  # rows left out because a value the chart needs is unbound


def number(text: str, column: str) -> float:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ChartError(f"column {column!r} has a value that is not a number: {text!r}") from None
    if not value.is_finite():
        raise ChartError(f"column {column!r} has a value that is not a finite number: {text!r}")
    return float(value)


def when(text: str, column: str) -> datetime:
    """A date, year, year-month or date-time lexical value as a (naive) datetime."""
    m = _DATE.fullmatch(text.strip())
    year = int(m.group(1)) if m else 0
    if m is None or not 1 <= year <= 9999:
        raise ChartError(f"column {column!r} has a value that is not a date or year: {text!r}")
    month, day, hour, minute, second = (int(g) if g else 0 for g in m.groups()[1:])
    try:
        return datetime(year, month or 1, day or 1, hour, minute, second)
    except ValueError:
        raise ChartError(f"column {column!r} has an impossible date: {text!r}") from None


def _days(moment: datetime) -> float:
    """Days since 1970-01-01, matplotlib's date numbers (its default epoch)."""
    return (moment - _EPOCH).total_seconds() / 86400


def _dated(table: Table, column: str | None) -> bool:
    """Whether a column's literals are typed as dates or years (xsd:date, gYear, dateTime …)."""
    if column is None or column not in table.variables:
        return False
    i = table.variables.index(column)
    types = {t.get("datatype", "") for row in table.rows if (t := row[i]) is not None}
    return any(t.startswith(XSD) and t[len(XSD) :] in _DATE_TYPES for t in types)


def _needed(view: View) -> list[str]:
    if view.type == "timeline":
        return [c for c in (view.x, view.label) if c]
    return [c for c in (view.x, *view.y, view.series) if c]


def _rows(view: View, table: Table) -> tuple[list[dict[str, str]], int]:
    """The rows that have every column the chart needs, and how many did not."""
    if table.boolean is not None:
        raise ChartError("an ASK answer (true or false) cannot be drawn; use a table view")
    needed = _needed(view)
    for name in needed:
        if name not in table.variables:
            raise ChartError(
                f"the {view.type} chart needs column {name!r}, which the query does not return"
                f" (it returns {', '.join(table.variables) or 'no columns'})"
            )
    full = []
    for row in table.values():
        if all(row[c] is not None for c in needed):
            full.append({c: str(row[c]) for c in needed})
    return full, len(table.rows) - len(full)


def _first_seen(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _bar(fig: Figure, view: View, rows: list[dict[str, str]], dated: bool) -> int:
    ax = fig.add_subplot()
    assert view.x is not None
    if view.series is None:
        groups = [(y, [(i, number(r[y], y)) for i, r in enumerate(rows)]) for y in view.y]
        ticks = [r[view.x] for r in rows]
    else:
        ticks = _first_seen([r[view.x] for r in rows])
        series = _first_seen([r[view.series] for r in rows])
        cells: dict[tuple[str, str], dict[str, str]] = {}
        for r in rows:
            key = (r[view.x], r[view.series])
            if key in cells:
                raise ChartError(
                    f"two rows have {view.x!r} = {key[0]!r} and {view.series!r} = {key[1]!r};"
                    " a grouped bar chart needs one row per bar"
                )
            cells[key] = r
        groups = []
        for y in view.y:
            for s in series:
                name = s if len(view.y) == 1 else f"{y} · {s}"
                points = [
                    (ticks.index(x), number(cells[(x, s)][y], y)) for x in ticks if (x, s) in cells
                ]
                groups.append((name, points))
    width = 0.8 / max(len(groups), 1)
    marks = 0
    for g, (name, points) in enumerate(groups):
        offset = (g - (len(groups) - 1) / 2) * width
        bars = ax.bar([i + offset for i, _ in points], [v for _, v in points], width, label=name)
        for patch in bars.patches:
            patch.set_gid(f"bar-{marks}")
            marks += 1
    tilt = len(ticks) > 4 or sum(len(t) for t in ticks) > 60
    ax.set_xticks(
        range(len(ticks)), ticks, rotation=20 if tilt else 0, ha="right" if tilt else "center"
    )
    ax.set_xlabel(view.x)
    ax.set_ylabel(", ".join(view.y))
    if len(groups) > 1:
        ax.legend(title=view.series if len(view.y) == 1 else None)
    return marks


def _line_x(values: list[str], column: str, dated: bool) -> tuple[list[float], bool]:
    """The x values of a line chart as numbers, and whether they are dates (as day numbers)."""
    if not dated:
        try:
            return [number(v, column) for v in values], False
        except ChartError:
            pass
    try:
        return [_days(when(v, column)) for v in values], True
    except ChartError:
        raise ChartError(f"column {column!r} of a line chart must hold numbers or dates") from None


def _line(fig: Figure, view: View, rows: list[dict[str, str]], dated: bool) -> int:
    ax = fig.add_subplot()
    assert view.x is not None
    xs, dates = _line_x([r[view.x] for r in rows], view.x, dated)
    series = _first_seen([r[view.series] for r in rows]) if view.series else [None]
    marks = 0
    lines = 0
    for y in view.y:
        for s in series:
            points = sorted(
                (x, number(r[y], y))
                for x, r in zip(xs, rows, strict=True)
                if s is None or r[str(view.series)] == s
            )
            name = y if s is None else (s if len(view.y) == 1 else f"{y} · {s}")
            (line,) = ax.plot(
                [p[0] for p in points], [p[1] for p in points], marker="o", label=name
            )
            line.set_gid(f"line-{lines}")
            lines += 1
            marks += len(points)
    ax.set_xlabel(view.x)
    ax.set_ylabel(", ".join(view.y))
    if lines > 1:
        ax.legend(title=view.series if len(view.y) == 1 else None)
    if dates:
        ax.xaxis_date()
        fig.autofmt_xdate()
    elif all(x.is_integer() for x in xs):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return marks


def _timeline(fig: Figure, view: View, rows: list[dict[str, str]], dated: bool) -> int:
    assert view.x is not None and view.label is not None
    events = sorted(
        ((_days(when(r[view.x], view.x)), r[view.x], r[view.label]) for r in rows),
        key=lambda e: e[0],
    )
    ax = fig.add_subplot()
    ax.axhline(0, color="#888888", linewidth=1)
    for i, (date, shown, label) in enumerate(events):
        level = (1.0, -1.0, 2.0, -2.0, 3.0, -3.0)[i % 6]
        ax.vlines(date, 0, level, color="#bbbbbb", linewidth=0.8)
        (point,) = ax.plot([date], [0], marker="o", color="C0", linestyle="none")
        point.set_gid(f"event-{i}")
        ax.annotate(
            f"{label}\n{shown}",
            (date, level),
            ha="center",
            va="bottom" if level > 0 else "top",
            fontsize=8,
        )
    ax.set_ylim(-4.2, 4.2)
    ax.get_yaxis().set_visible(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(view.x)
    if events:
        span = max((events[-1][0] - events[0][0]) * 0.12, 30.0)  # days
        ax.set_xlim(events[0][0] - span, events[-1][0] + span)
    ax.xaxis_date()
    fig.autofmt_xdate()
    return len(events)


def draw(view: View, table: Table, fmt: str = "svg", title: str = "") -> Chart:
    """The chart of ``table`` as ``view`` says, in ``fmt`` (svg or png); ChartError says why not."""
    if fmt not in FORMATS:
        raise ChartError(f"chart format {fmt!r} is not one of {', '.join(FORMATS)}")
    if view.type not in ("bar", "line", "timeline"):
        raise ChartError(f"a {view.type} view has no chart")
    rows, skipped = _rows(view, table)
    with matplotlib.rc_context(
        {"svg.hashsalt": "kg-notebook", "svg.fonttype": "path", "font.family": "DejaVu Sans"}
    ):
        fig = Figure(figsize=(8, 4.5), dpi=100)
        FigureCanvasAgg(fig)
        kind = {"bar": _bar, "line": _line, "timeline": _timeline}[view.type]
        marks = kind(fig, view, rows, _dated(table, view.x))
        if title:
            fig.suptitle(title)
        if skipped:
            s = "s" if skipped != 1 else ""
            fig.text(
                0.01, 0.01, f"{skipped} row{s} left out: no value in a charted column", fontsize=8
            )
        if not rows:
            fig.text(0.5, 0.5, "no rows to draw", ha="center", va="center")
        fig.tight_layout(rect=(0, 0.04 if skipped else 0, 1, 1))
        buf = io.BytesIO()
        meta: dict[str, str | None] = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, metadata=meta)
    return Chart(buf.getvalue(), fmt, marks, skipped)


def render(view: View, table: Table, fmt: str = "svg", title: str = "") -> bytes:
    """The chart's bytes (see :func:`draw`, which also says how many rows were left out)."""
    return draw(view, table, fmt, title).data
