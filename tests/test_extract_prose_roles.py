"""Stage: extract (sentence rules about what people are and do beyond elections): whether a title
is held now or was held, languages, interviews, lists of defectors and of people leading,
schooling, posts in societies and companies, entry into politics, community and home state.
Every fixture is written here, in wordings unlike the seeds'; the expected values are read off
the fixture text by hand."""

from __future__ import annotations

from kg.model import Claim

from .test_extract_prose import _of, _triples
from .test_extract_prose_people import _bio, _news


def _status(claims: list[Claim], post: str, person: str) -> object:
    return _of(claims, ("holding", post, person)).get("kgo:status")


def test_former_titles_and_titles_held_at_the_report_s_date() -> None:
    claims = _news(
        "Former chief minister Madhu Koda and Health Minister Baidyanath Ram spoke at Chaibasa, "
        "while the then Deputy Chief Minister Sudesh Mahto stayed away. Ex-CM Babulal Marandi "
        "and Deputy CM Stephen Marandi sent messages."
    )
    assert _status(claims, "Chief Minister of Jharkhand", "Madhu Koda") == "kgo:Former"
    assert _status(claims, "Minister of Health", "Baidyanath Ram") == "kgo:Incumbent"
    assert _status(claims, "Deputy Chief Minister of Jharkhand", "Sudesh Mahto") is None
    assert _status(claims, "Chief Minister of Jharkhand", "Babulal Marandi") == "kgo:Former"
    assert _status(claims, "Deputy Chief Minister of Jharkhand", "Stephen Marandi") == (
        "kgo:Incumbent"
    )


def test_a_biography_says_now_only_in_the_present_tense() -> None:
    claims = _bio(
        "Rani Hansda is the sister of Chief Minister Arun Hansda. In 2009 she campaigned for "
        "Finance Minister Lalit Oraon.",
        "Rani Hansda",
    )
    assert _status(claims, "Chief Minister of Jharkhand", "Arun Hansda") == "kgo:Incumbent"
    assert _of(claims, ("holding", "Minister of Finance", "Lalit Oraon"))
    assert _status(claims, "Minister of Finance", "Lalit Oraon") is None


def _spoken(claims: list[Claim]) -> set[tuple[object, object]]:
    return {(s, o) for s, p, o in _triples(claims) if p == "schema:knowsLanguage"}


def test_languages_a_person_speaks_in_four_wordings() -> None:
    claims = _bio(
        "Meera Tudu was raised in Dumka. She speaks Ho, Mundari and Hindi. At rallies she "
        "switches between Santhali and Bangla. Her brother Sanjay Tudu is conversant with Urdu. "
        "Their aunt Sunita Tirkey, who speaks fluent Kurukh, stayed in Gumla.",
        "Meera Tudu",
    )
    assert _spoken(claims) == {
        ("Meera Tudu", "Ho"),
        ("Meera Tudu", "Mundari"),
        ("Meera Tudu", "Hindi"),
        ("Meera Tudu", "Santhali"),
        ("Meera Tudu", "Bangla"),
        ("Sanjay Tudu", "Urdu"),
        ("Sunita Tirkey", "Kurukh"),
    }


def test_a_language_word_without_speaking_or_with_a_negation_gives_nothing() -> None:
    claims = _bio(
        "Meera Tudu edited a Santali magazine. She does not speak Odia. The Hindi press ignored "
        "her, and she is said to be learning Kurukh.",
        "Meera Tudu",
    )
    assert _spoken(claims) == set()


def _interviews(claims: list[Claim]) -> dict[tuple[object, ...], dict[str, object]]:
    nodes = {s for s, p, o in _triples(claims) if isinstance(s, tuple) and s[0] == "interview"}
    return {n: _of(claims, n) for n in nodes}


def test_interviews_with_an_outlet_a_journalist_and_a_date() -> None:
    claims = _news(
        "Speaking to NDTV after the count, Babulal Marandi conceded defeat. In a long "
        "conversation with Hindustan Times correspondent Neha Lal in March 2023, Health Minister "
        "Banna Gupta and Jobha Tudu had defended the hospital plan. Sudesh Mahto told the news "
        "agency PTI that talks would go on."
    )
    got = _interviews(claims)
    assert set(got) == {
        ("interview", "Babulal Marandi", "NDTV"),
        ("interview", "Banna Gupta", "Neha Lal"),
        ("interview", "Jobha Tudu", "Neha Lal"),
        ("interview", "Sudesh Mahto", "PTI"),
    }
    assert got[("interview", "Banna Gupta", "Neha Lal")]["kgo:mediaOrganisation"] == (
        "Hindustan Times"
    )
    assert got[("interview", "Jobha Tudu", "Neha Lal")]["kgo:date"] == "2023-03"
    assert ("Neha Lal", "kgo:employer", "Hindustan Times") in _triples(claims)
    assert ("Neha Lal", "kgo:positionHeld", "Correspondent of Hindustan Times") in _triples(claims)


def test_a_refused_or_denied_interview_gives_nothing() -> None:
    claims = _news(
        "Champai Soren declined to speak to The Telegraph. Arjun Munda denied that he had told "
        "ANI anything about the seat."
    )
    assert _interviews(claims) == {}


def test_a_list_of_defectors_with_the_party_they_left_and_joined() -> None:
    claims = _news(
        "Before the polls, senior Congress leaders such as Sukhdeo Bhagat and Pradeep Balmuchu "
        "switched over to the BJP. The JMM's Kunal Sarangi joined the BJP on 23 March 2019.",
        published="2019-12-23",
    )
    t = _triples(claims)
    for who in ("Sukhdeo Bhagat", "Pradeep Balmuchu"):
        switch = _of(claims, ("party-switch", who, "Bharatiya Janata Party"))
        assert switch["kgo:fromParty"] == "Indian National Congress"
        assert (who, "kgo:memberOfParty", "Bharatiya Janata Party") in t
    sarangi = ("membership", "Kunal Sarangi", "Bharatiya Janata Party")
    assert _of(claims, sarangi)["kgo:startDate"] == "2019-03-23"
    assert {o for s, p, o in t if s == "Kunal Sarangi" and p == "kgo:memberOfParty"} == {
        "Bharatiya Janata Party"
    }


def test_a_plural_verb_gives_each_person_listed_a_standing() -> None:
    claims = _news(
        "By noon, Health Minister Banna Gupta and his colleague Mithilesh Thakur were trailing, "
        "while in Silli Sudesh Mahto and Amit Mahto both led."
    )
    status = {
        s[2]: o
        for s, p, o in _triples(claims)
        if p == "kgo:reportedStatus" and isinstance(s, tuple)
    }
    # two people cannot both lead in one seat: the Silli pair is left alone
    assert status == {"Banna Gupta": "kgo:Trailing", "Mithilesh Thakur": "kgo:Trailing"}


def test_schooling_with_degree_field_year_parent_and_place() -> None:
    claims = _bio(
        "Anita Oraon went to several Sarswati Shishu Mandir schools before she attended St. "
        "Xavier's College, Ranchi. In 1998 she obtained an M.A. in Political science from "
        "Marwari College (affiliated to Ranchi University). She had her schooling at Ursuline "
        "Convent.",
        "Anita Oraon",
    )
    t = _triples(claims)
    assert {o for s, p, o in t if s == "Anita Oraon" and p == "schema:alumniOf"} == {
        "St. Xavier's College",
        "Marwari College",
        "Ursuline Convent",
    }
    marwari = _of(claims, ("education", "Anita Oraon", "Marwari College"))
    assert (marwari["kgo:degree"], marwari["kgo:fieldOfStudy"], marwari["kgo:year"]) == (
        "M.A.",
        "Political science",
        "1998",
    )
    assert ("Marwari College", "kgo:affiliatedWith", "Ranchi University") in t
    assert ("St. Xavier's College", "kgo:locatedIn", "Ranchi") in t


def test_posts_in_societies_and_companies_but_not_party_offices() -> None:
    claims = _bio(
        "In 2016 Ramesh Munda was elected treasurer of the Birsa Krishak Sangh. "
        "From 2011 Ramesh Munda was chairman of the Santhal Pargana Development Board. He is "
        "also the Secretary of Birsa Seva Trust, and Managing Director of Munda Agro Pvt Ltd. "
        "He is the President of the Jharkhand Mukti Morcha.",
        "Ramesh Munda",
    )
    t = _triples(claims)
    held = {o for s, p, o in t if s == "Ramesh Munda" and p == "kgo:positionHeld"}
    assert held == {
        "Chairman of Santhal Pargana Development Board",
        "Secretary of Birsa Seva Trust",
        "Managing Director of Munda Agro Pvt Ltd",
        "Treasurer of Birsa Krishak Sangh",
    }
    assert ("Secretary of Birsa Seva Trust", "kgo:postIn", "Birsa Seva Trust") in t
    assert _status(claims, "Managing Director of Munda Agro Pvt Ltd", "Ramesh Munda") == (
        "kgo:Incumbent"
    )
    assert _status(claims, "Chairman of Santhal Pargana Development Board", "Ramesh Munda") is None


def test_entry_into_politics_with_a_date_after_or_before() -> None:
    claims = _bio(
        "Sunita Toppo, a nurse from Gumla, stepped into active politics in May 2014, soon after "
        "her uncle Karma Toppo's arrest. In 1977 "
        "her brother Vijay Toppo began his political career. Their cousin Ravi Toppo has not "
        "entered politics.",
        "Sunita Toppo",
    )
    nodes = {
        s for s, p, o in _triples(claims) if isinstance(s, tuple) and s[0] == "entry-into-politics"
    }
    assert nodes == {
        ("entry-into-politics", "Sunita Toppo"),
        ("entry-into-politics", "Vijay Toppo"),
    }
    sunita = _of(claims, ("entry-into-politics", "Sunita Toppo"))
    assert sunita["kgo:date"] == "2014-05"
    assert sunita["kgo:follows"] == ("arrest", "Karma Toppo")
    assert _of(claims, ("entry-into-politics", "Vijay Toppo"))["kgo:date"] == "1977"


def test_an_ethnic_group_and_a_home_state() -> None:
    claims = _bio(
        "Sunita Toppo (born 1979) is an Indian politician from the state of Jharkhand. She was "
        "born in 1979 into a poor Oraon family in Gumla. Her husband was born into a farming family.",
        "Sunita Toppo",
    )
    t = _triples(claims)
    assert {(s, p, o) for s, p, o in t if p in ("kgo:ethnicGroup", "kgo:associatedState")} == {
        ("Sunita Toppo", "kgo:ethnicGroup", "Oraon"),
        ("Sunita Toppo", "kgo:associatedState", "Jharkhand"),
    }


def test_members_of_parliament_in_a_list_held_now_and_a_leader_s_own_party() -> None:
    claims = _news(
        "Meanwhile, Vijay Hansdak and Sukhdeo Bhagat concentrated on their roles as Lok Sabha "
        "MPs. In 2014 Dinesh Oraon became the Speaker. Babulal Marandi's JVM(P) won eight seats."
    )
    t = _triples(claims)
    for mp in ("Vijay Hansdak", "Sukhdeo Bhagat"):
        assert _status(claims, "Member of Parliament, Lok Sabha", mp) == "kgo:Incumbent"
    assert _of(claims, ("holding", "Speaker of the Jharkhand Legislative Assembly", "Dinesh Oraon"))
    speaker = "Speaker of the Jharkhand Legislative Assembly"
    assert _status(claims, speaker, "Dinesh Oraon") is None
    assert ("Babulal Marandi", "kgo:memberOfParty", "Jharkhand Vikas Morcha (Prajatantrik)") in t


def test_an_interview_told_twice_is_one_with_its_journalist() -> None:
    claims = _news(
        "In earlier conversations with The Hindu, Arjun Munda had spoken of land rights. In a "
        "conversation with The Hindu's Amit Bhelari in 2023, Munda had said the same."
    )
    assert set(_interviews(claims)) == {("interview", "Arjun Munda", "Amit Bhelari")}


def test_who_led_a_party_s_campaign_in_two_wordings() -> None:
    claims = _news(
        "Counting began in Ranchi. Sudesh Mahto steered the AJSU Party's poll campaign across "
        "Kolhan. The BJP campaign was led by Babulal Marandi, while the Congress may rope in "
        "Rahul Gandhi to lead its campaign."
    )
    led = {
        (s[2], o)
        for s, p, o in _triples(claims)
        if p == "kgo:ledBy" and isinstance(s, tuple) and s[0] == "campaign"
    }
    assert led == {
        ("All Jharkhand Students Union", "Sudesh Mahto"),
        ("Bharatiya Janata Party", "Babulal Marandi"),
    }


def test_where_a_quotation_was_said() -> None:
    claims = _news(
        "In an interview with The Telegraph in 2023, Champai Soren spoke about land. “The forest "
        "belongs to those who live in it,” Champai Soren had said in the interview. “We will "
        "not bow before anyone,” Sita Soren said while addressing a public gathering at Jamtara."
    )
    occasions = {
        (s[1], o)
        for s, p, o in _triples(claims)
        if p == "kgo:occasion" and isinstance(s, tuple) and s[0] == "quotation"
    }
    assert occasions == {
        ("Champai Soren", ("interview", "Champai Soren", "The Telegraph")),
        ("Sita Soren", ("gathering", "Jamtara", "Sita Soren")),
    }
    assert _of(claims, ("gathering", "Jamtara", "Sita Soren"))["kgo:location"] == "Jamtara"


def test_resignations_in_other_wordings_and_a_governor_who_receives_one() -> None:
    claims = _news(
        "Arjun Munda was forced to resign as chief minister in March 2006. Later that night "
        "Munda drove to Raj Bhavan and handed his resignation to Governor Syed Sibtey Razi."
    )
    resigned = {s for s, p, o in _triples(claims) if isinstance(s, tuple) and s[0] == "resignation"}
    # one resignation: Raj Bhavan is a place, and the Governor receives it, he does not resign
    assert resigned == {("resignation", "Arjun Munda", "Chief Minister of Jharkhand")}


def test_a_biography_sentence_that_opens_with_a_clause_before_its_subject() -> None:
    claims = _bio(
        "Born on 11 January 1975 in Jamshedpur, Rita Oraon married Ajay Oraon, a lawyer, in 1999.",
        "Rita Oraon",
    )
    t = _triples(claims)
    assert {(p, o) for s, p, o in t if s == "Rita Oraon"} == {
        ("schema:birthDate", "1975-01-11"),
        ("schema:birthPlace", "Jamshedpur"),
        ("schema:spouse", "Ajay Oraon"),
    }


def test_mla_and_mp_as_titles_before_a_name_and_in_apposition() -> None:
    claims = _news(
        "Congress MP Geeta Kora and sitting Tamar MLA, Vikas Munda, shared the stage. Lalita "
        "Oraon, a two-time MLA from Silli, stayed away. The CM left after 5 mp of speeches. "
        "CM Arun Hansda and Rekha Tudu arrived later."
    )
    mla, mp = "Member of the Jharkhand Legislative Assembly", "Member of Parliament, Lok Sabha"
    assert _status(claims, mp, "Geeta Kora") == "kgo:Incumbent"
    assert _status(claims, mla, "Vikas Munda") == "kgo:Incumbent"
    lalita = _of(claims, ("holding", mla, "Lalita Oraon"))
    assert (lalita["kgo:holder"], lalita["kgo:constituency"]) == ("Lalita Oraon", "Silli")
    # "the CM" names no one, the lower-case "mp" is no post, and "CM A and B" is A's title
    holders = {t[0] for t in _triples(claims) if t[1] == "kgo:positionHeld"}
    assert holders == {"Geeta Kora", "Vikas Munda", "Lalita Oraon", "Arun Hansda"}


def test_a_post_held_under_someone_is_the_subjects() -> None:
    claims = _bio(
        "Under Arjun Munda she was Minister of Rural Development from 2010 to 2013. In the "
        "Raghubar Das government she was Deputy Chief Minister.",
        "Lata Kujur",
    )
    posts = {(s, o) for s, p, o in _triples(claims) if p == "kgo:positionHeld"}
    assert ("Lata Kujur", "Minister of Rural Development") in posts
    assert ("Lata Kujur", "Deputy Chief Minister of Jharkhand") in posts
    assert not {s for s, _ in posts} & {"Arjun Munda", "Raghubar Das"}


def test_party_offices_written_after_the_name_or_as_what_someone_became() -> None:
    claims = _news(
        "Ramesh Tudu, the BJP's state president, opened the office. The JMM named its general "
        "secretary, Lakhan Besra, as convener. Sunil Kujur, Congress vice-president, stayed "
        "away. The AJSU Party made him its treasurer in 2019, Kujur's aides said."
    )
    posts = {(s, o) for s, p, o in _triples(claims) if p == "kgo:positionHeld"}
    assert ("Ramesh Tudu", "President of the Bharatiya Janata Party, Jharkhand") in posts
    assert ("Lakhan Besra", "General Secretary of the Jharkhand Mukti Morcha") in posts
    assert ("Sunil Kujur", "Vice-President of the Indian National Congress") in posts
    assert not [o for s, o in posts if "Treasurer" in str(o) and s != "Sunil Kujur"]


def test_a_biography_subject_made_a_party_office_holder() -> None:
    claims = _bio(
        "In March 2021 the RJD made her president of its Jharkhand unit. She resigned from the "
        "post of party vice-president in 2023, and the party's spokesperson said nothing.",
        "Lata Kujur",
    )
    posts = {(s, o) for s, p, o in _triples(claims) if p == "kgo:positionHeld"}
    assert ("Lata Kujur", "President of the Rashtriya Janata Dal, Jharkhand") in posts
    assert ("Lata Kujur", "Vice-President of the Rashtriya Janata Dal") not in posts  # no party


def test_seats_represented_and_a_rajya_sabha_term_without_a_title() -> None:
    claims = _bio(
        "Mahesh Oraon has represented Gomia continuously since 2009. His uncle Dilip Oraon "
        "represented Jama in the Assembly from 1990 to 2000. Elected to the Rajya Sabha in "
        "March 2016, Mahesh Oraon did not seek a second term.",
        "Mahesh Oraon",
    )
    mla = _of(claims, ("holding", "Member of the Jharkhand Legislative Assembly", "Mahesh Oraon"))
    assert (mla["kgo:constituency"], mla["kgo:startDate"]) == ("Gomia", "2009")
    bihar = _of(claims, ("holding", "Member of the Bihar Legislative Assembly", "Dilip Oraon"))
    assert (bihar["kgo:startDate"], bihar["kgo:endDate"]) == ("1990", "2000")
    rajya = _of(claims, ("holding", "Member of Parliament, Rajya Sabha", "Mahesh Oraon"))
    assert rajya["kgo:startDate"] == "2016-03"


def test_sworn_in_as_a_minister_is_a_minister_of_the_government() -> None:
    claims = _bio(
        "On 5 January 2020 she was sworn in as a minister in Chief Minister Arun Hansda's "
        "government.",
        "Lata Kujur",
    )
    oath = _of(claims, ("oath", "Lata Kujur", "Minister in the Government of Jharkhand"))
    assert oath["kgo:date"] == "2020-01-05"
    oaths = {s for s, p, o in _triples(claims) if p == "kgo:person"}
    assert oaths == {("oath", "Lata Kujur", "Minister in the Government of Jharkhand")}


def test_the_one_who_replaced_someone_as_a_party_officer_holds_the_office() -> None:
    claims = _bio(
        "Sunil Tirkey, a former state Congress president, left the party in 2019. Ajay Minz of "
        "the Congress replaced her as state party president in 2021.",
        "Lata Kujur",
    )
    posts = {(s, o) for s, p, o in _triples(claims) if p == "kgo:positionHeld"}
    office = "President of the Indian National Congress, Jharkhand"
    assert ("Sunil Tirkey", office) in posts
    assert ("Ajay Minz", office) in posts
    assert ("Lata Kujur", office) not in posts


def test_a_former_party_office_in_apposition_is_former_and_one_taken_says_nothing_of_now() -> None:
    claims = _news(
        "Sunil Tirkey, a former state Congress president, spoke. Ramesh Tudu, the BJP's "
        "general secretary, listened. The RJD made him its treasurer in 2019."
    )
    office = "President of the Indian National Congress, Jharkhand"
    assert _status(claims, office, "Sunil Tirkey") == "kgo:Former"
    assert _status(claims, "General Secretary of the Bharatiya Janata Party", "Ramesh Tudu") == (
        "kgo:Incumbent"
    )
    treasurer = _of(claims, ("holding", "Treasurer of the Rashtriya Janata Dal", "Ramesh Tudu"))
    assert treasurer["kgo:holder"] == "Ramesh Tudu"
    assert "kgo:status" not in treasurer
