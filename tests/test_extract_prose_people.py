"""Stage: extract (sentence rules about people): titles and the posts they name, party
affiliations, bare surnames, candidacies without an outcome, seats of either house, resignations
that name no post, and whose "she" a biography's pronoun is. Every fixture is written here, in
wordings unlike the seeds'; the expected values are read off the fixture text by hand."""

from __future__ import annotations

from kg.build.extract.prose import extract_prose
from kg.build.extract.prose.lexicon import PARTIES, Lexicon, _surface
from kg.build.extract.prose.posts import party_office, post_name
from kg.model import Claim, Lit, Mention, Node

from .test_extract_prose import _of, _triples, _v

LEX = Lexicon(
    parties=_surface(PARTIES),
    constituencies=_surface({"Tundi": (), "Gomia": (), "Rajmahal": (), "Jama": (), "Bagodar": ()}),
    lok_sabha=_surface({"Rajmahal": (), "Chatra": ()}),
)
A24 = "2024 Jharkhand Legislative Assembly election"
LS24 = "2024 Indian general election"
CPIML = "Communist Party of India (Marxist–Leninist) Liberation"


def _news(text: str, published: str = "2024-11-23") -> list[Claim]:
    return extract_prose("t", text, kind="news", published=published, lexicon=LEX)[0]


def _bio(text: str, subject: str) -> list[Claim]:
    return extract_prose(
        "t", text, kind="encyclopedia", subject=Mention(subject, "Person"), lexicon=LEX
    )[0]


def test_post_names_are_one_per_post_whatever_the_word_order() -> None:
    assert post_name("Excise Minister") == "Minister of Excise"
    assert post_name("higher education minister") == "Minister of Higher Education"
    assert post_name("Union home minister") == "Union Minister of Home Affairs"
    assert post_name("Union Coal Minister") == "Union Minister of Coal"
    assert post_name("chief minister") == "Chief Minister of Jharkhand"
    assert party_office("chief", "Rashtriya Janata Dal", state_unit=False) == (
        "President of the Rashtriya Janata Dal"
    )


def test_titles_written_before_names() -> None:
    claims = _news(
        "On Monday, Drinking Water Minister Meena Tirkey and Union agriculture minister Harish Lal met. "
        "Odisha chief minister Prakash Behera sent a message, and Congress president "
        "Anil Bhagat and state BJP general secretary Kavita Rai were at the dais."
    )
    held = {(s, o) for s, p, o in _triples(claims) if p == "kgo:positionHeld"}
    assert held == {
        ("Meena Tirkey", "Minister of Drinking Water"),
        ("Harish Lal", "Union Minister of Agriculture"),
        ("Prakash Behera", "Chief Minister of Odisha"),
        ("Anil Bhagat", "President of the Indian National Congress"),
        ("Kavita Rai", "General Secretary of the Bharatiya Janata Party, Jharkhand"),
    }


def test_a_lower_case_ministry_in_apposition_survives_a_negation_elsewhere() -> None:
    claims = _news(
        "Gomia went to Ramesh Turi, the outgoing revenue minister, who was not given a ticket "
        "by his old party."
    )
    assert ("Ramesh Turi", "kgo:positionHeld", "Minister of Revenue") in _triples(claims)


def test_party_written_beside_a_name_in_five_ways() -> None:
    claims = _news(
        "The JMM's Sohan Murmu, Congress nominee Rekha Devi, Bimal Sen of the RJD, Asif Khan "
        "(AJSU Party) and Lata Singh, a BJP legislator, filed papers. Former BJP leader Ravi "
        "Dutta watched."
    )
    member = {(s, o) for s, p, o in _triples(claims) if p == "kgo:memberOfParty"}
    assert member == {
        ("Sohan Murmu", "Jharkhand Mukti Morcha"),
        ("Rekha Devi", "Indian National Congress"),
        ("Bimal Sen", "Rashtriya Janata Dal"),
        ("Asif Khan", "All Jharkhand Students Union"),
        ("Lata Singh", "Bharatiya Janata Party"),
    }


def test_a_bare_surname_is_the_latest_full_name_that_has_it() -> None:
    claims = _news(
        "Arun Mahto of the JMM and Kiran Mahto of the BJP were the main rivals in Tundi. Mahto "
        "polled 61,200 votes to Singh's 48,950. Ajay Singh came third."
    )
    won = _of(claims, ("candidacy", A24, "Kiran Mahto"))
    assert won["kgo:outcome"] == "kgo:Won"
    assert won["kgo:votes"] == "61200"


def test_a_candidacy_with_no_outcome_yet() -> None:
    claims = _news(
        "Prem Oraon will contest Bagodar for the CPI(ML) Liberation. In Jama the BJP has fielded "
        "Nirmala Hembrom."
    )
    contest = _of(claims, ("candidacy", A24, "Prem Oraon"))
    assert contest["kgo:constituency"] == "Bagodar"
    assert "kgo:outcome" not in contest and "kgo:reportedStatus" not in contest
    fielded = _of(claims, ("candidacy", A24, "Nirmala Hembrom"))
    assert fielded["kgo:constituency"] == "Jama"


def test_a_seat_of_either_house_follows_the_report_s_house() -> None:
    claims = _news(
        "In the Lok Sabha results, Vijay Hembrom kept Rajmahal, beating Tala Kisku by 1.2 lakh "
        "votes.",
        published="2024-06-04",
    )
    won = _of(claims, ("candidacy", LS24, "Vijay Hembrom"))
    assert won["kgo:constituency"] == "Rajmahal"
    assert won["kgo:margin"] == "120000"


def test_a_resignation_that_names_no_post() -> None:
    claims = _bio(
        "Sunil Oraon was Minister of Excise from 2015 to 2018. He resigned from the cabinet in "
        "June 2018. Later he was elected Chief Minister in 2020 and stepped down in 2022.",
        "Sunil Oraon",
    )
    gave_up = {
        (k.key[1].text if isinstance(k.key[1], Mention) else None)
        for k in (c.subject for c in claims)
        if isinstance(k, Node) and k.kind == "resignation"
    }
    assert gave_up == {"Minister of Excise", "Chief Minister of Jharkhand"}


def test_she_in_a_man_s_biography_is_not_its_subject() -> None:
    claims = _bio(
        "Mohan Das led his party in Tundi for years, and his son followed him. He retired in "
        "2019. His niece Priya Das then stood in Tundi. In 2024 she won Tundi, defeating Ajit Rai.",
        "Mohan Das",
    )
    people = {_v(c.object) for c in claims if c.predicate == "kgo:candidate"}
    assert "Mohan Das" not in people
    assert "Priya Das" in people


def test_quotations_over_sentences_with_the_speaker_after_before_or_as_a_pronoun() -> None:
    claims = _news(
        'Kiran Mahto spoke after the count. "We did not expect this. The people have spoken," '
        'she said. "Tundi has chosen development," said Congress leader Anil Bhagat. Later '
        'Ajay Singh told reporters: "I will keep working for Tundi."'
    )
    quoted = {
        (c.subject.key[0].text, c.subject.key[1].lexical)
        for c in claims
        if isinstance(c.subject, Node)
        and c.subject.kind == "quotation"
        and c.predicate == "rdf:type"
        and isinstance(c.subject.key[0], Mention)
        and isinstance(c.subject.key[1], Lit)
    }
    assert quoted == {
        ("Kiran Mahto", "We did not expect this. The people have spoken"),
        ("Anil Bhagat", "Tundi has chosen development"),
        ("Ajay Singh", "I will keep working for Tundi"),
    }


def test_alliances_in_three_wordings() -> None:
    claims = _news(
        "The JMM, the Congress and the RJD contested together. The BJP, in alliance with the "
        "AJSU Party, fought all 81 seats. The JMM and the BJP traded charges all day."
    )
    allied = {(s, o) for s, p, o in _triples(claims) if p == "kgo:alliedWith"}
    assert allied == {
        ("Jharkhand Mukti Morcha", "Indian National Congress"),
        ("Jharkhand Mukti Morcha", "Rashtriya Janata Dal"),
        ("Indian National Congress", "Rashtriya Janata Dal"),
        ("Bharatiya Janata Party", "All Jharkhand Students Union"),
    }


def test_seats_contested_and_won_in_an_elliptical_list() -> None:
    claims = _news(
        "Under the deal the JMM put up candidates in 41 constituencies, the Congress 30 and the "
        "RJD six. The JMM won 34, the Congress 16 and the RJD four, while the CPI(ML) Liberation "
        "fought four and won two."
    )
    contested = {
        _v(c.subject.key[1]): _v(c.object)
        for c in claims
        if isinstance(c.subject, Node) and c.predicate == "kgo:seatsContested"
    }
    assert contested == {
        "Jharkhand Mukti Morcha": "41",
        "Indian National Congress": "30",
        "Rashtriya Janata Dal": "6",
    }
    won = {
        _v(c.subject.key[1]): _v(c.object)
        for c in claims
        if isinstance(c.subject, Node) and c.predicate == "kgo:seatsWon"
    }
    assert won == {
        "Jharkhand Mukti Morcha": "34",
        "Indian National Congress": "16",
        "Rashtriya Janata Dal": "4",
        CPIML: "2",
    }


def test_occupations_and_an_oath_to_a_written_out_ministry() -> None:
    claims = _bio(
        "Rekha Oraon (born 1970) is an Indian politician and social worker. Her father, Budhu "
        "Oraon, a farmer, kept the family land. On 4 May 2019 she was sworn in as Minister of "
        "State for Tribal Welfare.",
        "Rekha Oraon",
    )
    jobs = {(s, o) for s, p, o in _triples(claims) if p == "kgo:occupation"}
    assert jobs == {
        ("Rekha Oraon", "politician"),
        ("Rekha Oraon", "social worker"),
        ("Budhu Oraon", "farmer"),
    }
    oath = _of(claims, ("oath", "Rekha Oraon", "Minister of State for Tribal Welfare"))
    assert oath["kgo:date"] == "2019-05-04"


def test_a_list_of_nominees_and_the_party_a_winner_stood_for() -> None:
    claims = _news(
        "The RJD named its nominees: Prem Oraon in Tundi, Asha Lakra Gomia and Bimla Devi, "
        "alias Bimla Rani, in Jama. Later Kiran Mahto kept Bagodar for the JMM, beating Ajit Rai "
        "by 3,100 votes."
    )
    seats = {
        _v(c.subject.key[1]): _v(c.object)
        for c in claims
        if isinstance(c.subject, Node) and c.predicate == "kgo:constituency"
    }
    assert seats == {
        "Prem Oraon": "Tundi",
        "Asha Lakra": "Gomia",
        "Bimla Devi": "Jama",
        "Kiran Mahto": "Bagodar",
        "Ajit Rai": "Bagodar",
    }
    won = _of(claims, ("candidacy", A24, "Kiran Mahto"))
    assert won["kgo:party"] == "Jharkhand Mukti Morcha"
    lost = _of(claims, ("candidacy", A24, "Ajit Rai"))
    assert "kgo:party" not in lost
    assert lost["kgo:margin"] == "3100"


def test_an_in_law_of_someone_and_a_possessive_in_a_biography() -> None:
    claims = _bio(
        "Meena Hembrom is the daughter-in-law of the late Budhan Hembrom. Ravi Tudu defeated "
        "her husband Sohan Hembrom in 2009.",
        "Meena Hembrom",
    )
    kin = {(s, p, o) for s, p, o in _triples(claims) if p.startswith(("kgo:d", "kgo:h"))}
    assert kin == {
        ("Budhan Hembrom", "kgo:daughterInLaw", "Meena Hembrom"),
        ("Meena Hembrom", "kgo:husband", "Sohan Hembrom"),
    }
