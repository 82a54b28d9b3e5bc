"""Stage: gazetteer. The reference data's names as the rules and the resolver use them: one
spelling per seat, and the other spellings kept as aliases. Expected names are the ones in
data/reference/constituencies.yaml."""

from __future__ import annotations

from kg.build.gazetteer import (
    canonical_seats,
    election_spellings,
    load_lexicon,
    lok_sabha_seats,
    seat_entities,
)
from kg.model import Claim, Lit, Mention, Method, Node, Span

from .conftest import ROOT

LEX = load_lexicon(ROOT / "data" / "reference", ())


def _seat(text: str) -> Claim:
    return Claim(
        Mention("Asha Kumari", "Person"),
        "kgo:representedConstituency",
        Mention(text, "Constituency"),
        Span("009", 0, len(text), text),
        Method.TABLE,
        "test",
    )


def test_every_spelling_of_a_seat_is_one_seat() -> None:
    claims = canonical_seats([_seat("Koderma"), _seat("Kodarma"), _seat("Seraikela")], LEX)
    assert [c.object for c in claims] == [
        Mention("Kodarma", "Constituency"),
        Mention("Kodarma", "Constituency"),
        Mention("Seraikella", "Constituency"),
    ]


def test_a_named_seat_becomes_an_entity_with_its_other_spellings() -> None:
    (kodarma,) = seat_entities(canonical_seats([_seat("Koderma")], LEX), LEX, ())
    assert (kodarma.id, kodarma.label) == ("kodarma", "Kodarma")
    assert "Koderma" in kodarma.aliases
    assert (
        kodarma.description == "Assembly and Lok Sabha constituency in Jharkhand (data/reference/)"
    )


def test_a_place_of_the_reference_data_is_not_a_name() -> None:
    assert LEX.kind_of("Santhal Pargana") == ("place", "Santhal Pargana")
    assert LEX.kind_of("Rajmahal") == ("seat", "Rajmahal")


def test_a_by_election_of_a_seat_spelt_two_ways_is_one_election() -> None:
    """A table's "2004 Koderma by-election" and a sentence's "2004 Kodarma by-election", also as a
    key part of a candidacy node, are one election; the table's spelling stays a name of it."""
    ev = Span("009", 0, 5, "x" * 5)
    table = Mention("2004 Koderma by-election", "ByElection")
    node = Node("candidacy", (table, Mention("Asha Kumari", "Person")))
    claims = [
        Claim(node, "kgo:election", table, ev, Method.TABLE, "t"),
        Claim(
            Mention("2004 Kodarma by-election", "ByElection"),
            "kgo:year",
            Lit("2004", "gYear"),
            ev,
            Method.SENTENCE,
            "s",
        ),
        Claim(  # a seat the gazetteer spells as written is left as it is
            Mention("2019 Dumka by-election", "ByElection"),
            "kgo:year",
            Lit("2019", "gYear"),
            ev,
            Method.SENTENCE,
            "s",
        ),
    ]
    respelt = canonical_seats(claims, LEX)
    one = Mention("2004 Kodarma by-election", "ByElection")
    assert respelt[0].subject == Node("candidacy", (one, Mention("Asha Kumari", "Person")))
    assert respelt[0].object == one
    assert respelt[1].subject == one
    assert respelt[2] is claims[2]
    assert election_spellings(claims, LEX) == {
        "2004 Kodarma by-election": {"2004 Koderma by-election"}
    }


def test_the_seat_of_a_lok_sabha_contest_is_the_lok_sabha_seat() -> None:
    """ "Dumka" names an Assembly seat and a Lok Sabha seat; in a Lok Sabha result or an MP's
    holding it is the Lok Sabha one, with its own entity, and elsewhere still the Assembly one."""
    ev = Span("009", 0, 5, "x" * 5)
    person = Mention("Asha Kumari", "Person")
    ls = Node("candidacy", (Mention("2024 Indian general election", "GeneralElection"), person))
    mp = Node("holding", (Mention("Member of Parliament, Lok Sabha", "Post"), person))
    vs = Node(
        "candidacy",
        (Mention("2024 Jharkhand Legislative Assembly election", "GeneralElection"), person),
    )
    dumka = Mention("Dumka", "Constituency")
    claims = [Claim(n, "kgo:constituency", dumka, ev, Method.SENTENCE, "s") for n in (ls, mp, vs)]
    typed = lok_sabha_seats(claims, LEX)
    assert [c.object for c in typed] == [
        Mention("Dumka", "LokSabhaConstituency"),
        Mention("Dumka", "LokSabhaConstituency"),
        dumka,
    ]
    made = {(e.id, e.type) for e in seat_entities(typed, LEX, ())}
    assert made == {("dumka", "Constituency"), ("dumka-lok-sabha", "LokSabhaConstituency")}
