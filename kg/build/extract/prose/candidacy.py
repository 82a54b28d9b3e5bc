"""The claims of one candidacy a result clause states: the node, its outcome or counting-day
status, seat, opponent, party, margin, votes and vote share, each with the words it stands on."""

from __future__ import annotations

from kg.build.extract.prose.clauses import Clause
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.parties import party_of, ticket_party
from kg.build.extract.prose.sentences import Chunk
from kg.build.nodes import make_node
from kg.model import Lit, Mention, Term

OUTCOMES = {"WIN": "kgo:Won", "DEFEAT": "kgo:Won", "LOSE": "kgo:Lost", "LOST": "kgo:Lost"}
STATUS = {"LEAD": "kgo:Leading", "TRAIL": "kgo:Trailing"}


def add_candidacy(
    out: Out,
    cl: Clause,
    election: Mention,
    person: Chunk,
    opponent: Chunk | None,
    seat: Chunk | None,
    label: str,
    note: str | None,
    margin: Chunk | None,
    votes: list[Chunk],
    share: Chunk | None,
    seat_note: str | None = None,
) -> None:
    ev = out.span(cl.start, cl.end)
    who = Mention(person.value, "Person")
    cand = make_node("candidacy", election, who)
    out.node(cand, ev, "result", note)
    if label in OUTCOMES:
        out.add(cand, "kgo:outcome", Term(OUTCOMES[label]), ev, "result")
    elif label in STATUS:
        out.add(cand, "kgo:reportedStatus", Term(STATUS[label]), ev, "result")
    if seat is not None:
        out.add(
            cand,
            "kgo:constituency",
            Mention(seat.value, "Constituency"),
            out.span(seat.start, seat.end),
            "result",
            note=seat_note,
        )
    if opponent is not None:
        out.add(cand, "kgo:opponent", Mention(opponent.value, "Person"), ev, "result")
    beside = person.start >= cl.start  # not the subject of a series, named before this stretch
    party = (party_of(cl, person) if beside else None) or (
        ticket_party(cl, person) if opponent is None or person.start < opponent.start else None
    )
    if party is not None:
        out.add(
            cand,
            "kgo:party",
            Mention(party.value, "PoliticalParty"),
            out.span(party.start, party.end),
            "result",
        )
    if margin is not None and label in ("WIN", "DEFEAT", "LEAD", "LOSE", "LOST", "TRAIL"):
        add_number(out, cand, "kgo:margin", margin)
    for v in votes:
        add_number(out, cand, "kgo:votes", v)
    if share is not None:
        out.add(
            cand,
            "kgo:voteShare",
            Lit(share.value, "decimal"),
            out.span(share.start, share.end),
            "result",
        )


def add_number(out: Out, node: object, prop: str, c: Chunk) -> None:
    out.figure(
        node,  # type: ignore[arg-type]
        prop,
        Lit(c.value, "integer"),
        c,
        out.span(c.start, c.end),
        "result",
    )
