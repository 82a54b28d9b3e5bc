"""Result sentences: "X secured a victory in the Y constituency, receiving N votes and defeating
Z's W by a margin of M votes" and "X has won the Y constituency by a margin of M votes against
P candidate W"."""

from __future__ import annotations

import re

from kg.build.extract.news.text import NAME, NUMW, PARTY, Collector, num, party_mention
from kg.build.nodes import make_node
from kg.model import Lit, Mention, Problem, Term, Text

_WIN_A = re.compile(
    rf"(?P<winner>{NAME}) secured an? (?:\w+ )?victory (?P<cpart>in the (?P<const>{NAME}) constituency)"
    rf"(?:, (?P<vpart>receiving (?P<votes>{NUMW}) votes))?"
    rf"(?: and (?P<opart>defeating {PARTY} (?P<opp>{NAME})))?"
    rf"(?: (?P<mpart>by a margin of (?P<margin>{NUMW}) votes))?"
)
_WIN_B = re.compile(
    rf"(?P<winner>{NAME}),(?: in (?:his|her|their) (?P<debut>political debut),)? has won "
    rf"(?P<cpart>the (?P<const>{NAME}) constituency)"
    rf"(?: (?P<mpart>by a margin of (?P<margin>{NUMW}) votes))?"
    rf"(?: (?P<opart>against {PARTY} candidate (?P<opp>{NAME})))?"
)


def rule_victory(out: Collector, sent: Text) -> None:
    for rx, rule in ((_WIN_A, "victory"), (_WIN_B, "won-constituency")):
        for m in rx.finditer(sent.text):
            if out.ctx.election is None:
                out.problems.append(
                    Problem(
                        "extract",
                        "victory sentence but no election in context",
                        f"{out.source}@{sent.start}",
                    )
                )
                return
            o = sent.start
            election = out.ctx.election
            whole = out.span(o + m.start(), o + m.end())
            winner = Mention(m.group("winner"), "Person")
            cand = make_node("candidacy", election, winner)
            out.node(cand, whole, rule, out.context_note)
            out.add(cand, "kgo:outcome", Term("kgo:Won"), whole, rule)
            const = Mention(m.group("const"), "Constituency")
            cspan = out.span(o + m.start("cpart"), o + m.end("cpart"))
            out.add(cand, "kgo:constituency", const, cspan, rule)
            if m.groupdict().get("debut"):
                out.add(
                    cand,
                    "kgo:describedAsDebut",
                    Lit("true", "boolean"),
                    out.span(o + m.start("debut"), o + m.end("debut")),
                    rule,
                )
            if m.groupdict().get("votes"):
                out.add(
                    cand,
                    "kgo:votes",
                    Lit(str(num(m.group("votes"))), "integer"),
                    out.span(o + m.start("vpart"), o + m.end("vpart")),
                    rule,
                )
            if m.group("margin"):
                margin = num(m.group("margin")) or 0
                rounded = margin >= 1000 and margin % 1000 == 0
                out.add(
                    cand,
                    "kgo:margin",
                    Lit(str(margin), "integer"),
                    out.span(o + m.start("mpart"), o + m.end("mpart")),
                    rule,
                    approximate=rounded,
                    note="a round figure (a multiple of 1,000): kept as stated and marked approximate"
                    if rounded
                    else None,
                )
            if m.group("opp"):
                opp = Mention(m.group("opp"), "Person")
                ospan = out.span(o + m.start("opart"), o + m.end("opart"))
                out.add(cand, "kgo:opponent", opp, ospan, rule)
                ocand = make_node("candidacy", election, opp)
                out.node(ocand, ospan, rule, out.context_note)
                out.add(ocand, "kgo:party", party_mention(m), ospan, rule)
                out.add(ocand, "kgo:outcome", Term("kgo:Lost"), ospan, rule)
                out.add(ocand, "kgo:constituency", const, cspan, rule)
                out.add(ocand, "kgo:opponent", winner, ospan, rule)
