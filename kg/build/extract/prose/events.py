"""What happens to politicians between elections: party switches (read in :mod:`.switches`),
arrests, bail, resignations, oaths, deaths and parties founded.

- "X was arrested by the ED on 31 January", "the ED arrested X in a money laundering case";
- "X was granted bail by the Jharkhand High Court";
- "X resigned as chief minister", "X was sworn in as the chief minister on 4 July";
- "X died on 4 August 2025", "X founded the JVM(P) in 2006".
"""

from __future__ import annotations

import re

from kg.build.extract.prose.event_parts import dated, event_date, event_date_lit, who_of
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.lexicon import POSTS
from kg.build.extract.prose.offices import first_post
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.references import possessor
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.extract.prose.switches import join
from kg.build.extract.prose.triggers import Hit, triggers
from kg.build.nodes import make_node
from kg.model import Lit, Mention

_POST = re.compile(
    "|".join(
        re.escape(f)
        for f in sorted({f for n, fs in POSTS.items() for f in (n, *fs)}, key=len, reverse=True)
    ),
    re.I,
)
_CHARGE = re.compile(
    r"\b(?:in (?:a|an|the) (?P<a>[\w -]+?) case|on charges? of (?P<b>[\w -]+?)"
    r"|in connection with (?:a|an|the)? ?(?P<c>[\w -]+?))(?=[,.;]|$| and | after | on | by )"
    r"|\bon (?P<d>(?:(?!on\b|the\b)[\w-]+ ){0,2}(?!on\b|the\b)[\w-]+) charges?\b",
    re.I,
)


# words before an arrest that say it was asked for, feared or escaped, not made
_SOUGHT = re.compile(
    r"\b(?:demand\w*|sought|seek\w*|call\w* for|fear\w*|avoid\w*|evad\w*|protection from"
    r"|stay on|against|threat of|possible|imminent|pre-arrest|anticipat\w*)\s+(?:\w+\s+){0,2}$",
    re.I,
)


def _post_of(text: str, offset: int) -> tuple[str, int, int] | None:
    """The post named in ``text`` (after an oath or resignation verb), where it is in the
    article: a post of POSTS, a ministry written out, or a "Union Cabinet minister"."""
    plain = _A_MINISTER.match(text)  # "as a minister in Chief Minister A's government"
    if plain:
        post = f"Minister in the Government of {plain['st'] or 'Jharkhand'}"
        return post, offset + plain.start("m"), offset + plain.end("m")
    got = first_post(text)
    if got is None:
        return None
    return got[0], offset + got[1], offset + got[2]


_A_MINISTER = re.compile(
    r"\W*(?:in\s+)?as\s+(?:a|an)\s+(?P<m>(?:cabinet\s+|state\s+)?minister)\b(?!\s+(?:of|for)\b)"
    r"(?:\s+in\s+(?:the\s+)?(?:(?P<st>Bihar|Jharkhand)\b)?)?",
    re.I,
)


_SEATS_GIVEN_UP = (
    (
        re.compile(r"^\W*(?:\w+\s+){0,4}?(?:his|her|the) Lok Sabha (?:seat|membership)", re.I),
        "Member of Parliament, Lok Sabha",
    ),
    (
        re.compile(r"^\W*(?:\w+\s+){0,4}?(?:his|her|the) Rajya Sabha (?:seat|membership)", re.I),
        "Member of Parliament, Rajya Sabha",
    ),
    (
        re.compile(
            r"^\W*(?:\w+\s+){0,4}?(?:from )?the (?:Jharkhand )?(?:Legislative )?Assembly\b"
            r"|^\W*(?:\w+\s+){0,4}?(?:his|her) Assembly (?:seat|membership)",
            re.I,
        ),
        "Member of the Jharkhand Legislative Assembly",
    ),
)
_CABINET = re.compile(
    r"^\W*(?:from\s+)?(?:the|his|her)\s+(?:cabinet|ministry|council of ministers)\b", re.I
)
_BARE = re.compile(r"^\s*(?:$|[,.;]|on\b|in\b|after\b|citing\b|within\b|and\b|,)", re.I)


_TO = re.compile(r"^\s+to\s+(?:the\s+)?[A-Z]")


def _seat_given_up(rest: str) -> str | None:
    """ "gave up his Lok Sabha seat", "resigned from the Assembly": the seat's post."""
    return next((post for rx, post in _SEATS_GIVEN_UP if rx.search(rest)), None)


def _post_from_context(out: Out, who: Mention, rest: str) -> str | None:
    """A resignation that names no post: "resigned from the cabinet" is the minister's post the
    article last gave the person; a bare "he resigned" is the last post it gave them."""
    held = out.posts.get(who.text, [])
    if _CABINET.search(rest):
        ministers = [p for p in held if "Minister" in p and not p.startswith("Chief")]
        return ministers[-1] if ministers else None
    if _BARE.match(rest) and held:
        return held[-1]
    return None


def rule_events(out: Out, s: Sentence, year: int | None, subject: Mention | None) -> None:
    if unsure(s.text):
        return
    for hit in triggers(s.text):
        at = s.start + hit.start
        handler = HANDLERS.get(hit.label)
        if handler:
            handler(out, s, hit, at, year, subject)


def _arrest(
    out: Out, s: Sentence, hit: Hit, at: int, year: int | None, subject: Mention | None
) -> None:
    agency = next((c for c in s.chunks if c.kind == "agency"), None)
    people = _arrested(out, s, hit, at, agency)
    if not people:
        return
    ev = out.sentence_span(s)
    for who in people:
        node = make_node("arrest", who)
        out.node(node, ev, "arrest")
        if agency is not None:
            out.add(
                node,
                "kgo:agency",
                Mention(agency.value, "GovernmentAgency"),
                out.span(agency.start, agency.end),
                "arrest",
            )
        m = _CHARGE.search(s.text)
        if m:
            charge = next(g for g in m.groups() if g)
            out.add(
                node,
                "kgo:charge",
                Lit(charge.strip()),
                out.span(s.start + m.start(), s.start + m.end()),
                "arrest",
            )
        dated(out, node, s, s.start + hit.end, year, "arrest")


def _arrested(out: Out, s: Sentence, hit: Hit, at: int, agency: Chunk | None) -> list[Mention]:
    """Who was arrested: the owner of "A's arrest" or "his arrest", the subject of "A was
    arrested", the object of "the ED arrested A"; nobody when the arrest was only demanded."""
    noun = s.text[hit.start : hit.end].lower() == "arrest"
    owner = next(
        (
            c
            for c in s.chunks
            if c.kind in PEOPLE and re.fullmatch(r"[’']s\s+", s.text[c.end - s.start : hit.start])
        ),
        None,
    )
    mine = re.search(r"\b(?P<p>his|her)\s+$", s.text[: hit.start], re.I)
    before = owner.start - s.start if owner else mine.start() if mine else hit.start
    if _SOUGHT.search(s.text[:before]):
        return []  # "the BJP demanded his arrest", "fearing Soren's arrest": none took place
    if noun and owner is not None:
        return [Mention(owner.value, "Person")]
    if noun and mine is not None:
        who = possessor(out, s, s.start + mine.start(), mine.group("p"))  # "after his arrest"
        return [who] if who else []
    if noun or re.match(r"^\s+(?:him|her)\b", s.text[hit.end :]):
        return []  # "an arrest", "after the arrest": whose is not said here
    obj = next((c for c in s.chunks if c.kind in PEOPLE and c.start >= s.start + hit.end), None)
    passive = re.search(r"\b(?:was|were|been|got|being)\s+$", s.text[: hit.start])
    if passive or obj is None:
        return who_of(out, s, at)
    if agency is not None and agency.end <= at:
        return [Mention(obj.value, "Person")]
    return []


def _bail(
    out: Out, s: Sentence, hit: Hit, at: int, year: int | None, subject: Mention | None
) -> None:
    court = next((c for c in s.chunks if c.kind == "court"), None)
    people = who_of(out, s, at)
    if not people:
        obj = next((c for c in s.chunks if c.kind in PEOPLE and c.start >= s.start + hit.end), None)
        people = [Mention(obj.value, "Person")] if obj else []
    ev = out.sentence_span(s)
    for who in people:
        node = make_node("bail", who)
        out.node(node, ev, "bail")
        if court is not None:
            out.add(
                node,
                "kgo:court",
                Mention(court.value, "Organisation"),
                out.span(court.start, court.end),
                "bail",
            )
        dated(out, node, s, s.start, year, "bail")


def _office_event(kind: str, rule: str):  # type: ignore[no-untyped-def]
    def handle(
        out: Out, s: Sentence, hit: Hit, at: int, year: int | None, subject: Mention | None
    ) -> None:
        rest = s.text[hit.end :]
        # "handed his resignation to Governor A": the post after "to" is the one who receives it
        post = None if _TO.match(rest) else _post_of(rest, s.start + hit.end)
        named = post[0] if post else _seat_given_up(rest)
        ev = out.sentence_span(s)
        for who in who_of(out, s, at):
            name, note = named, None
            if name is None and kind == "resignation":
                name = _post_from_context(out, who, rest)
                note = "post taken from what the article said the person held"
            if name is None:
                continue
            node = make_node(kind, who, Mention(name, "Post"))
            out.node(node, ev, rule, note)
            dated(out, node, s, s.start + hit.end, year, rule)

    return handle


def _die(
    out: Out, s: Sentence, hit: Hit, at: int, year: int | None, subject: Mention | None
) -> None:
    d = event_date(s, s.start + hit.end, year)
    if d is None:
        return
    got = event_date_lit(d, year)
    if got is None:
        return
    who = _who_died(out, s, at)
    if who is not None:
        out.add(who, "schema:deathDate", got[0], out.span(s.start, s.end), "death", note=got[1])


# between a name and "died": ", 74, " or ", who had been ill, " but not "'s government,", a
# clause of its own ("…; seventeen others died") or a crowd ("workers died")
_APPOSITION = re.compile(r"\s*,[^,;]{1,90},\s*(?:\w+\s+){0,2}")
_DIRECT = re.compile(r"\s*,?\s*(?:(?:was|were|had|has|suddenly|later|then)\s+){0,2}")


def _who_died(out: Out, s: Sentence, at: int) -> Mention | None:
    """Who died: the person named right before the verb, or the one an apposition separates
    from it ("A, by then a minister in B's government, died"), else "he"/"she"."""
    people = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    for c in reversed(people):
        gap = s.between(c.end, at)
        if _DIRECT.fullmatch(gap) or _APPOSITION.fullmatch(gap):
            return Mention(c.value, "Person")
    if people:
        return None  # someone else died: "…, at which B was the chief guest; seventeen died"
    return out.pronoun(s, at)


def _found(
    out: Out, s: Sentence, hit: Hit, at: int, year: int | None, subject: Mention | None
) -> None:
    org = next(
        (c for c in s.chunks if c.kind in ("party", "alliance") and c.start >= s.start + hit.end),
        None,
    )
    if org is None or org.start - (s.start + hit.end) > 12:
        return
    role = "co-founder" if s.text[hit.start : hit.end].lower().startswith("co") else "founder"
    ev = out.sentence_span(s)
    for who in who_of(out, s, at):
        node = make_node("founding", Mention(org.value, "PoliticalParty"), who)
        out.node(node, ev, "founding")
        out.add(node, "kgo:role", Lit(role), ev, "founding")
        dated(out, node, s, s.start + hit.end, year, "founding")


HANDLERS = {
    "FOUND": _found,
    "JOIN": join,
    "ARREST": _arrest,
    "BAIL": _bail,
    "RESIGN": _office_event("resignation", "resignation"),
    "OATH": _office_event("oath", "oath"),
    "DIE": _die,
}
