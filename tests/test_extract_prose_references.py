"""Stage: extract (relatives named only by their kinship, what an entry into politics followed,
where people come from and served). Every fixture is written here, in wordings unlike the
seeds'; the expected values are read off the fixture text by hand."""

from __future__ import annotations

from kg.build.extract.prose import extract_prose
from kg.build.extract.prose.lexicon import Lexicon
from kg.model import Claim, Mention

from .test_extract_prose import _of, _triples

LEX = Lexicon(
    places={"Hazaribagh": "Hazaribagh", "Gumla": "Gumla", "Jharkhand": "Jharkhand"},
    constituencies={"Sisai": "Sisai", "Dumka": "Dumka"},
)


def _news(text: str) -> list[Claim]:
    return extract_prose("t", text, kind="news", published="2024-02-05", lexicon=LEX)[0]


def _bio(text: str, subject: str) -> list[Claim]:
    return extract_prose(
        "t", text, kind="encyclopedia", subject=Mention(subject, "Person"), lexicon=LEX
    )[0]


def _nodes(claims: list[Claim], kind: str) -> set[tuple[object, ...]]:
    return {s for s, _p, _o in _triples(claims) if isinstance(s, tuple) and s[0] == kind}


def test_her_husband_is_the_husband_the_report_named_before() -> None:
    claims = _news(
        "Sunil Tudu and his wife Anita Tudu addressed a rally in Dumka on Monday. Anita Tudu "
        "entered politics in 2019 after her husband's arrest by the Enforcement Directorate."
    )
    entry = _of(claims, ("entry-into-politics", "Anita Tudu"))
    assert entry["kgo:date"] == "2019"
    assert entry["kgo:follows"] == ("arrest", "Sunil Tudu")
    arrest = _of(claims, ("arrest", "Sunil Tudu"))
    assert arrest["kgo:agency"] == "Enforcement Directorate"
    assert _nodes(claims, "arrest") == {("arrest", "Sunil Tudu")}


def test_a_kinship_word_that_fits_two_people_names_nobody() -> None:
    claims = _bio(
        "His son Ajay Munda runs a school in Gumla; his son Vijay Munda is a lawyer. "
        "His son's arrest in 2015 made headlines.",
        "Mahesh Munda",
    )
    assert _nodes(claims, "arrest") == set()


def test_an_arrest_that_was_only_demanded_or_feared_gives_none() -> None:
    claims = _news(
        "The BJP demanded Chief Minister Ravi Oraon's arrest on Tuesday. Ravi Oraon said he "
        "feared his arrest and sought protection from arrest in the High Court."
    )
    assert _nodes(claims, "arrest") == set()


def test_an_entry_that_came_after_a_resignation_and_an_arrest() -> None:
    claims = _news(
        "Priya Mahto addressed party workers in Gumla. Her entry into politics came soon after "
        "her father Lalit Mahto's resignation as Deputy Chief Minister and his arrest on "
        "disproportionate assets charges."
    )
    entry = {p: o for s, p, o in _triples(claims) if s == ("entry-into-politics", "Priya Mahto")}
    follows = {o for s, p, o in _triples(claims) if p == "kgo:follows"}
    assert entry["kgo:person"] == "Priya Mahto"
    assert follows == {
        ("resignation", "Lalit Mahto", "Deputy Chief Minister of Jharkhand"),
        ("arrest", "Lalit Mahto"),
    }
    assert _of(claims, ("arrest", "Lalit Mahto"))["kgo:charge"] == "disproportionate assets"


def test_an_entry_on_a_party_s_foundation_day() -> None:
    claims = _news(
        "Sanjay Kisku joined politics on 6 April 2014 at the BJP's foundation day function."
    )
    entry = _of(claims, ("entry-into-politics", "Sanjay Kisku"))
    assert entry["kgo:date"] == "2014-04-06"
    assert entry["kgo:occasion"] == ("celebration", "Bharatiya Janata Party", "2014-04-06")


def test_native_places_postings_service_and_background() -> None:
    claims = _bio(
        "Rekha Kujur grew up in Hazaribagh, where her mother, Anjali Kujur, was posted as a "
        "nurse. Her grandfather, Birsa Kujur, served in the Indian Navy. Her father, Dinesh "
        "Kujur, is a native of Gumla, Jharkhand. Her father's native village is Sisai. She "
        "has an academic background in law and economics.",
        "Rekha Kujur",
    )
    got = _triples(claims)
    assert ("Anjali Kujur", "kgo:stationedAt", "Hazaribagh") in got
    assert ("Birsa Kujur", "kgo:militaryBranch", "Indian Navy") in got
    assert ("Dinesh Kujur", "kgo:nativePlace", "Gumla") in got
    assert ("Gumla", "kgo:locatedIn", "Jharkhand") in got
    assert ("Dinesh Kujur", "kgo:nativePlace", "Sisai") in got
    assert {o for s, p, o in got if p == "kgo:academicBackground"} == {"law", "economics"}
    assert not {(s, o) for s, p, o in got if p == "kgo:stationedAt" and s != "Anjali Kujur"}


def test_a_background_outside_the_fields_of_study_is_not_read() -> None:
    claims = _bio("She has a background in farming and in student politics.", "Rekha Kujur")
    assert not [c for c in claims if c.predicate == "kgo:academicBackground"]


def test_a_seat_held_many_times_names_no_election_but_a_dated_win_does() -> None:
    claims = extract_prose(
        "t",
        "Gumla went to a by-election on Saturday after the death of its member. Ram Bhagat, "
        "the JMM candidate, retained the Sisai seat. His late father had represented Sisai three "
        "times. In 2019, Ram Bhagat won Sisai by 9,210 votes.",
        kind="news",
        published="2021-04-18",
        lexicon=LEX,
    )[0]
    assert _nodes(claims, "candidacy") == {
        ("candidacy", "2021 Sisai by-election", "Ram Bhagat"),
        ("candidacy", "2019 Jharkhand Legislative Assembly election", "Ram Bhagat"),
    }


def test_who_died_is_the_person_before_the_verb() -> None:
    claims = _news(
        "Former minister Jagannath Kisku, a three-time MLA from Dumka, died on 3 January 2024 "
        "in Ranchi. His son Anil Kisku will contest the by-election."
    )
    deaths = {(s, o) for s, p, o in _triples(claims) if p == "schema:deathDate"}
    assert deaths == {("Jagannath Kisku", "2024-01-03")}


def test_a_report_dated_outside_an_election_year_names_no_general_election() -> None:
    claims = extract_prose(
        "t",
        "The JMM's Sunil Murmu trounced the BJP nominee Ajay Oraon in Sisai, winning by over "
        "11,000 votes.",
        kind="news",
        published="2023-09-08",
        lexicon=LEX,
    )[0]
    assert _nodes(claims, "candidacy") == set()
    dated = extract_prose(
        "t",
        "The JMM's Sunil Murmu trounced the BJP nominee Ajay Oraon in Sisai, winning by over "
        "11,000 votes.",
        kind="news",
        published="2019-12-23",
        lexicon=LEX,
    )[0]
    assert _nodes(dated, "candidacy") == {
        ("candidacy", "2019 Jharkhand Legislative Assembly election", "Sunil Murmu"),
        ("candidacy", "2019 Jharkhand Legislative Assembly election", "Ajay Oraon"),
    }
