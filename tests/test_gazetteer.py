"""Stage: gazetteer. The reference data's names as the rules and the resolver use them: one
spelling per seat, and the other spellings kept as aliases. Expected names are the ones in
data/reference/constituencies.yaml."""

from __future__ import annotations

from kg.build.gazetteer import canonical_seats, load_lexicon, seat_entities
from kg.model import Claim, Mention, Method, Span

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
