"""Charts of notebook cells: each view draws one mark per value, as valid SVG or PNG; an answer
that does not fit the view gives an error naming the column."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from kg.notebooks.charts import ChartError, draw, render
from kg.notebooks.model import View
from kg.query.answer import Table

XSD = "http://www.w3.org/2001/XMLSchema#"
SVG = "{http://www.w3.org/2000/svg}"


def table(
    variables: str, *rows: tuple[str | None, ...], types: dict[str, str] | None = None
) -> Table:
    """A table of literals; ``types`` gives a column's XSD datatype (default: plain strings)."""
    names = tuple(variables.split())
    types = types or {}

    def term(name: str, value: str | None) -> dict[str, str] | None:
        if value is None:
            return None
        out = {"type": "literal", "value": value}
        if name in types:
            out["datatype"] = XSD + types[name]
        return out

    return Table(
        names, tuple(tuple(term(n, v) for n, v in zip(names, r, strict=True)) for r in rows)
    )


TALLIES = table(
    "party report seats",
    ("Bharatiya Janata Party", "3 PM", "21"),
    ("Indian National Congress", "3 PM", "17"),
    ("Indian National Congress", "6 pm", "16"),
    ("Jharkhand Mukti Morcha", "3 PM", "34"),
    ("Jharkhand Mukti Morcha", "6 pm", "34"),
    types={"seats": "integer"},
)
EVENTS = table(
    "date event",
    ("1985-03-03", "born"),
    ("2012", "Master of Business Administration"),
    ("2024-03-04T10:00:00Z", "entered politics"),
    ("2006-02-07", "married Hemant Soren"),
)


def svg_root(data: bytes) -> ET.Element:
    root = ET.fromstring(data)
    assert root.tag == SVG + "svg"
    return root


def marks(root: ET.Element, prefix: str) -> list[ET.Element]:
    return [g for g in root.iter(SVG + "g") if g.get("id", "").startswith(prefix)]


def test_bar_chart_draws_one_bar_per_row() -> None:
    t = table("election votes", ("2024 Gandey by-election", "109827"), ("2024 Assembly", "119372"))
    chart = draw(View("bar", x="election", y=("votes",)), t, "svg", "Votes")
    root = svg_root(chart.data)
    assert len(marks(root, "bar-")) == 2 == chart.marks
    assert chart.skipped == 0
    assert b"<!-- Votes -->" in chart.data  # the cell title is the chart title


def test_grouped_bars_one_per_party_and_report_with_a_legend() -> None:
    chart = draw(View("bar", x="party", y=("seats",), series="report"), TALLIES, "svg", "Tallies")
    root = svg_root(chart.data)
    assert len(marks(root, "bar-")) == 5 == chart.marks
    assert b"<!-- 3 PM -->" in chart.data and b"<!-- 6 pm -->" in chart.data  # the legend
    assert any(g.get("id") == "legend_1" for g in root.iter(SVG + "g"))


def test_bars_for_two_numeric_columns() -> None:
    t = table("party won leading", ("JMM", "20", "14"), ("INC", "10", "6"))
    chart = draw(View("bar", x="party", y=("won", "leading")), t, "svg")
    assert chart.marks == 4 and len(marks(svg_root(chart.data), "bar-")) == 4


def test_line_chart_one_point_per_row_per_series() -> None:
    t = table(
        "year party seats",
        ("2014", "JMM", "19"),
        ("2019", "JMM", "30"),
        ("2024", "JMM", "34"),
        ("2019", "BJP", "25"),
        ("2024", "BJP", "21"),
        types={"year": "gYear"},
    )
    chart = draw(View("line", x="year", y=("seats",), series="party"), t, "svg")
    root = svg_root(chart.data)
    lines = marks(root, "line-")
    assert [len(list(g.iter(SVG + "use"))) for g in lines] == [3, 2]
    assert chart.marks == 5


def test_line_chart_over_plain_numbers() -> None:
    t = table("x y", ("3", "9"), ("1", "1"), ("2", "4"))
    chart = draw(View("line", x="x", y=("y",)), t, "svg")
    assert [len(list(g.iter(SVG + "use"))) for g in marks(svg_root(chart.data), "line-")] == [3]


def test_timeline_marks_each_event_with_its_label() -> None:
    chart = draw(View("timeline", x="date", label="event"), EVENTS, "svg", "Dated facts")
    root = svg_root(chart.data)
    assert len(marks(root, "event-")) == 4 == chart.marks
    texts = re.findall(rb"<!-- (.*?) -->", chart.data, re.S)
    # each label with its date as the answer gives it, in date order, then the title
    assert texts[-9:] == [
        b"born", b"1985-03-03", b"married Hemant Soren", b"2006-02-07",
        b"Master of Business Administration", b"2012", b"entered politics",
        b"2024-03-04T10:00:00Z", b"Dated facts",
    ]  # fmt: skip


def test_png_output() -> None:
    data = render(View("timeline", x="date", label="event"), EVENTS, "png")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_svg_is_deterministic() -> None:
    view = View("bar", x="party", y=("seats",), series="report")
    assert render(view, TALLIES, "svg", "T") == render(view, TALLIES, "svg", "T")
    assert b"<dc:date>" not in render(view, TALLIES, "svg")


def test_rows_without_a_value_are_left_out_and_counted() -> None:
    t = table("party won", ("JMM", "20"), ("BJP", None), ("INC", "10"), ("AJSU", None))
    chart = draw(View("bar", x="party", y=("won",)), t, "svg")
    assert chart.marks == 2 and chart.skipped == 2
    assert b"2 rows left out: no value in a charted column" in chart.data


def test_no_rows_still_draws() -> None:
    chart = draw(View("bar", x="a", y=("b",)), table("a b"), "svg")
    assert chart.marks == 0 and b"no rows to draw" in chart.data


@pytest.mark.parametrize(
    ("view", "t", "message"),
    [
        (View("bar", x="party", y=("votes",)), TALLIES, "column 'votes'"),
        (View("bar", x="name", y=("seats",)), TALLIES, "column 'name'"),
        (
            View("bar", x="seats", y=("party",)),
            TALLIES,
            "column 'party' has a value that is not a number: 'Bharatiya Janata Party'",
        ),
        (
            View("line", x="party", y=("seats",)),
            TALLIES,
            "column 'party' of a line chart must hold numbers or dates",
        ),
        (
            View("timeline", x="event", label="date"),
            EVENTS,
            "column 'event' has a value that is not a date or year: 'born'",
        ),
        (View("timeline", x="date", label="what"), EVENTS, "column 'what'"),
        (
            View("bar", x="report", y=("seats",), series="report"),
            TALLIES,
            "two rows have 'report' = '3 PM' and 'report' = '3 PM'",
        ),
        (View("table"), TALLIES, "a table view has no chart"),
    ],
)
def test_errors_name_the_column(view: View, t: Table, message: str) -> None:
    with pytest.raises(ChartError) as err:
        render(view, t)
    assert message in str(err.value)


def test_ask_answers_are_not_charted() -> None:
    with pytest.raises(ChartError, match="ASK"):
        render(View("bar", x="a", y=("b",)), Table((), (), boolean=True))


def test_unknown_format() -> None:
    with pytest.raises(ChartError, match="'pdf'"):
        render(View("bar", x="party", y=("seats",)), TALLIES, "pdf")
