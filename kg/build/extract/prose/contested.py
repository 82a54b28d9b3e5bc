"""Seats contested and seat-sharing: "the JMM will contest 43 seats", "JMM (41), Congress (30)",
"fielded 79 candidates", "the Congress 61, and the RJD and the AJSU 54 each"."""

from __future__ import annotations

import re

from kg.build.extract.prose.context import Elections
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import Chunk, Sentence
from kg.build.extract.prose.tallies import CONTEST, EACH, election_of, last_joined
from kg.build.nodes import make_node
from kg.model import Lit, Mention


def rule_contested(out: Out, s: Sentence, ctx: Elections) -> None:
    if not CONTEST.search(s.text) or re.search(r"\b(?:not|no)\b", s.text):
        return
    parties = [c for c in s.chunks if c.kind == "party"]
    if not parties:
        return
    got = election_of(out, s, ctx)
    if got is None:
        return
    election, note = got
    counted = False
    for i, party in enumerate(parties):
        stop = parties[i + 1].start if i + 1 < len(parties) else s.end
        n = next((c for c in s.chunks if c.kind == "number" and party.end <= c.start < stop), None)
        if n is None:
            n = _each_number(s, parties, i)  # "the RJD and the AJSU 54 each"
        if n is None:
            continue
        gap = s.text[last_joined(s, parties, i).end - s.start : n.start - s.start]
        after = s.text[n.end - s.start : n.end - s.start + 20]
        stated = re.fullmatch(r"\s*\(\s*", gap) or re.match(
            r"\s*(?:seats|constituenc|candidates|nominees|\))", after
        )
        if not stated and not (counted and re.fullmatch(r"\s*", gap)):
            continue  # "…, the Congress 31 and the RJD seven" only after a count was stated
        if won_after(s, n):
            continue  # "the Congress fought 31 and won 16": 16 is a tally
        counted = True
        pm = Mention(party.value, "PoliticalParty")
        node = make_node("seat-allocation", election, pm)
        ev = out.span(party.start, n.end)
        out.node(node, ev, "seats-contested", note)
        out.add(
            node,
            "kgo:seatsContested",
            Lit(n.value, "integer"),
            out.span(n.start, n.end),
            "seats-contested",
        )


def _each_number(s: Sentence, parties: list[Chunk], i: int) -> Chunk | None:
    last = last_joined(s, parties, i)
    if last is parties[i]:
        return None
    k = parties.index(last)
    stop = parties[k + 1].start if k + 1 < len(parties) else s.end
    n = next((c for c in s.chunks if c.kind == "number" and last.end <= c.start < stop), None)
    return n if n is not None and EACH.match(s.text[n.end - s.start :]) else None


def won_after(s: Sentence, n: Chunk) -> bool:
    """Whether ``n`` is the seats won, not contested: "fought 31 and won 16"."""
    return (
        re.search(r"\b(?:won|winning|bagged|retained)\s+$", s.text[: n.start - s.start]) is not None
    )
