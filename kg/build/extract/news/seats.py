"""Seat sharing ("P contested N seats ... allies A (N seats), B (N)") and the size of the Assembly."""

from __future__ import annotations

import re

from kg.build.extract.news.text import NAME, NUMW, Collector, num
from kg.build.extract.values import split_list
from kg.build.nodes import make_node
from kg.model import Lit, Mention, Span, Text

_CONTESTED = re.compile(
    rf"(?:{NAME}[’']s )?(?P<party>{NAME}) contested (?:in )?(?P<n>{NUMW}) (?:\w+ )?seats"
)
_ALLIES = re.compile(r"\ballies (?P<list>.+?)\.?$")
_ALLY_ITEM = re.compile(r"^(?:and )?(?P<name>.+?) \((?P<n>\d+)(?: seats?)?\)$")
_SIZE = re.compile(r"\b(?P<n>\d+)-(?:seat|member) Assembly\b")
_MAJORITY = re.compile(r"\bthe (?P<n>\d+)-seat majority mark\b")


def rule_allocation(out: Collector, sent: Text) -> None:
    m = _CONTESTED.search(sent.text)
    if not m or out.ctx.election is None:
        return
    o = sent.start
    lead = Mention(m.group("party"), "PoliticalParty")
    alliance = make_node("alliance", out.ctx.election, lead)
    s_span = out.span(o, sent.end)
    entries: list[tuple[Mention, int, Span]] = [
        (lead, num(m.group("n")) or 0, out.span(o + m.start(), o + m.end()))
    ]
    allies = _ALLIES.search(sent.text)
    if allies:
        base = allies.start("list")
        for a, b in split_list(allies.group("list")):
            item = allies.group("list")[a:b]
            mi = _ALLY_ITEM.match(item)
            if mi:
                entries.append(
                    (
                        Mention(mi.group("name"), "PoliticalParty"),
                        int(mi.group("n")),
                        out.span(o + base + a, o + base + b),
                    )
                )
    for party, n, ev in entries:
        node = make_node("seat-allocation", out.ctx.election, party)
        out.node(node, ev, "seat-allocation", out.context_note)
        out.add(node, "kgo:seatsContested", Lit(str(n), "integer"), ev, "seat-allocation")
        out.add(node, "kgo:alliance", alliance, s_span, "seat-allocation")
        out.add(alliance, "kgo:allianceMember", party, ev, "seat-allocation")
        if party != lead:
            out.add(party, "kgo:alliedWith", lead, ev, "seat-allocation")
    out.node(alliance, s_span, "seat-allocation", out.context_note)


def rule_assembly_size(out: Collector, sent: Text) -> None:
    if out.ctx.election is None:
        return
    for rx, prop in ((_SIZE, "kgo:numberOfSeats"), (_MAJORITY, "kgo:majorityMark")):
        for m in rx.finditer(sent.text):
            ev = out.span(sent.start + m.start(), sent.start + m.end())
            out.add(
                out.ctx.election,
                prop,
                Lit(m.group("n"), "integer"),
                ev,
                "assembly-size",
                note=out.context_note,
            )
