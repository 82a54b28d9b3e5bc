"""Pattern rules for the sentence shapes news reports use for election results.

Each rule reads one sentence (or a paragraph, for running tallies) and states claims with the
exact phrase that supports each value. The election a report is about comes from its context
(the first "<year> <State> Assembly elections" phrase), and every claim that relies on it says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.values import (
    NUMBER_WORDS,
    ORDINALS,
    parse_date,
    parse_decimal,
    parse_int,
    parse_time,
)
from kg.model import Claim, Lit, Mention, Method, Node, Problem, Span, Term, Value
from kg.nodes import key_claims, make_node

NAME = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
PARTY = r"(?:the )?(?P<party>[A-Z][\w-]*(?: [A-Z][\w-]*)*)(?:[’']s)?(?: \((?P<abbr>[A-Z][A-Za-z()-]*)\))?"
NUMW = r"\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SENT = re.compile(r"(?:[^.!?\n]|[.!?](?![\s”\"]|$))+(?:[.!?]+[”\"]?|$)", re.M)
_CONTEXT = re.compile(r"\b(?:(?P<y>(?:19|20)\d\d) )?(?P<st>[A-Z][a-z]+ )?Assembly elections?\b")


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Context:
    election: Mention | None
    year: int | None
    span: Piece | None


def sentences(text: str) -> Iterator[Piece]:
    for m in _SENT.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield Piece(a, b, text[a:b])


def paragraphs(text: str) -> Iterator[Piece]:
    pos = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.match(r"\n\s*\n", block):
            lead = len(block) - len(block.lstrip())
            body = block.strip()
            yield Piece(pos + lead, pos + lead + len(body), body)
        pos += len(block)


def find_context(text: str) -> Context:
    m = _CONTEXT.search(text)
    if not m:
        return Context(None, None, None)
    year = int(m.group("y")) if m.group("y") else None
    if year is None:
        y = re.search(r"\b(?:19|20)\d\d\b", text)
        year = int(y.group(0)) if y else None
    return Context(
        Mention(m.group(0), "GeneralElection"), year, Piece(m.start(), m.end(), m.group(0))
    )


def _num(s: str) -> int | None:
    return parse_int(s.replace(" ", ""))


class _Out:
    """Collects claims for one source with shared method and evidence helpers."""

    def __init__(self, source: str, text: str, ctx: Context) -> None:
        self.source, self.text, self.ctx = source, text, ctx
        self.claims: list[Claim] = []
        self.problems: list[Problem] = []

    def span(self, start: int, end: int) -> Span:
        return Span(self.source, start, end, self.text[start:end])

    def add(self, s: Mention | Node, p: str, o: Value, ev: Span, rule: str, **kw: object) -> None:
        self.claims.append(Claim(s, p, o, ev, Method.NEWS, f"news:{rule}", **kw))  # type: ignore[arg-type]

    def node(self, node: Node, ev: Span, rule: str, note: str | None = None) -> None:
        for c in key_claims(node, ev, Method.NEWS, f"news:{rule}"):
            self.claims.append(
                Claim(c.subject, c.predicate, c.object, c.evidence, c.method, c.rule, note=note)
            )

    @property
    def context_note(self) -> str:
        quoted = self.ctx.span.text if self.ctx.span else "?"
        return f"election taken from the article's context ({quoted!r})"


def _party(m: re.Match[str], group: str = "party") -> Mention:
    abbr = m.groupdict().get("abbr")
    name = m.group(group)
    return Mention(f"{name} ({abbr})" if abbr else name, "PoliticalParty")


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


def rule_victory(out: _Out, sent: Piece) -> None:
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
                    Lit(str(_num(m.group("votes"))), "integer"),
                    out.span(o + m.start("vpart"), o + m.end("vpart")),
                    rule,
                )
            if m.group("margin"):
                margin = _num(m.group("margin")) or 0
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
                out.add(ocand, "kgo:party", _party(m), ospan, rule)
                out.add(ocand, "kgo:outcome", Term("kgo:Lost"), ospan, rule)
                out.add(ocand, "kgo:constituency", const, cspan, rule)
                out.add(ocand, "kgo:opponent", winner, ospan, rule)


_AS_OF = re.compile(
    r"\bAs of (?P<label>(?P<time>\d{1,2}(?::\d\d)?\s*[AaPp]\.?\s*[Mm]\.?)(?: on [a-z ]+?)?),"
)
_WON = re.compile(rf"(?:has |have )?(?:won|secured) (?P<n>{NUMW}) (?:seats|wins)")
_LEAD = re.compile(rf"(?:(?:is |are )?(?:leading|leads) in (?P<n>{NUMW})|(?P<n2>{NUMW}) leads)")
_WHICH = re.compile(r", which [^,]*,")
_SUBJ = re.compile(r"(?P<np>[A-Z][\w-]*(?: [A-Z][\w-]*)*)[\s,]*$")
_REPORTER = re.compile(r"the (?P<org>[A-Z]\w+(?: [A-Z]\w+)*) reported")
_WORDS = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
_ALLY = re.compile(
    rf"(?P<phrase>Its ally, the (?P<party>{_WORDS}))"
    rf"|(?P<phrase2>(?P<party2>{_WORDS}), which is in alliance with (?P<with>{_WORDS}))"
)


def _subject(sent: str, upto: int) -> re.Match[str] | None:
    head = _WHICH.sub(lambda m: " " * len(m.group(0)), sent[:upto])
    head = re.sub(r"(?:\s+[a-z]+)+\s*$", "", head.rstrip())
    return _SUBJ.search(head)


def rule_tallies(out: _Out, para: Piece) -> None:
    m_as = _AS_OF.search(para.text)
    if not m_as or out.ctx.election is None:
        return
    time = parse_time(m_as.group("time"))
    if time is None:
        return
    o = para.start
    as_of = out.span(o + m_as.start(), o + m_as.end() - 1)
    label = m_as.group("label")
    rep = _REPORTER.search(para.text)
    previous_party: Mention | None = None
    for sent in sentences(para.text):
        if sent.start < m_as.start():
            continue
        counts = [("kgo:seatsWon", m) for m in _WON.finditer(sent.text)] + [
            ("kgo:seatsLeading", m) for m in _LEAD.finditer(sent.text)
        ]
        if not counts:
            continue
        first = min(m.start() for _, m in counts)
        subj = _subject(sent.text, first)
        if subj is None:
            continue
        party = Mention(subj.group("np"), "PoliticalParty")
        s_span = out.span(o + sent.start, o + sent.end)
        note = f"time from {as_of.text!r}; {out.context_note}"
        tally = make_node("seat-tally", out.ctx.election, party, Lit(time, "time"))
        out.node(tally, s_span, "seat-tally", note)
        out.add(tally, "kgo:asOfLabel", Lit(label), as_of, "seat-tally")
        if rep:
            out.add(
                tally,
                "kgo:reportedBy",
                Mention(rep.group("org"), "Organisation"),
                out.span(o + rep.start(), o + rep.end()),
                "seat-tally",
            )
        for prop, m in counts:
            n = _num(m.group("n") or m.group("n2"))
            out.add(
                tally,
                prop,
                Lit(str(n), "integer"),
                out.span(o + sent.start + m.start(), o + sent.start + m.end()),
                "seat-tally",
            )
        for a in _ALLY.finditer(sent.text):
            if a.group("phrase") and previous_party is not None:
                ev = out.span(o + sent.start + a.start("phrase"), o + sent.start + a.end("phrase"))
                out.add(
                    Mention(a.group("party"), "PoliticalParty"),
                    "kgo:alliedWith",
                    previous_party,
                    ev,
                    "ally",
                )
            elif a.group("phrase2"):
                ev = out.span(
                    o + sent.start + a.start("phrase2"), o + sent.start + a.end("phrase2")
                )
                out.add(
                    Mention(a.group("party2"), "PoliticalParty"),
                    "kgo:alliedWith",
                    Mention(a.group("with"), "PoliticalParty"),
                    ev,
                    "ally",
                )
        previous_party = party


_CONTESTED = re.compile(
    rf"(?:{NAME}[’']s )?(?P<party>[A-Z][\w-]*(?: [A-Z][\w-]*)*) contested (?:in )?(?P<n>{NUMW}) (?:\w+ )?seats"
)
_ALLIES = re.compile(r"\ballies (?P<list>.+?)\.?$")
_ALLY_ITEM = re.compile(r"^(?:and )?(?P<name>.+?) \((?P<n>\d+)(?: seats?)?\)$")
_SIZE = re.compile(r"\b(?P<n>\d+)-(?:seat|member) Assembly\b")
_MAJORITY = re.compile(r"\bthe (?P<n>\d+)-seat majority mark\b")


def rule_allocation(out: _Out, sent: Piece) -> None:
    from kg.extract.values import split_list

    m = _CONTESTED.search(sent.text)
    if not m or out.ctx.election is None:
        return
    o = sent.start
    lead = Mention(m.group("party"), "PoliticalParty")
    alliance = make_node("alliance", out.ctx.election, lead)
    s_span = out.span(o, sent.end)
    entries: list[tuple[Mention, int, Span]] = [
        (lead, _num(m.group("n")) or 0, out.span(o + m.start(), o + m.end()))
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


def rule_assembly_size(out: _Out, sent: Piece) -> None:
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


_TURNOUT = re.compile(r"turnout (?:of|at) (?P<n>\d+(?:\.\d+)?) ?(?:per ?cent|%)")
_ORD_PHASE = re.compile(r"\b(?P<ord>" + "|".join(ORDINALS) + r") phase\b", re.I)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE = rf"(?:{_MONTHS} \d{{1,2}}|\d{{1,2}} {_MONTHS})"
_PHASES = re.compile(
    rf"in (?P<count>{NUMW}) phases on (?P<dates>{_DATE}(?:(?:,| and|, and) {_DATE})*)"
)


def _phase(out: _Out, n: int) -> Node:
    assert out.ctx.election is not None
    return make_node("phase", out.ctx.election, Lit(str(n), "integer"))


def rule_turnout(out: _Out, sent: Piece) -> None:
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


def rule_phases(out: _Out, sent: Piece) -> None:
    m = _PHASES.search(sent.text)
    if not m or out.ctx.election is None:
        return
    o = sent.start
    count = _num(m.group("count"))
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


SENTENCE_RULES = (rule_victory, rule_allocation, rule_assembly_size, rule_turnout, rule_phases)


def extract_news(source: str, text: str) -> tuple[list[Claim], list[Problem]]:
    """Claims from the election sentence shapes of a news report."""
    out = _Out(source, text, find_context(text))
    for sent in sentences(text):
        for rule in SENTENCE_RULES:
            rule(out, sent)
    for para in paragraphs(text):
        rule_tallies(out, para)
    return out.claims, out.problems
