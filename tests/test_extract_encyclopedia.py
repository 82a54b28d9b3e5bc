"""Stage: extract (encyclopedia format). Written for the format, checked on 000 and on an invented article."""

from __future__ import annotations

from kg.build import extract_source
from kg.build.extract.encyclopedia import parse_document
from kg.build.extract.infobox import extract_infobox
from kg.build.extract.prose.lexicon import Lexicon, _surface
from kg.build.extract.tables import extract_tables
from kg.build.resolve import Resolver
from kg.model import Claim, EntityId, Lit, Mention, Method, Node, Problem, Source, Term

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


def _said(claims: list[Claim]) -> set[tuple[object, str, object]]:
    """(subject, predicate, object) as the article writes them: mentions by their text."""

    def show(v: object) -> object:
        if isinstance(v, Mention):
            return v.text
        if isinstance(v, Lit):
            return (v.lexical, v.datatype)
        if isinstance(v, Term):
            return v.curie
        if isinstance(v, Node):
            return (v.kind, *(show(k) for k in v.key))
        return v

    return {(show(c.subject), c.predicate, show(c.object)) for c in claims}


_CONTESTS = """= Meera Tirkey =
- Office: Member of the Odisha Legislative Assembly
- Constituency: Bargarh

Meera Tirkey is a politician.

== Contests ==
| Election | Seat | House | Party | Result | Vote % | Winning margin |
|---|---|---|---|---|---|---|
| 1999 | Sambalpur | Odisha Legislative Assembly | Utkal Jana Morcha | Lost | 31.5% | — |
| 2003 (by-election) | Bargarh | Assembly | UJM | Won | — | 4,210 |
| 2004 | Bargarh | Assembly | UJM | won | 48.02 | 12,005 |
| 2009[b] | Sundargarh | Lok Sabha | UJM | Defeated | | 1,330 |
| 2014 | Sundargarh | Lok Sabha | UJM | Elected | 51.2% | 20,400 |

[b] held as a by-poll after the sitting member died

== Awards ==
| Year | Award | Result |
| 2010 | Best Legislator | Won |
"""


def test_table_columns_are_read_by_header_words_and_rows_named_by_house() -> None:
    doc = parse_document(_CONTESTS)
    claims, problems = extract_tables("m", doc, Mention("Meera Tirkey", "Person"))
    assert problems == []
    said = _said(claims)

    def cand(election: str) -> tuple[str, str, str]:
        return ("candidacy", election, "Meera Tirkey")

    e1999 = cand("1999 Odisha Legislative Assembly election")
    by2003 = cand("2003 Bargarh by-election")
    e2004 = cand("2004 Odisha Legislative Assembly election")  # "Assembly": the article's state
    by2009 = cand("2009 Sundargarh Lok Sabha by-election")  # the [b] footnote
    e2014 = cand("2014 Indian general election")
    assert {
        (e1999, "kgo:constituency", "Sambalpur"),
        (e1999, "kgo:party", "Utkal Jana Morcha"),
        (e1999, "kgo:outcome", "kgo:Lost"),
        (e1999, "kgo:voteShare", ("31.5", "decimal")),
        (by2003, "kgo:constituency", "Bargarh"),
        (by2003, "kgo:outcome", "kgo:Won"),
        (by2003, "kgo:margin", ("4210", "integer")),
        ("2003 Bargarh by-election", "rdf:type", "kgo:ByElection"),
        ("2003 Bargarh by-election", "kgo:legislature", "Odisha Legislative Assembly"),
        (e2004, "kgo:outcome", "kgo:Won"),
        (e2004, "kgo:voteShare", ("48.02", "decimal")),
        (e2004, "kgo:margin", ("12005", "integer")),
        (by2009, "kgo:outcome", "kgo:Lost"),
        (by2009, "kgo:margin", ("1330", "integer")),
        ("2009 Sundargarh Lok Sabha by-election", "kgo:legislature", "Lok Sabha"),
        (e2014, "kgo:outcome", "kgo:Won"),
        (e2014, "kgo:voteShare", ("51.2", "decimal")),
        (e2014, "kgo:margin", ("20400", "integer")),
        ("2014 Indian general election", "rdf:type", "kgo:GeneralElection"),
        ("2014 Indian general election", "kgo:year", ("2014", "gYear")),
    } <= said
    # "—" and empty cells give nothing; the awards table is not an electoral one
    assert not any(s == e1999 and p == "kgo:margin" for s, p, _ in said)
    assert not any(s == by2003 and p == "kgo:voteShare" for s, p, _ in said)
    assert len({s for s, p, _ in said if p == "kgo:candidate"}) == 5


def test_a_table_under_a_house_heading_with_a_bye_election_footnote() -> None:
    text = (
        "= Arun Lakra =\n- Party: Samata Party\n\nArun Lakra sat in Parliament.\n\n"
        "== Electoral record ==\n=== Contests for the Lok Sabha ===\n"
        "| Year | Party | Constituency | Votes | Result |\n"
        "| 1996 | Samata Party | Palamu | 2,10,455 | Won |\n"
        "| 1998^ | Samata Party | Palamu | — | Lost |\n"
        "| | Samata Party | Palamu | | |\n"
        "^ bye-election\n"
    )
    claims, problems = extract_tables("a", parse_document(text), Mention("Arun Lakra", "Person"))
    said = _said(claims)
    e1996 = ("candidacy", "1996 Indian general election", "Arun Lakra")
    by1998 = ("candidacy", "1998 Palamu Lok Sabha by-election", "Arun Lakra")
    assert {
        (e1996, "kgo:votes", ("210455", "integer")),
        (e1996, "kgo:party", "Samata Party"),
        (e1996, "kgo:outcome", "kgo:Won"),
        (by1998, "kgo:outcome", "kgo:Lost"),
        (by1998, "kgo:constituency", "Palamu"),
    } <= said
    assert not any(s == by1998 and p == "kgo:votes" for s, p, _ in said)
    assert [p.message for p in problems] == ["table row without a year; skipped"]


def test_an_assembly_row_whose_state_nothing_names_is_skipped() -> None:
    text = (
        "= B Person =\n- Party: X Party\n\nB Person is a politician.\n\n== Record ==\n"
        "| Year | House | Seat | Result |\n| 2010 | Assembly | Uptown | Won |\n"
    )
    claims, problems = extract_tables("b", parse_document(text), Mention("B Person", "Person"))
    assert claims == []
    assert [p.message for p in problems] == [
        "cannot tell which state's assembly a row is for; skipped"
    ]


_INFOBOX = """= Ravi Oraon =
- Office: 7th Chief Minister of Odisha
- Term Start: March 2012
- Term End: 4 June 2015
- Predecessor: Anil Beck
- Successor: Sunil Ekka
- Office: Member of Parliament, Lok Sabha
- In office: 2004 – 2009
- Constituency: Sundargarh
- Party: Utkal Jana Morcha (since 2016)
- Other Political Affiliations: Janata Dal (United) (1998–2016), Samata Party (until 1998)
- Spouse: Lata Oraon (m. 1990)
- Children: 1 son and 2 daughters
- Relatives: Kiran Ekka (sister-in-law)
- Alma Mater: St. Xavier's College, Ranchi; Utkal University
- Nickname: Bhaiya

Ravi Oraon is a politician.
"""


def test_infobox_ordinals_successors_dated_parties_and_marriage() -> None:
    doc = parse_document(_INFOBOX)
    claims, problems = extract_infobox("r", doc, Mention("Ravi Oraon", "Person"))
    assert problems == []
    said = _said(claims)
    cm = ("holding", "Chief Minister of Odisha", "Ravi Oraon")
    mp = ("holding", "Member of Parliament, Lok Sabha", "Ravi Oraon")
    ujm = ("membership", "Ravi Oraon", "Utkal Jana Morcha")
    jdu = ("membership", "Ravi Oraon", "Janata Dal (United)")
    sp = ("membership", "Ravi Oraon", "Samata Party")
    assert {
        ("Ravi Oraon", "kgo:positionHeld", "Chief Minister of Odisha"),
        (cm, "kgo:ordinal", ("7", "integer")),
        (cm, "kgo:startDate", ("2012-03", "gYearMonth")),
        (cm, "kgo:endDate", ("2015-06-04", "date")),
        (cm, "kgo:replaces", "Anil Beck"),
        (cm, "kgo:succeededBy", "Sunil Ekka"),
        (mp, "kgo:startDate", ("2004", "gYear")),
        (mp, "kgo:endDate", ("2009", "gYear")),
        (mp, "kgo:constituency", "Sundargarh"),
        ("Ravi Oraon", "kgo:memberOfParty", "Utkal Jana Morcha"),
        (ujm, "kgo:startDate", ("2016", "gYear")),
        (jdu, "kgo:startDate", ("1998", "gYear")),
        (jdu, "kgo:endDate", ("2016", "gYear")),
        (sp, "kgo:endDate", ("1998", "gYear")),
        ("Ravi Oraon", "schema:spouse", "Lata Oraon"),
        (("marriage", "Ravi Oraon", "Lata Oraon"), "kgo:date", ("1990", "gYear")),
        ("Ravi Oraon", "kgo:numberOfChildren", ("3", "integer")),
        ("Ravi Oraon", "kgo:sisterInLaw", "Kiran Ekka"),
        ("Ravi Oraon", "schema:alumniOf", "St. Xavier's College, Ranchi"),
        ("Ravi Oraon", "schema:alumniOf", "Utkal University"),
        ("Ravi Oraon", "kgo:nickname", ("Bhaiya", "string")),
    } <= said
    assert not any(p == "kgo:post" and "7th" in str(o) for _, p, o in said)
    assert not any(
        p == "kgo:startDate" and s[0] == "membership" and s != ujm and s != jdu
        for s, p, _ in said
        if isinstance(s, tuple)
    )


WIKITEXT = "encyclopedia_wikitext_ramesh_tudu.txt"
# the reference data's seats, as the build passes them: Silli is an Assembly seat, Ranchi here
# only a Lok Sabha one
SEATS = Lexicon(constituencies=_surface({"Silli": ()}), lok_sabha=_surface({"Ranchi": ()}))


def _wikitext() -> tuple[str, list[Claim], list[Problem]]:
    text = (FIXTURES / WIKITEXT).read_text(encoding="utf-8")
    src = Source("t2", WIKITEXT, "encyclopedia", "Ramesh Tudu", text, "", "2026-12-03")
    claims, problems = extract_source(src, SEATS)
    return text, claims, problems


def test_wikitext_is_read_infobox_table_and_prose(resolver: Resolver) -> None:
    _, claims, problems = _wikitext()
    facts = _facts(claims, resolver)
    minister = ("holding", "minister-of-rural-development", "ramesh-tudu")
    member = ("holding", "member-of-jharkhand-legislative-assembly", "ramesh-tudu")
    assert {
        (minister, "kgo:startDate", ("2019-12-29", "date")),
        (minister, "kgo:endDate", ("2024-02-02", "date")),  # {{End date|2024|2|2}}
        # the numbered keys belong to office2, not to the office before
        (member, "kgo:constituency", "silli"),
        (member, "kgo:startDate", ("2014-12-23", "date")),
        (member, "kgo:replaces", "amit-mahto"),
        ("ramesh-tudu", "schema:birthDate", ("1971-08-09", "date")),
        ("ramesh-tudu", "schema:birthPlace", "ichagarh"),
        ("ichagarh", "kgo:locatedIn", "saraikela-kharsawan"),
        ("ramesh-tudu", "kgo:memberOfParty", "jharkhand-mukti-morcha"),
        ("ramesh-tudu", "schema:spouse", "sarita-tudu"),
    } <= facts
    assert not {f for f in facts if f[0] == minister and f[1] == "kgo:constituency"}
    e1995 = ("candidacy", "1995-bihar-legislative-assembly-election", "ramesh-tudu")
    e2014 = ("candidacy", "2014-jharkhand-legislative-assembly-election", "ramesh-tudu")
    ls2019 = ("candidacy", "2019-indian-general-election", "ramesh-tudu")
    assert {
        # Silli is an Assembly seat (the reference data); before November 2000, Bihar's
        (e1995, "kgo:votes", ("41020", "integer")),
        (e1995, "kgo:outcome", "kgo:Lost"),
        (e2014, "kgo:constituency", "silli"),
        (e2014, "kgo:votes", ("79747", "integer")),
        (e2014, "kgo:outcome", "kgo:Won"),
        (e2014, "kgo:party", "jharkhand-mukti-morcha"),  # the cell's "[[…|JMM]]"
        (ls2019, "kgo:constituency", "ranchi"),  # "Ranchi (Lok Sabha)"
        (ls2019, "kgo:votes", ("305011", "integer")),
        (ls2019, "kgo:outcome", "kgo:Lost"),
        # the prose: the link's label, not its target
        (e2014, "kgo:opponent", "mohan-oraon"),
        (e2014, "kgo:margin", ("2961", "integer")),
    } <= facts
    assert [p.message for p in problems if p.stage == "extract" and "@" not in p.where] == [
        "no '= Title =' line: the article is read as about 'Ramesh Tudu' (the infobox's name)"
    ]


def test_an_address_is_typed_by_what_its_parts_are() -> None:
    _, claims, _ = _wikitext()
    inside = {
        (c.subject.text, c.subject.type, c.object.text, c.object.type)
        for c in claims
        if c.predicate == "kgo:locatedIn"
        and isinstance(c.subject, Mention)
        and isinstance(c.object, Mention)
    }
    # "[[Ichagarh]], [[Saraikela Kharsawan district|Saraikela Kharsawan]], Bihar": Bihar is a
    # state, so the part before it is a place, not a state as its position alone would say
    assert inside == {
        ("Ichagarh", "Place", "Saraikela Kharsawan", "Place"),
        ("Saraikela Kharsawan", "Place", "Bihar", "State"),
    }


def test_every_quote_of_a_wikitext_article_is_cut_from_it_as_it_is() -> None:
    text, claims, _ = _wikitext()
    assert claims
    for c in claims:
        assert c.evidence.text == text[c.evidence.start : c.evidence.end]
    seats = {
        c.evidence.text
        for c in claims
        if c.predicate == "kgo:constituency" and c.rule.startswith("table")
    }
    assert "Silli" in seats  # the label of "[[Silli Assembly constituency|Silli]]"
    # a markup-free quote where the fact stands in a link's label
    opponent = [c for c in claims if c.predicate == "kgo:margin" and c.rule.startswith("sentence")]
    assert [c.evidence.text for c in opponent][:1] == ["2,961"]


def test_an_article_that_names_nobody_says_so() -> None:
    src = Source(
        "t3", "x.txt", "encyclopedia", "Notes", "== Notes ==\nSome text.\n", "", "2026-12-03"
    )
    claims, problems = extract_source(src)
    assert claims == []
    assert [p.message for p in problems] == [
        "encyclopedia article without a '= Title =' line, an infobox name or a name in bold: "
        "nothing says who it is about"
    ]


def test_an_infobox_office_is_named_as_the_sentence_rules_name_it() -> None:
    """ "Finance Minister of Jharkhand" is the "Minister of Finance" a sentence's "finance
    minister" names, and a Pradesh Congress Committee's president the Congress's state-unit
    president, so the infobox and the prose give one post each."""
    text = (
        "= Ravi Kujur =\n\n"
        "- Office: Finance Minister of Jharkhand\n"
        "- Term Start: 29 December 2019\n"
        "- Office: President of the Jharkhand Pradesh Congress Committee\n"
        "- Term Start: August 2019\n\n"
        "==Career==\n"
        "Ravi Kujur became finance minister in December 2019.\n"
    )
    src = Source("t9", "ravi.txt", "encyclopedia", "Ravi Kujur", text, "", "2026-12-03")
    claims, _ = extract_source(src)
    posts = {
        c.object.text
        for c in claims
        if c.predicate == "kgo:positionHeld" and isinstance(c.object, Mention)
    }
    assert posts == {"Minister of Finance", "President of the Indian National Congress, Jharkhand"}
