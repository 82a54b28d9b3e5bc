"""Stage: resolve. One IRI per real entity; unknown names are reported, never merged by guess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.build.resolve import (
    PARENT,
    Entity,
    EntityError,
    Resolver,
    ReviewItem,
    compatible,
    load_entities,
    normalise,
)
from kg.model import Claim, EntityId, Mention, Method, Span, Value

from .conftest import ROOT


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("Kalpana Murmu Soren", "Person", "kalpana-soren"),
        ("Kalpana Soren", "Person", "kalpana-soren"),
        ("Kalpana Di", "Person", "kalpana-soren"),
        ("Kalpana", "Person", "kalpana-soren"),
        ("JMM", "PoliticalParty", "jharkhand-mukti-morcha"),
        ("Jharkhand Mukti Morcha", "PoliticalParty", "jharkhand-mukti-morcha"),
        ("Congress", "PoliticalParty", "indian-national-congress"),
        ("CPI(ML)", "PoliticalParty", "cpi-ml"),
        ("Communist Party of India (Marxist-Leninist)", "PoliticalParty", "cpi-ml"),
        ("BJP", "PoliticalParty", "bharatiya-janata-party"),
        ("Bharatiya Janata Party (BJP)", "PoliticalParty", "bharatiya-janata-party"),
        ("the Bharatiya Janata Party’s", "PoliticalParty", "bharatiya-janata-party"),
        ("Rashtriya Janata Dal (RJD)", "PoliticalParty", "rashtriya-janata-dal"),
        (
            "Koustuv Institute of Self-domain",
            "EducationalInstitution",
            "koustuv-institute-of-self-domain",
        ),
        ("Santhali", "Language", "santali"),
        ("Indian", "Country", "india"),
    ],
)
def test_known_names_resolve(resolver: Resolver, text: str, type_: str, expected: str) -> None:
    assert resolver.entity(Mention(text, type_), "test") == expected
    assert resolver.problems == []


def test_an_unknown_name_becomes_a_reported_new_entity(resolver: Resolver) -> None:
    assert resolver.entity(Mention("Babulal Marandi", "Person"), "000@1") == "babulal-marandi"
    assert resolver.entity(Mention("Babulal  Marandi", "Person"), "000@9") == "babulal-marandi"
    assert [p.message for p in resolver.problems] == [
        "unresolved mention 'Babulal Marandi' (Person): new entity 'babulal-marandi'"
    ]
    # a near miss of a known name is not merged into it
    assert resolver.entity(Mention("Kalpana Sorin", "Person"), "x") == "kalpana-sorin"


def _registry(tmp_path: Path, yaml_text: str) -> Resolver:
    path = tmp_path / "e.yaml"
    path.write_text("entities:\n" + yaml_text, encoding="utf-8")
    return Resolver.of(load_entities(path))


def test_an_ambiguous_name_is_a_review_item_not_an_error_nor_a_guess(tmp_path: Path) -> None:
    r = _registry(
        tmp_path,
        "  - {id: a-soren, type: Person, label: A Soren, aliases: [Soren]}\n"
        "  - {id: b-soren, type: Person, label: B Soren, aliases: [Soren]}\n",
    )
    assert r.entity(Mention("Soren", "Person"), "x@1") is None
    assert r.review == [
        ReviewItem(
            "x",
            1,
            "Soren",
            "Person",
            ("a-soren", "b-soren"),
            "several entities of this type have this name",
        )
    ]
    assert [(p.message, p.fatal) for p in r.problems] == [
        (
            "mention 'Soren' (Person) fits a-soren, b-soren (several entities of this type have "
            "this name): left for review, its claims are left out",
            False,
        )
    ]
    assert r.minted == {}  # not a merge, and not a new entity either


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("entities:\n  - {id: A B, type: Person, label: x}\n", "must be lower-case words"),
        ("entities:\n  - {id: a, type: Person}\n", "needs id, type and label"),
        (
            "entities:\n  - {id: a, type: Person, label: x}\n  - {id: a, type: Person, label: y}\n",
            "duplicate id 'a'",
        ),
        (
            "entities:\n  - {id: a, type: Person, label: x, wikidata: 'Z9'}\n",
            "wikidata must look like Q123",
        ),
    ],
)
def test_bad_registry_entries_are_named(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(EntityError, match=message):
        load_entities(path)


def test_normalisation() -> None:
    assert normalise("The  Bharatiya Janata Party’s") == "bharatiya janata party"
    assert normalise("Self-Domain") == normalise("self-domain")


def test_a_minted_name_is_listed_with_the_three_closest_known_entities() -> None:
    from kg.build.nearest import closest
    from kg.build.resolve import Entity

    known = (
        Entity("hemant-soren", "Politician", "Hemant Soren", ("Hemant",)),
        Entity("champai-soren", "Politician", "Champai Soren"),
        Entity("hazaribagh", "Place", "Hazaribagh"),
        Entity("jmm", "PoliticalParty", "Jharkhand Mukti Morcha", ("JMM",)),
    )
    got = closest(Entity("hemanth-soren", "Person", "Hemanth Soren", minted=True), known)
    assert len(got) == 3
    assert [eid for eid, _label, _score in got[:2]] == ["hemant-soren", "champai-soren"]
    assert got[0][1] == "Hemant Soren" and got[0][2] > 90
    by_alias = closest(Entity("j-m-m", "PoliticalParty", "J.M.M.", minted=True), known, k=1)
    assert [eid for eid, _l, _s in by_alias] == ["jmm"]


# ---- types must agree -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("Gandey", "Constituency", "gandey"),
        ("Gandey", "Place", "gandey"),  # a seat is a place
        ("Gandey", "Person", "gandey-2"),  # a person of that name is not the seat
        ("Jharkhand", "Person", "jharkhand-2"),
        ("Hemant Soren", "Place", "hemant-soren-2"),
        ("INDIA", "Alliance", "india-2"),  # the alliance is not the country
        ("India", "Country", "india"),
        ("Jharkhand Mukti Morcha", "Organisation", "jharkhand-mukti-morcha"),
        ("Outlook India", "Organisation", "outlook-india"),
        ("Election Commission", "Organisation", "election-commission-of-india"),
        ("Kendriya Vidyalaya", "EducationalInstitution", "kendriya-vidyalaya"),
        ("Chief Minister of Jharkhand", "Post", "chief-minister-of-jharkhand"),
    ],
)
def test_a_mention_resolves_only_to_an_entity_of_an_agreeing_type(
    resolver: Resolver, text: str, type_: str, expected: str
) -> None:
    assert resolver.entity(Mention(text, type_), "t@0") == expected
    assert resolver.review == []


def test_a_person_named_like_a_seat_is_minted_once_and_kept_apart(resolver: Resolver) -> None:
    assert resolver.entity(Mention("Gandey", "Person"), "t@0") == "gandey-2"
    assert resolver.entity(Mention("Gandey", "Person"), "t@9") == "gandey-2"
    assert resolver.entity(Mention("Gandey", "Constituency"), "t@20") == "gandey"
    assert resolver.minted["gandey-2"] == Entity("gandey-2", "Person", "Gandey", minted=True)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("Person", "Politician", True),
        ("Politician", "Person", True),
        ("Person", "ChiefMinister", True),
        ("Person", "Constituency", False),
        ("Person", "Place", False),
        ("Place", "Constituency", True),
        ("LokSabhaConstituency", "Place", True),
        ("Constituency", "District", False),
        ("Organisation", "PoliticalParty", True),
        ("Organisation", "ElectoralBody", True),
        ("PoliticalParty", "Alliance", False),
        ("PoliticalParty", "Company", False),
        ("Post", "ChiefMinisterPost", True),
        ("ChiefMinisterPost", "ParliamentPost", False),
        ("GeneralElection", "Election", True),
        ("ByElection", "GeneralElection", False),
        ("Language", "Language", True),
        ("Language", "EthnicGroup", False),
    ],
)
def test_which_types_agree(a: str, b: str, agree: bool) -> None:
    assert compatible(a, b) is agree


def test_the_type_tree_is_the_ontologys_class_tree() -> None:
    from rdflib import Graph, Namespace, URIRef
    from rdflib.namespace import OWL, RDF, RDFS

    g = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle", publicID="https://x.test/")
    kgo = Namespace(str(dict(g.namespaces())["kgo"]))
    schema = Namespace("http://schema.org/")  # as ontology/kg.ttl writes it
    declared = {
        str(c)[len(kgo) :] for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(kgo)
    }

    def iri(name: str) -> URIRef:
        return schema.Person if name == "Person" else kgo[name]

    for child, parent in PARENT.items():
        if child in declared:
            assert (kgo[child], RDFS.subClassOf, iri(parent)) in g, child
    for child in declared:
        parents = {
            o
            for o in g.objects(kgo[child], RDFS.subClassOf)
            if o in {iri(p) for p in PARENT.values()}
        }
        if parents:
            assert {iri(PARENT[child])} == parents, child


# ---- a bare surname is the person named in full before it ------------------------------------


def _said(
    source: str, article: str, sentence: str, subject: Mention, obj: Value | None = None
) -> Claim:
    start = article.index(sentence)
    return Claim(
        subject,
        "kgo:memberOfParty",
        obj or Mention("Jharkhand Mukti Morcha", "PoliticalParty"),
        Span(source, start, start + len(sentence), sentence),
        Method.NEWS,
        "test",
    )


@pytest.mark.parametrize(
    ("full", "later", "bare", "expected"),
    [
        ("Hemant Soren", "Soren said the alliance would last.", "Soren", "hemant-soren"),
        ("Hemant Soren", "Mr. Soren said the alliance would last.", "Mr. Soren", "hemant-soren"),
        ("Hemant Soren", "Mr Soren thanked the voters.", "Mr Soren", "hemant-soren"),
        ("Hemant Soren", "Soren's party won 34 seats.", "Soren's", "hemant-soren"),
        ("Babulal Marandi", "Marandi led the BJP campaign.", "Marandi", "babulal-marandi"),
        ("Sudesh Mahto", "Mahto, the AJSU chief, conceded.", "Mahto", "sudesh-mahto"),
        ("Kalpana Murmu Soren", "Soren won Gandey.", "Soren", "kalpana-soren"),
    ],
)
def test_a_bare_surname_is_the_person_named_in_full_earlier_in_the_article(
    resolver: Resolver, full: str, later: str, bare: str, expected: str
) -> None:
    article = f"{full} was sworn in on Thursday. The crowd cheered. {later}"
    first = f"{full} was sworn in on Thursday."
    claims = [
        _said("010", article, later, Mention(bare, "Person")),
        _said("010", article, first, Mention(full, "Person")),
    ]
    # the claims need not come in article order
    got = resolver.claims(claims)
    assert [c.subject for c in got] == [EntityId(expected), EntityId(expected)]
    assert resolver.review == []


def test_a_surname_and_its_full_name_in_one_sentence(resolver: Resolver) -> None:
    article = "Hemant Soren met the Governor, and Soren later spoke to reporters."
    claims = [
        _said("011", article, article, Mention("Soren", "Person")),
        _said("011", article, article, Mention("Hemant Soren", "Person")),
    ]
    assert [c.subject for c in resolver.claims(claims)] == [EntityId("hemant-soren")] * 2


def test_a_surname_before_the_full_name_or_in_another_article_is_not_that_person(
    resolver: Resolver,
) -> None:
    article = "Soren spoke first. Later Hemant Soren was sworn in."
    claims = [
        _said("012", article, "Soren spoke first.", Mention("Soren", "Person")),
        _said(
            "012", article, "Later Hemant Soren was sworn in.", Mention("Hemant Soren", "Person")
        ),
        _said("013", "Soren spoke.", "Soren spoke.", Mention("Soren", "Person")),
    ]
    assert [c.subject for c in resolver.claims(claims)] == [
        EntityId("soren"),
        EntityId("hemant-soren"),
        EntityId("soren"),
    ]
    assert "unresolved mention 'Soren' (Person): new entity 'soren'" in [
        p.message for p in resolver.problems
    ]


def test_two_spellings_of_one_person_before_a_surname_are_one_person(resolver: Resolver) -> None:
    article = "Kalpana Murmu Soren filed her papers. Kalpana Soren then spoke. Soren won."
    claims = [
        _said(
            "014",
            article,
            "Kalpana Murmu Soren filed her papers.",
            Mention("Kalpana Murmu Soren", "Person"),
        ),
        _said("014", article, "Kalpana Soren then spoke.", Mention("Kalpana Soren", "Person")),
        _said("014", article, "Soren won.", Mention("Soren", "Person")),
    ]
    assert [c.subject for c in resolver.claims(claims)] == [EntityId("kalpana-soren")] * 3


def test_a_surname_that_two_people_named_before_it_share_is_left_for_review(
    resolver: Resolver,
) -> None:
    article = "Shibu Soren founded the JMM. His son Hemant Soren leads it. Soren spoke at Dumka."
    claims = [
        _said("015", article, "Shibu Soren founded the JMM.", Mention("Shibu Soren", "Person")),
        _said("015", article, "His son Hemant Soren leads it.", Mention("Hemant Soren", "Person")),
        _said("015", article, "Soren spoke at Dumka.", Mention("Soren", "Person")),
    ]
    got = resolver.claims(claims)
    assert [c.subject for c in got] == [EntityId("shibu-soren"), EntityId("hemant-soren")]
    assert resolver.review == [
        ReviewItem(
            "015",
            article.index("Soren spoke"),
            "Soren",
            "Person",
            ("hemant-soren", "shibu-soren"),
            "several people of this surname are named before it",
        )
    ]
    assert not any(p.fatal for p in resolver.problems)
    assert "soren" not in resolver.minted


def test_two_new_people_of_one_surname_make_a_surname_a_review_item(resolver: Resolver) -> None:
    article = "Babulal Marandi and Lois Marandi filed papers. Marandi spoke."
    claims = [
        _said(
            "016",
            article,
            "Babulal Marandi and Lois Marandi filed papers.",
            Mention("Babulal Marandi", "Person"),
        ),
        _said(
            "016",
            article,
            "Babulal Marandi and Lois Marandi filed papers.",
            Mention("Lois Marandi", "Person"),
        ),
        _said("016", article, "Marandi spoke.", Mention("Marandi", "Person")),
    ]
    assert len(resolver.claims(claims)) == 2
    (item,) = resolver.review
    assert (item.source, item.start, item.text) == ("016", 47, "Marandi")
    assert item.candidates == ("babulal-marandi", "lois-marandi")


def test_a_first_name_is_not_a_surname(resolver: Resolver) -> None:
    article = "Hemant Soren spoke. Kalpana spoke after him."
    claims = [
        _said("017", article, "Hemant Soren spoke.", Mention("Hemant Soren", "Person")),
        _said("017", article, "Kalpana spoke after him.", Mention("Kalpana", "Person")),
    ]
    assert [c.subject for c in resolver.claims(claims)] == [
        EntityId("hemant-soren"),
        EntityId("kalpana-soren"),  # the registry's alias
    ]


# ---- "the Congress", and posts without their ordinals -----------------------------------------


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("the Congress", "PoliticalParty", "indian-national-congress"),
        ("The Congress", "PoliticalParty", "indian-national-congress"),
        ("the Congress's", "PoliticalParty", "indian-national-congress"),
        ("Congress", "Organisation", "indian-national-congress"),
        ("INC", "PoliticalParty", "indian-national-congress"),
        ("12th Chief Minister of Jharkhand", "Post", "chief-minister-of-jharkhand"),
        ("the 11th Chief Minister of Jharkhand", "Post", "chief-minister-of-jharkhand"),
        ("1st Chief Minister of Jharkhand", "Post", "chief-minister-of-jharkhand"),
        ("2nd Chief Minister of Jharkhand", "Post", "chief-minister-of-jharkhand"),
        ("3rd Chief Minister of Jharkhand", "ChiefMinisterPost", "chief-minister-of-jharkhand"),
        ("first Chief Minister of Jharkhand", "Post", "chief-minister-of-jharkhand"),
        ("Third Chief Minister of Jharkhand", "Post", "chief-minister-of-jharkhand"),
    ],
)
def test_the_congress_and_ordinal_posts_resolve(
    resolver: Resolver, text: str, type_: str, expected: str
) -> None:
    assert resolver.entity(Mention(text, type_), "t@0") == expected
    assert resolver.problems == []


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("12th Governor of Jharkhand", "Post", "12th-governor-of-jharkhand"),  # no such post known
        ("2nd Chief Minister of Jharkhand", "Person", "2nd-chief-minister-of-jharkhand"),
    ],
)
def test_an_ordinal_is_stripped_only_to_find_a_known_post(
    resolver: Resolver, text: str, type_: str, expected: str
) -> None:
    assert resolver.entity(Mention(text, type_), "t@0") == expected
    assert list(resolver.minted) == [expected]


# ---- spelling variants come from the reference data -------------------------------------------


def _seat(text: str, type_: str = "Constituency") -> Claim:
    return _said("018", text, text, Mention("Saryu Roy", "Person"), Mention(text, type_))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jamshedpur East", "jamshedpur-east"),
        ("Jamshedpur Purba", "jamshedpur-east"),
        ("Jamshedpur Purvi", "jamshedpur-east"),
        ("Jamshedpur Pashchim", "jamshedpur-west"),
        ("Koderma", "kodarma"),
        ("Kodarma", "kodarma"),
        ("Seraikela", "seraikella"),
        ("Bahragora", "baharagora"),
    ],
)
def test_spelling_variants_of_the_reference_data_resolve(text: str, expected: str) -> None:
    from kg.build.gazetteer import canonical_seats, load_lexicon, seat_entities

    lexicon = load_lexicon(ROOT / "data" / "reference", ())
    claims = canonical_seats([_seat(text)], lexicon)
    r = Resolver.of(seat_entities(claims, lexicon, ()))
    assert [c.object for c in r.claims(claims)] == [EntityId(expected)]
    assert r.minted_at == {"saryu-roy": "018@0 (test)"}  # only the person is new


def test_a_place_mention_finds_a_seat_by_its_other_spelling() -> None:
    from kg.build.gazetteer import canonical_seats, load_lexicon, seat_entities

    lexicon = load_lexicon(ROOT / "data" / "reference", ())
    claims = canonical_seats(
        [_seat("Jamshedpur East"), _seat("Jamshedpur Purbi", "Place")], lexicon
    )
    r = Resolver.of(seat_entities(claims, lexicon, ()))
    assert [c.object for c in r.claims(claims)] == [EntityId("jamshedpur-east")] * 2
    assert lexicon.kind_of("Jamshedpur Purba") == ("constituency", "Jamshedpur East")
    assert lexicon.kind_of("Purba Singhbhum") == ("place", "East Singhbhum")


# ---- several candidates: a review item, and the claim waits -------------------------------------


def test_a_name_of_two_entities_is_decided_by_the_exact_type_or_left_for_review(
    tmp_path: Path,
) -> None:
    r = _registry(
        tmp_path,
        "  - {id: ranchi, type: Constituency, label: Ranchi}\n"
        "  - {id: ranchi-city, type: City, label: Ranchi city, aliases: [Ranchi]}\n"
        "  - {id: jmm, type: PoliticalParty, label: Jharkhand Mukti Morcha}\n",
    )
    art = "Ranchi voted on 13 November."
    claims = [
        _said(
            "019",
            art,
            art,
            Mention("Jharkhand Mukti Morcha", "PoliticalParty"),
            Mention("Ranchi", "City"),
        ),
        _said(
            "019",
            art,
            art,
            Mention("Jharkhand Mukti Morcha", "PoliticalParty"),
            Mention("Ranchi", "Constituency"),
        ),
        _said(
            "019",
            art,
            art,
            Mention("Jharkhand Mukti Morcha", "PoliticalParty"),
            Mention("Ranchi", "Place"),
        ),
    ]
    assert [c.object for c in r.claims(claims)] == [EntityId("ranchi-city"), EntityId("ranchi")]
    assert r.review == [
        ReviewItem(
            "019",
            0,
            "Ranchi",
            "Place",
            ("ranchi", "ranchi-city"),
            "several entities of this type have this name",
        )
    ]
    assert [item.line() for item in r.review] == [
        "mention 'Ranchi' (Place) fits ranchi, ranchi-city: several entities of this type have this name @0"
    ]


def test_a_minted_entity_lists_known_entities_of_its_type_first() -> None:
    from kg.build.nearest import closest

    known = (
        Entity("dumka", "Constituency", "Dumka"),
        Entity("hemant-soren", "Politician", "Hemant Soren"),
        Entity("shibu-soren", "Politician", "Shibu Soren"),
        Entity("jmm", "PoliticalParty", "Jharkhand Mukti Morcha", ("JMM",)),
    )
    got = closest(Entity("dumka-soren", "Person", "Dumka Soren", minted=True), known)
    # "Dumka" is the closest spelling, but a person is listed with people first
    assert [eid for eid, _label, _score in got] == ["hemant-soren", "shibu-soren", "dumka"]


# ---- the build reports minted entities (with the closest known ones) and review items ----------


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The seed corpus built with a registry that lacks Lobin Hembrom and knows two Muniya Devis."""
    import shutil

    from kg.build import derive
    from kg.config import Config

    root = tmp_path_factory.mktemp("project")
    for part in ("data", "ontology"):
        shutil.copytree(ROOT / part, root / part)
    registry = root / "data" / "entities.yaml"
    text = registry.read_text(encoding="utf-8")
    lobin = (
        "  - id: lobin-hembrom\n    type: Politician\n    label: Lobin Hembrom\n"
        "    description: Indian politician who left the Jharkhand Mukti Morcha for the Bharatiya "
        "Janata Party\n"
    )
    assert lobin in text
    text = text.replace(lobin, "") + (
        "  - id: muniya-devi-hansda\n    type: Politician\n    label: Muniya Devi Hansda\n"
        "    aliases: [Muniya Devi]\n"
    )
    registry.write_text(text, encoding="utf-8")
    built = derive(Config.load(root))
    assert not [p for p in built.problems if p.fatal]
    assert not [
        c for c in built.claims if EntityId("muniya-devi") in (c.subject, c.object)
    ]  # the claims that name her wait for review
    sources = built.stats["sources"]
    assert isinstance(sources, list)
    return {s["id"]: s for s in sources}


def test_the_report_lists_each_minted_entity_with_its_closest_known_ones(
    reported: dict[str, dict[str, Any]],
) -> None:
    (lobin,) = reported["001"]["minted"]
    assert reported["001"]["minted_entities"] == 1
    assert (lobin["id"], lobin["label"], lobin["type"]) == (
        "lobin-hembrom",
        "Lobin Hembrom",
        "Person",
    )
    # the one other Hembrom first; all three are people, as he is
    assert [c["id"] for c in lobin["closest"]] == [
        "gamliyel-hembrom",
        "hemant-soren",
        "kalpana-soren",
    ]
    assert all(set(c) == {"id", "label", "score"} for c in lobin["closest"])
    assert all(
        s["minted"] == [] and s["minted_entities"] == 0 for i, s in reported.items() if i != "001"
    )


def test_the_report_lists_the_mentions_left_for_review(
    reported: dict[str, dict[str, Any]],
) -> None:
    why = "several entities of this type have this name"
    item = {
        "text": "Muniya Devi",
        "type": "Person",
        "candidates": ["muniya-devi", "muniya-devi-hansda"],
    }
    # at 520 a claim whose evidence does not spell her name (it stands for its evidence); at 594
    # "BJP candidate Muniya Devi"
    assert reported["001"]["review_items"] == [
        {"at": 520, **item, "why": why},
        {"at": 594, **item, "why": why},
    ]
    assert all(s["review_items"] == [] for i, s in reported.items() if i != "001")


def test_a_new_entity_does_not_take_the_id_of_a_reference_thing_of_another_type() -> None:
    # data/reference/ describes the Assembly seat "Dumri" as kg:dumri; no article has named it
    r = Resolver.of((), {"dumri": "Constituency"})
    assert r.entity(Mention("Dumri", "Person"), "t@0") == "dumri-2"
    # a place of that name is the seat's IRI, as the reference graph and the build agree
    assert r.entity(Mention("Dumri", "Place"), "t@9") == "dumri"
