"""Stage: extract (encyclopedia format). Written for the format, checked on 000 and on an invented article."""

from __future__ import annotations

from kg.build import extract_source
from kg.build.extract.encyclopedia import parse_document
from kg.build.extract.infobox import extract_infobox
from kg.build.extract.tables import extract_tables
from kg.build.resolve import Resolver
from kg.model import Claim, EntityId, Lit, Method, Node, Source, Term

from .conftest import FIXTURES, ROOT


def _text(name: str) -> str:
    return (ROOT / "data" / "sources" / name).read_text(encoding="utf-8")


def _facts(claims: list[Claim], resolver: Resolver) -> set[tuple[object, str, object]]:
    """(subject, predicate, object) with entities as ids and literals as (lexical, type)."""

    def show(v: object) -> object:
        if isinstance(v, EntityId):
            return v.id
        if isinstance(v, Lit):
            return (v.lexical, v.datatype)
        if isinstance(v, Term):
            return v.curie
        if isinstance(v, Node):
            return (v.kind, *(show(k) for k in v.key))
        return v

    out = set()
    for c in claims:
        r = resolver.claim(c)
        assert r is not None, c
        out.add((show(r.subject), r.predicate, show(r.object)))
    return out


def test_document_structure_of_000() -> None:
    text = _text("000_88616cf12ab8a28f.txt")
    doc = parse_document(text)
    assert doc.title is not None and doc.title.text == "Kalpana Soren"
    assert doc.display_name is not None and doc.display_name.text == "Kalpana Murmu Soren"
    assert [f.key.text for f in doc.infobox][:4] == [
        "Office",
        "Term Start",
        "Predecessor",
        "Constituency",
    ]
    assert len(doc.infobox) == 13
    assert [s.path for s in doc.sections] == [
        ("Political career",),
        ("Personal life",),
        ("Electoral history",),
        ("Electoral history", "Jharkhand Legislative Assembly elections"),
    ]
    (table,) = doc.tables
    assert [h.text for h in table.header] == [
        "Year",
        "Constituency",
        "Party",
        "Votes",
        "%",
        "Result",
    ]
    assert table.footnotes == {"^": "by-election"}
    for f in doc.infobox:  # offsets point at the characters they claim
        assert text[f.line.start : f.line.end] == f.line.text


def test_infobox_of_000(resolver: Resolver) -> None:
    text = _text("000_88616cf12ab8a28f.txt")
    doc = parse_document(text)
    from kg.model import Mention

    claims, problems = extract_infobox("000", doc, Mention("Kalpana Soren", "Person"))
    assert problems == []
    assert all(c.method is Method.INFOBOX for c in claims)
    assert all(text[c.evidence.start : c.evidence.end] == c.evidence.text for c in claims)
    facts = _facts(claims, resolver)
    holding = ("holding", "member-of-jharkhand-legislative-assembly", "kalpana-soren")
    assert {
        ("kalpana-soren", "kgo:positionHeld", "member-of-jharkhand-legislative-assembly"),
        (holding, "kgo:startDate", ("2024-06-04", "date")),
        (holding, "kgo:replaces", "sarfaraz-ahmad"),
        (holding, "kgo:constituency", "gandey"),
        ("kalpana-soren", "kgo:birthName", ("Kalpana Murmu", "string")),
        ("kalpana-soren", "schema:birthPlace", "kapurthala"),
        ("kapurthala", "kgo:locatedIn", "punjab"),
        ("punjab", "kgo:locatedIn", "india"),
        ("kalpana-soren", "kgo:memberOfParty", "jharkhand-mukti-morcha"),
        ("kalpana-soren", "kgo:fatherInLaw", "shibu-soren"),
        ("kalpana-soren", "kgo:numberOfChildren", ("2", "integer")),
        ("kalpana-soren", "kgo:nationality", "india"),
        ("kalpana-soren", "kgo:academicDegree", "bachelor-of-technology"),
        ("kalpana-soren", "kgo:academicDegree", "master-of-business-administration"),
        ("kalpana-soren", "schema:alumniOf", "koustuv-institute-of-self-domain"),
        ("kalpana-soren", "kgo:occupation", "businessperson"),
        ("kalpana-soren", "kgo:occupation", "social-activist"),
        ("kalpana-soren", "kgo:occupation", "politician"),
        ("kalpana-soren", "schema:alternateName", ("Kalpana Murmu Soren", "string")),
    } <= facts
    relation = next(c for c in claims if c.predicate == "kgo:fatherInLaw")
    assert relation.evidence.text == "Relations: Shibu Soren (father-in-Law)"
    assert resolver.problems == []


def test_table_of_000_recovers_the_shifted_row(resolver: Resolver) -> None:
    text = _text("000_88616cf12ab8a28f.txt")
    doc = parse_document(text)
    from kg.model import Mention

    claims, problems = extract_tables("000", doc, Mention("Kalpana Soren", "Person"))
    facts = _facts(claims, resolver)
    by = ("candidacy", "election/2024-gandey-by-election", "kalpana-soren")
    general = ("candidacy", "election/2024-jharkhand-assembly", "kalpana-soren")
    assert {
        (by, "kgo:votes", ("109827", "integer")),
        (by, "kgo:voteShare", ("50.54", "decimal")),
        (by, "kgo:constituency", "gandey"),
        ("election/2024-gandey-by-election", "rdf:type", "kgo:ByElection"),
        (general, "kgo:votes", ("119372", "integer")),
        (general, "kgo:voteShare", ("50.51", "decimal")),
        (general, "kgo:constituency", "gandey"),
        ("election/2024-jharkhand-assembly", "rdf:type", "kgo:GeneralElection"),
        ("election/2024-jharkhand-assembly", "kgo:year", ("2024", "gYear")),
        ("kalpana-soren", "kgo:candidateIn", "election/2024-jharkhand-assembly"),
    } <= facts
    # nothing is made up for the empty Party and Result cells
    assert not any(p in ("kgo:party", "kgo:outcome") for _, p, _ in facts)
    votes = next(
        c for c in claims if c.predicate == "kgo:votes" and c.object == Lit("119372", "integer")
    )
    assert votes.note == "row realigned: its columns were shifted"
    gandey = [
        c for c in claims if c.predicate == "kgo:constituency" and c.note and "row above" in c.note
    ]
    assert len(gandey) == 1 and gandey[0].evidence.text == "Gandey"
    assert [p.message for p in problems] == [
        "table row with shifted columns realigned by cell type; constituency taken from the row above"
    ]


def test_an_invented_article_in_the_same_format_needs_no_code_change(resolver: Resolver) -> None:
    text = (FIXTURES / "encyclopedia_sunita_toppo.txt").read_text(encoding="utf-8")
    src = Source(
        "t1",
        "encyclopedia_sunita_toppo.txt",
        "encyclopedia",
        "Sunita Toppo",
        text,
        "",
        "2026-11-22",
    )
    claims, problems = extract_source(src)
    facts = _facts(claims, resolver)
    holding = ("holding", "member-of-the-odisha-legislative-assembly", "sunita-toppo")
    assert {
        (holding, "kgo:startDate", ("2019-06-12", "date")),
        (holding, "kgo:replaces", "arjun-majhi"),
        (holding, "kgo:constituency", "rampur-kalan"),
        ("sunita-toppo", "schema:birthDate", ("1972-08-14", "date")),
        ("sunita-toppo", "schema:birthPlace", "sundargarh"),
        ("sundargarh", "kgo:locatedIn", "odisha"),  # an entity the registry knows
        ("odisha", "kgo:locatedIn", "india"),
        ("sunita-toppo", "kgo:memberOfParty", "biju-janata-dal"),
        ("sunita-toppo", "schema:spouse", "prakash-toppo"),
        ("sunita-toppo", "kgo:father", "mangal-kerketta"),
        ("sunita-toppo", "kgo:numberOfChildren", ("3", "integer")),
        ("sunita-toppo", "kgo:academicDegree", "bachelor-of-arts"),
        ("sunita-toppo", "kgo:academicDegree", "ba"),
        ("sunita-toppo", "schema:alumniOf", "ravenshaw-college"),
        ("sunita-toppo", "kgo:occupation", "teacher"),
        ("sunita-toppo", "kgo:occupation", "politician"),
    } <= facts
    e2014 = ("candidacy", "2014-odisha-legislative-assembly-election", "sunita-toppo")
    e2019 = ("candidacy", "2019-odisha-legislative-assembly-election", "sunita-toppo")
    by2021 = ("candidacy", "2021-lakhanpur-by-election", "sunita-toppo")
    e2024 = ("candidacy", "2024-odisha-legislative-assembly-election", "sunita-toppo")
    assert {
        (e2014, "kgo:votes", ("48310", "integer")),
        (e2014, "kgo:voteShare", ("41.20", "decimal")),
        (e2014, "kgo:outcome", "kgo:Lost"),
        (e2014, "kgo:party", "biju-janata-dal"),
        (e2019, "kgo:votes", ("61045", "integer")),
        (e2019, "kgo:outcome", "kgo:Won"),
        (by2021, "kgo:votes", ("55902", "integer")),
        (by2021, "kgo:constituency", "lakhanpur"),
        ("2021-lakhanpur-by-election", "rdf:type", "kgo:ByElection"),
        # the shifted last row: values realigned, constituency and party carried from the row above
        (e2024, "kgo:votes", ("58771", "integer")),
        (e2024, "kgo:voteShare", ("44.02", "decimal")),
        (e2024, "kgo:outcome", "kgo:Won"),
        (e2024, "kgo:constituency", "lakhanpur"),
        (e2024, "kgo:party", "biju-janata-dal"),
    } <= facts
    assert [p.message for p in problems if p.stage != "unread"] == [
        "table row with shifted columns realigned by cell type; constituency, party taken from the row above"
    ]
    # every new name is reported, none merged into a known entity by guess
    minted = {p.message.split("'")[-2] for p in resolver.problems if "unresolved" in p.message}
    assert {"sunita-toppo", "arjun-majhi", "biju-janata-dal", "rampur-kalan", "lakhanpur"} <= minted
    assert "odisha" not in minted and "india" not in minted


def test_unknown_infobox_keys_and_relations_are_reported() -> None:
    text = (
        "= A Person =\n\n- Office: Mayor\n- Favourite Food: Rice\n- Relations: B Person (cousin)\n"
    )
    from kg.model import Mention

    doc = parse_document(text)
    claims, problems = extract_infobox("x", doc, Mention("A Person", "Person"))
    assert [p.message for p in problems] == [
        "infobox key 'Favourite Food' has no mapping; not extracted",
        "infobox 'Relations': unknown relation 'cousin' for 'B Person'",
    ]
    assert {c.predicate for c in claims} == {
        "rdf:type",
        "kgo:post",
        "kgo:holder",
        "kgo:positionHeld",
    }
