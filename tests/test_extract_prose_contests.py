"""Stage: extract (sentence rules) -- which contest a result sentence speaks of: its year when the
verb has none beside it, the opponent behind a kinship phrase or "from", the subject a later "he"
stands for, a by-election report's own seat, and a seat's own turnout. Each fixture is worded
differently from the seeds and the corpus; the expected values are read off the fixture text."""

from __future__ import annotations

from kg.build.extract.prose import extract_prose
from kg.build.extract.prose.lexicon import PARTIES, Lexicon, _surface
from kg.model import Claim, Mention, Node

from .test_extract_prose import _of, _v

LEX = Lexicon(
    parties=_surface(PARTIES),
    constituencies=_surface(
        {
            s: ()
            for s in (
                "Jama",
                "Pakur",
                "Sisai",
                "Hatia",
                "Kanke",
                "Litipara",
                "Nala",
                "Silli",
                "Mandar",
                "Ranchi",
                "Dumri",
                "Bermo",
            )
        }
    ),
    lok_sabha=_surface({"Godda": ()}),
)
A09 = "2009 Jharkhand Legislative Assembly election"
A14 = "2014 Jharkhand Legislative Assembly election"
A19 = "2019 Jharkhand Legislative Assembly election"


def _news(text: str, published: str = "2019-12-21") -> list[Claim]:
    return extract_prose("t", text, kind="news", published=published, lexicon=LEX)[0]


def _bio(text: str, subject: str) -> list[Claim]:
    return extract_prose(
        "t", text, kind="encyclopedia", subject=Mention(subject, "Person"), lexicon=LEX
    )[0]


def _nodes(claims: list[Claim], kind: str) -> set[object]:
    return {_v(c.subject) for c in claims if isinstance(c.subject, Node) and c.subject.kind == kind}


def test_a_when_clause_is_dated_by_the_year_it_hangs_on() -> None:
    claims = _bio(
        "Meera Hansda first won Jama in 2009. She kept Pakur in 2014, when she beat the "
        "Congress's Alok Minz by 3,115 votes.",
        "Meera Hansda",
    )
    kept = _of(claims, ("candidacy", A14, "Meera Hansda"))
    assert kept["kgo:opponent"] == "Alok Minz"
    assert kept["kgo:margin"] == "3115"
    assert kept["kgo:constituency"] == "Pakur"
    assert ("candidacy", A09, "Alok Minz") not in _nodes(claims, "candidacy")
    assert _of(claims, ("candidacy", A09, "Meera Hansda"))["kgo:constituency"] == "Jama"


def test_a_year_counted_on_from_one_named_before() -> None:
    claims = _bio(
        "Gopal Oraon lost Sisai to Binod Lakra in 2009 and, five years later, took the seat "
        "from him by 7,720 votes. In 2018 he moved to the JMM, and the following year he "
        "carried Kanke by 2,400 votes.",
        "Gopal Oraon",
    )
    later = _of(claims, ("candidacy", A14, "Gopal Oraon"))
    assert later["kgo:outcome"] == "kgo:Won"
    assert later["kgo:margin"] == "7720"
    assert later["kgo:constituency"] == "Sisai"
    following = _of(claims, ("candidacy", A19, "Gopal Oraon"))
    assert following["kgo:constituency"] == "Kanke"
    assert following["kgo:margin"] == "2400"
    lost = _of(claims, ("candidacy", A09, "Gopal Oraon"))
    assert lost["kgo:outcome"] == "kgo:Lost"
    assert "kgo:margin" not in lost


def test_an_opponent_named_after_a_kinship_phrase() -> None:
    claims = _news(
        "Dinesh Murmu stood down this time. In Litipara, Sohan Kisku of the JMM held the seat "
        "against Murmu's wife, Phulmani Murmu, by 4,410 votes."
    )
    held = _of(claims, ("candidacy", A19, "Sohan Kisku"))
    assert held["kgo:opponent"] == "Phulmani Murmu"
    assert _of(claims, ("candidacy", A19, "Phulmani Murmu"))["kgo:outcome"] == "kgo:Lost"
    assert ("candidacy", A19, "Dinesh Murmu") not in _nodes(claims, "candidacy")


def test_a_seat_taken_from_someone_names_the_opponent() -> None:
    claims = _news(
        "Ajay Bedia of the BJP took Hatia from the Congress's Ranjan Sahu. Rekha Lakra won "
        "Kanke with support from Manoj Tirkey."
    )
    took = _of(claims, ("candidacy", A19, "Ajay Bedia"))
    assert took["kgo:outcome"] == "kgo:Won"
    assert took["kgo:opponent"] == "Ranjan Sahu"
    assert _of(claims, ("candidacy", A19, "Ranjan Sahu"))["kgo:outcome"] == "kgo:Lost"
    assert "kgo:opponent" not in _of(claims, ("candidacy", A19, "Rekha Lakra"))
    assert ("candidacy", A19, "Manoj Tirkey") not in _nodes(claims, "candidacy")


def test_a_later_he_is_the_biography_subject_not_the_person_named_before() -> None:
    claims = _bio(
        "In 2009 he wrested Jama from the JMM's Naren Munda, and in 2014 he held it against "
        "Rupesh Hembrom.",
        "Karan Soy",
    )
    assert _of(claims, ("candidacy", A09, "Karan Soy"))["kgo:opponent"] == "Naren Munda"
    held = _of(claims, ("candidacy", A14, "Karan Soy"))
    assert held["kgo:opponent"] == "Rupesh Hembrom"
    assert held["kgo:constituency"] == "Jama"
    assert ("candidacy", A14, "Naren Munda") not in _nodes(claims, "candidacy")


def test_a_general_election_after_a_by_election_in_one_sentence() -> None:
    claims = _bio(
        "Sunita Tudu won the 2011 by-election for Jama and held it at the 2014 election.",
        "Sunita Tudu",
    )
    candidacies = _nodes(claims, "candidacy")
    assert ("candidacy", "2011 Jama by-election", "Sunita Tudu") in candidacies
    assert ("candidacy", A14, "Sunita Tudu") in candidacies
    assert ("candidacy", "2014 Jama by-election", "Sunita Tudu") not in candidacies


def test_a_by_election_report_is_about_its_headline_seat_not_its_dateline() -> None:
    claims = _news(
        "Congress keeps Mandar in bypoll\n\n"
        "MANDAR (Ranchi), June 26 — Shilpi Neha Tirkey of the Congress kept Mandar for her "
        "party in the by-election, beating the BJP's Gangotri Kujur by 23,517 votes.\n\n"
        "The ruling alliance had also won by-elections in Dumri and Bermo this year.",
        published="2022-06-26",
    )
    won = _of(claims, ("candidacy", "2022 Mandar by-election", "Shilpi Neha Tirkey"))
    assert won["kgo:constituency"] == "Mandar"
    assert won["kgo:margin"] == "23517"
    elections = {n[1] for n in _nodes(claims, "candidacy") if isinstance(n, tuple)}
    assert elections == {"2022 Mandar by-election"}


def test_a_seats_own_turnout_is_its_contests() -> None:
    claims = _news(
        "Turnout in the fourth phase was 62.5 per cent. Nala, in Jamtara district, logged 77.9 "
        "per cent, while Hatia managed only 49.8 per cent. Voters in Kanke turned out at 58.2 "
        "per cent."
    )
    assert _of(claims, ("contest", A19, "Nala"))["kgo:turnout"] == "77.9"
    assert _of(claims, ("contest", A19, "Hatia"))["kgo:turnout"] == "49.8"
    assert _of(claims, ("contest", A19, "Kanke"))["kgo:turnout"] == "58.2"
    assert _of(claims, ("phase", A19, "4"))["kgo:turnout"] == "62.5"
    election = [
        _v(c.object)
        for c in claims
        if c.predicate == "kgo:turnout" and isinstance(c.subject, Mention)
    ]
    assert election == []  # no seat's figure is the election's


def test_a_phase_figure_after_a_list_of_seats_is_the_phases() -> None:
    claims = _news(
        "The third phase covered Kanke, Hatia and Silli, and saw 61.4 per cent polling. In "
        "the first phase, spread over Sisai and Jama; an estimated 64.1 per cent of electors "
        "voted."
    )
    assert _of(claims, ("phase", A19, "3"))["kgo:turnout"] == "61.4"
    assert _of(claims, ("phase", A19, "1"))["kgo:turnout"] == "64.1"
    assert _nodes(claims, "contest") == set()


def test_a_vote_share_in_a_seat_is_no_turnout() -> None:
    claims = _news(
        "Polling closed at 5 pm. The BJP's vote share in Hatia was 41.2 per cent, and in "
        "Kanke it polled 39 per cent of the votes."
    )
    assert _nodes(claims, "contest") == set()
    assert not [c for c in claims if c.predicate == "kgo:turnout"]


def test_the_subject_is_not_the_person_named_in_its_apposition() -> None:
    claims = _news(
        "In Sisai, Jiga Horo, wife of former minister Lalit Horo, won on a JMM ticket, beating "
        "the BJP's Dinesh Oraon by 3,300 votes."
    )
    won = _of(claims, ("candidacy", A19, "Jiga Horo"))
    assert (won["kgo:opponent"], won["kgo:margin"]) == ("Dinesh Oraon", "3300")
    assert ("candidacy", A19, "Lalit Horo") not in _nodes(claims, "candidacy")


def test_an_organisation_or_a_group_is_no_person() -> None:
    claims = _bio(
        "Ravi Munda chaired the National Commission for Scheduled Tribes, and has represented "
        "Hatia since 2014. The BJP leader's Rath Yatra passed through Ranchi.",
        "Ravi Munda",
    )
    holders = {_v(c.object) for c in claims if c.predicate == "kgo:holder"}
    assert holders == {"Ravi Munda"}
    assert not [c for c in claims if c.predicate == "kgo:memberOfParty"]


def test_beaten_in_a_seat_by_someone() -> None:
    claims = _news("Former minister Joba Hansda of the JMM was beaten in Pakur by Akil Akhtar.")
    lost = _of(claims, ("candidacy", A19, "Joba Hansda"))
    assert (lost["kgo:outcome"], lost["kgo:opponent"]) == ("kgo:Lost", "Akil Akhtar")
    assert lost["kgo:constituency"] == "Pakur"
    assert _of(claims, ("candidacy", A19, "Akil Akhtar"))["kgo:outcome"] == "kgo:Won"


def test_a_participle_count_is_the_main_verbs_and_a_seat_of_both_houses_dated_by_its_year() -> None:
    """Godda is a seat of both houses; 2004 elected only the Lok Sabha, so "unseated the sitting
    MP" there is a Lok Sabha result, and ", polling N votes to B's M" is the subject's count."""
    lex_both = Lexicon(
        parties=_surface(PARTIES),
        constituencies=_surface({"Godda": ()}),
        lok_sabha=_surface({"Godda": ()}),
    )
    claims = extract_prose(
        "t",
        "In May 2004 he stood for Godda and unseated the sitting BJP MP Pradeep Yadav, polling "
        "3,11,020 votes to Yadav's 2,70,180.",
        kind="encyclopedia",
        subject=Mention("Furkan Ansari", "Person"),
        lexicon=lex_both,
    )[0]
    won = _of(claims, ("candidacy", "2004 Indian general election", "Furkan Ansari"))
    assert (won["kgo:outcome"], won["kgo:opponent"], won["kgo:votes"]) == (
        "kgo:Won",
        "Pradeep Yadav",
        "311020",
    )
    lost = _of(claims, ("candidacy", "2004 Indian general election", "Pradeep Yadav"))
    assert (lost["kgo:outcome"], lost["kgo:votes"]) == ("kgo:Lost", "270180")


def test_the_seat_and_the_year_of_the_nearest_sentence_before_that_names_them() -> None:
    claims = _bio(
        "In 2009 Anil Hembrom won Pakur for the JMM. He was then made a minister. In 2014 the "
        "BJP's Ravi Marandi won the seat with 61,210 votes. He kept it in the next contest by "
        "4,400 votes.",
        "Anil Hembrom",
    )
    later = _of(claims, ("candidacy", A14, "Ravi Marandi"))
    assert (later["kgo:constituency"], later["kgo:votes"]) == ("Pakur", "61210")
    assert "kgo:margin" not in later


def test_a_phase_figure_after_a_turnout_sentence_and_a_round_figure_marked() -> None:
    claims = _news(
        "Polling was spread over four phases, and about 64 per cent of electors turned out. "
        "The third phase logged 61.9 per cent, with Hatia at about 52 per cent."
    )
    phases = [c for c in claims if c.predicate == "kgo:numberOfPhases"]
    assert [_v(c.object) for c in phases] == ["4"]
    assert _of(claims, ("phase", A19, "3"))["kgo:turnout"] == "61.9"
    (hatia,) = [
        c
        for c in claims
        if c.predicate == "kgo:turnout" and _v(c.subject) == ("contest", A19, "Hatia")
    ]
    assert (_v(hatia.object), hatia.approximate) == ("52", True)
    assert "round figure" in (hatia.note or "")


def test_a_districts_name_is_no_seat_and_another_name_is_no_other_person() -> None:
    claims = _news(
        "Pakur, in Silli district, went down to the wire. Rekha Soy, who also goes by Rekha "
        "Hansda, won by a margin of 1,341 votes over the AJSU's Bimal Tudu.",
        published="2019-12-23",
    )
    won = _of(claims, ("candidacy", A19, "Rekha Soy"))
    assert (won["kgo:constituency"], won["kgo:opponent"]) == ("Pakur", "Bimal Tudu")
    assert ("candidacy", A19, "Rekha Hansda") not in _nodes(claims, "candidacy")


def test_unseated_by_a_court_is_no_defeat_and_a_term_is_no_tally() -> None:
    claims = _news(
        "Results of all 81 seats are in. Ravi Tudu, who had won Jama for the JMM in 2014, was "
        "unseated after a conviction brought him a two-year term."
    )
    assert ("candidacy", A19, "Ravi Tudu") not in _nodes(claims, "candidacy")
    assert not [c for c in claims if c.predicate == "kgo:seatsWon"]


def test_a_seat_in_a_members_title_is_not_the_contests() -> None:
    claims = _bio(
        "The party fielded her from Godda. She lost the seat to Joba Majhi of the JMM, the Jama "
        "MLA, by about 1.2 lakh votes in 2024.",
        "Rita Kora",
    )
    lost = _of(claims, ("candidacy", "2024 Indian general election", "Rita Kora"))
    assert (lost["kgo:constituency"], lost["kgo:opponent"]) == ("Godda", "Joba Majhi")
    assert "2024 Jharkhand Legislative Assembly election" not in {
        n[1] for n in _nodes(claims, "candidacy") if isinstance(n, tuple)
    }


def test_born_at_a_place_no_rule_knows() -> None:
    claims = _bio("Rita Kora was born at Noamundi in West Singhbhum in 1983.", "Rita Kora")
    places = [_v(c.object) for c in claims if c.predicate == "schema:birthPlace"]
    assert places == ["Noamundi"]
