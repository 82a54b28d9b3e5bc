"""Polling: "in two phases on <date> and <date>", "voter turnout of N per cent" (overall or per phase)."""

from __future__ import annotations

import re

from kg.build.extract.news.text import NUMW, Collector, num
from kg.build.extract.values import (
    ORDINALS,
    parse_date,
    parse_decimal,
)
from kg.build.nodes import make_node
from kg.model import Lit, Node, Problem, Text

_TURNOUT = re.compile(r"turnout (?:of|at) (?P<n>\d+(?:\.\d+)?) ?(?:per ?cent|%)")
_ORD_PHASE = re.compile(r"\b(?P<ord>" + "|".join(ORDINALS) + r") phase\b", re.I)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE = rf"(?:{_MONTHS} \d{{1,2}}|\d{{1,2}} {_MONTHS})"
_PHASES = re.compile(
    rf"in (?P<count>{NUMW}) phases on (?P<dates>{_DATE}(?:(?:,| and|, and) {_DATE})*)"
)


def _phase(out: Collector, n: int) -> Node:
    assert out.ctx.election is not None
    return make_node("phase", out.ctx.election, Lit(str(n), "integer"))


def rule_turnout(out: Collector, sent: Text) -> None:
    if out.ctx.election is None:
        return
    for m in _TURNOUT.finditer(sent.text):
        value = Lit(str(parse_decimal(m.group("n"))), "decimal")
        ph = _ORD_PHASE.search(sent.text)
        if ph:
            node = _phase(out, ORDINALS[ph.group("ord").lower()])
            ev = out.span(sent.start, sent.end)
            out.node(node, ev, "turnout", out.context_note)
            out.add(node, "kgo:turnout", value, ev, "turnout")
        else:
            a = sent.text.rfind(" a ", 0, m.start())
            a = a + 1 if a >= 0 and m.start() - a < 20 else m.start()
            out.add(
                out.ctx.election,
                "kgo:turnout",
                value,
                out.span(sent.start + a, sent.start + m.end()),
                "turnout",
                note=out.context_note,
            )


def rule_phases(out: Collector, sent: Text) -> None:
    m = _PHASES.search(sent.text)
    if not m or out.ctx.election is None:
        return
    o = sent.start
    count = num(m.group("count"))
    out.add(
        out.ctx.election,
        "kgo:numberOfPhases",
        Lit(str(count), "integer"),
        out.span(o + m.start(), o + m.end()),
        "phases",
        note=out.context_note,
    )
    for i, d in enumerate(re.finditer(_DATE, m.group("dates")), 1):
        date = parse_date(d.group(0), out.ctx.year)
        if date is None:
            out.problems.append(
                Problem(
                    "extract",
                    f"polling date {d.group(0)!r} without a year in context",
                    f"{out.source}@{o}",
                )
            )
            continue
        node = _phase(out, i)
        ev = out.span(o + m.start("dates") + d.start(), o + m.start("dates") + d.end())
        note = f"year {out.ctx.year} from the article's context; phase number from the order of the dates"
        out.node(node, ev, "phases", note)
        out.add(node, "kgo:pollingDate", Lit(date.isoformat(), "date"), ev, "phases", note=note)
