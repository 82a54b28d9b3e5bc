"""Stage: extract (value normalisation)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.build.extract.values import (
    PartialDate,
    Quantity,
    find_clocks,
    find_dates,
    find_quantities,
    number_words,
    parse_clock,
    parse_date,
    parse_decimal,
    parse_int,
    parse_partial_date,
    parse_quantity,
    parse_range,
    parse_time,
    parse_year,
    split_list,
)
from kg.iris import slugify


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("3 March 1985", None, dt.date(1985, 3, 3)),
        ("4 June 2024", None, dt.date(2024, 6, 4)),
        ("March 4, 2024", None, dt.date(2024, 3, 4)),
        ("31 January", 2024, dt.date(2024, 1, 31)),
        ("November 13", 2024, dt.date(2024, 11, 13)),
        ("31 January", None, None),
        ("31 Fooary 2024", None, None),
        ("30 February 2024", None, None),
    ],
)
def test_dates(text: str, year: int | None, expected: dt.date | None) -> None:
    assert parse_date(text, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("109,827", 109827),
        ("95,612", 95612),
        ("1,09,827", 109827),
        ("2", 2),
        ("six", 6),
        ("three", 3),
        ("12,34", None),
        ("x", None),
        ("1,10,249", 110249),
        ("1,00,00,000", 10000000),
        ("1,00", None),
        ("1,0000", None),
        ("12\n", None),
        ("", None),
    ],
)
def test_integers(text: str, expected: int | None) -> None:
    assert parse_int(text) == expected


def test_decimals_keep_their_digits() -> None:
    assert parse_decimal("50.54") == "50.54"
    assert parse_decimal("50.50") == "50.50"
    assert parse_decimal("abc") is None


def test_times() -> None:
    assert parse_time("3 PM") == "15:00:00"
    assert parse_time("6 pm") == "18:00:00"
    assert parse_time("12 am") == "00:00:00"
    assert parse_time("13 pm") is None
    assert parse_time("5.15 pm") == "17:15:00"
    assert parse_time("3 PM\n") is None


def test_years_and_a_trailing_newline() -> None:
    assert parse_year("1985") == 1985
    assert parse_year("1985\n") is None
    assert parse_decimal("50.54\n") is None
    assert parse_date("3 March 1985\n") is None


def test_lists_split_on_commas_and_and_but_not_inside_parentheses() -> None:
    text = "Odia, English, Hindi,Bengali and Santali"
    assert [text[a:b] for a, b in split_list(text)] == [
        "Odia",
        "English",
        "Hindi",
        "Bengali",
        "Santali",
    ]
    text = "Koustuv Institute (under BPUT University, Odisha), Pune & Delhi"
    assert [text[a:b] for a, b in split_list(text)] == [
        "Koustuv Institute (under BPUT University, Odisha)",
        "Pune",
        "Delhi",
    ]


def test_slugs() -> None:
    assert slugify("Jharkhand Mukti Morcha") == "jharkhand-mukti-morcha"
    assert (
        slugify("Communist Party of India (Marxist-Leninist)")
        == "communist-party-of-india-marxist-leninist"
    )


# --- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("twelve", 12),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("forty one", 41),
        ("Ninety-Nine", 99),
        ("zero", 0),
        ("hundred", 100),
        ("one hundred", 100),
        ("two hundred and five", 205),
        ("twenty-first", None),
        ("a dozen", None),
        ("twenty-one\n", None),
        ("21", None),
    ],
)
def test_number_words(text: str, expected: int | None) -> None:
    assert number_words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,10,249", Quantity(110249)),
        ("110,249", Quantity(110249)),
        ("3 lakh", Quantity(300000)),
        ("5.63 lakh", Quantity(563000)),
        ("1.2 crore", Quantity(12000000)),
        ("2 crores", Quantity(20000000)),
        ("1.5 lakh crore", Quantity(1500000000000)),
        ("2.123456 lakh", Quantity("212345.6")),
        ("twelve", Quantity(12)),
        ("twenty-one", Quantity(21)),
        ("forty one", Quantity(41)),
        ("three lakh", Quantity(300000)),
        ("50.50", Quantity("50.50")),
        ("1,234.50", Quantity("1234.50")),
        ("over 400", Quantity(400, "more-than")),
        ("more than 400", Quantity(400, "more-than")),
        ("Over 5,000", Quantity(5000, "more-than")),
        ("at least 12", Quantity(12, "at-least")),
        ("less than 400", Quantity(400, "less-than")),
        ("under 400", Quantity(400, "less-than")),
        ("fewer than 400", Quantity(400, "less-than")),
        ("up to 400", Quantity(400, "at-most")),
        ("nearly 3 lakh", Quantity(300000, "less-than", approximate=True)),
        ("almost 400", Quantity(400, "less-than", approximate=True)),
        ("around 400", Quantity(400, approximate=True)),
        ("about 400", Quantity(400, approximate=True)),
        ("roughly 400", Quantity(400, approximate=True)),
        ("some 400", Quantity(400, approximate=True)),
        ("approximately 400", Quantity(400, approximate=True)),
        ("400-odd", Quantity(400, approximate=True)),
        ("forty-odd", Quantity(40, approximate=True)),
        ("400+", Quantity(400, "more-than")),
        ("400 or more", Quantity(400, "at-least")),
        ("67.74 per cent", Quantity("67.74", unit="percent")),
        ("67.74%", Quantity("67.74", unit="percent")),
        ("67.74 percent", Quantity("67.74", unit="percent")),
        ("60 per cent", Quantity(60, unit="percent")),
        ("over 60 per cent", Quantity(60, "more-than", unit="percent")),
        ("5 percentage points", Quantity(5, unit="percentage-point")),
        ("1985", Quantity(1985)),  # asked for a figure, a bare number is one
        # not figures
        ("1,00", None),
        ("12,34", None),
        ("5.15 pm", None),
        ("in 2019", None),
        ("a dozen", None),
        ("garbage", None),
        ("400\n", None),
        ("", None),
        ("3rd", None),
    ],
)
def test_parse_quantity(text: str, expected: Quantity | None) -> None:
    assert parse_quantity(text) == expected


def test_a_hedged_or_bounded_figure_is_never_exact() -> None:
    for text in ("over 400", "nearly 3 lakh", "about 400", "at least 12", "400-odd", "400+"):
        q = parse_quantity(text)
        assert q is not None and not q.exact, text
    assert Quantity(400).exact


def _found(text: str) -> list[tuple[str, Quantity]]:
    return [(text[a:b], q) for a, b, q in find_quantities(text)]


def test_find_quantities_spans_take_in_the_bound_words() -> None:
    text = (
        "In 2019, the JMM won 30 of the 81 seats with 1,10,249 votes, over 5,000 more than in 2014."
    )
    assert _found(text) == [
        ("30", Quantity(30)),
        ("81", Quantity(81)),
        ("1,10,249", Quantity(110249)),
        ("over 5,000", Quantity(5000, "more-than")),
    ]


def test_find_quantities_reads_percentages_and_skips_clock_times_and_dates() -> None:
    text = "Turnout was 67.74 per cent at 5.15 pm on 3 March 1985, up 2 percentage points."
    assert _found(text) == [
        ("67.74 per cent", Quantity("67.74", unit="percent")),
        ("2 percentage points", Quantity(2, unit="percentage-point")),
    ]
    assert _found("It stood at 67.74% by 3 PM.") == [("67.74%", Quantity("67.74", unit="percent"))]


def test_find_quantities_does_not_read_years_as_counts() -> None:
    text = "The 2019 Assembly elections, 2002–2019, the 2019-20 budget; in 1985 he won 1985 votes."
    assert _found(text) == [("1985", Quantity(1985))]  # only the one that counts votes
    assert _found("over 2000 people came") == [("over 2000", Quantity(2000, "more-than"))]
    assert _found("Section 144 was imposed over COVID-19 in 2020.") == []


def test_find_quantities_share_scale_and_unit_across_a_range() -> None:
    text = "3 to 4 lakh supporters; between 40 and 50 per cent; 10-12 seats; 3 or 4 lakh people."
    assert _found(text) == [
        ("3", Quantity(300000, "at-least")),
        ("4 lakh", Quantity(400000, "at-most")),
        ("between 40", Quantity(40, "at-least", unit="percent")),
        ("50 per cent", Quantity(50, "at-most", unit="percent")),
        ("10", Quantity(10, "at-least")),
        ("12", Quantity(12, "at-most")),
        ("3", Quantity(300000, approximate=True)),
        ("4 lakh", Quantity(400000, approximate=True)),
    ]


def test_find_quantities_number_words_and_garbage() -> None:
    text = "Twenty-one MLAs and forty one MPs in the twenty-first century; 1,00 or 12,34 are no figures."
    assert _found(text) == [("Twenty-one", Quantity(21)), ("forty one", Quantity(41))]
    assert _found("nearly 3 lakh voters") == [
        ("nearly 3 lakh", Quantity(300000, "less-than", approximate=True))
    ]


# --- dates -----------------------------------------------------------------------------------------

DATELINE = dt.date(2019, 12, 25)  # a Wednesday
NOV_23 = dt.date(2024, 11, 23)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("3 March 1985", None, PartialDate("1985-03-03", "date")),
        ("March 3, 1985", None, PartialDate("1985-03-03", "date")),
        ("3rd March 1985", None, PartialDate("1985-03-03", "date")),
        ("3rd of March, 1985", None, PartialDate("1985-03-03", "date")),
        ("Sept. 3, 1985", None, PartialDate("1985-09-03", "date")),
        ("Monday, 4 March 2024", None, PartialDate("2024-03-04", "date")),
        (
            "Tuesday, 4 March 2024",
            None,
            PartialDate("2024-03-04", "date", "the text says Tuesday, which this date is not"),
        ),
        ("1985-03-03", None, PartialDate("1985-03-03", "date")),
        ("November 1956", None, PartialDate("1956-11", "gYearMonth")),
        ("Nov 1956", None, PartialDate("1956-11", "gYearMonth")),
        ("1962", None, PartialDate("1962", "gYear")),
        ("March 4", NOV_23, PartialDate("2024-03-04", "date", "year taken from the dateline")),
        ("4 March", NOV_23, PartialDate("2024-03-04", "date", "year taken from the dateline")),
        (
            "on Monday",
            DATELINE,
            PartialDate("2019-12-23", "date", "weekday resolved against the dateline"),
        ),
        (
            "Tuesday",
            DATELINE,
            PartialDate("2019-12-24", "date", "weekday resolved against the dateline"),
        ),
        (
            "on Wednesday",
            DATELINE,
            PartialDate("2019-12-25", "date", "weekday resolved against the dateline"),
        ),
        (
            "last Wednesday",
            DATELINE,
            PartialDate("2019-12-18", "date", "weekday resolved against the dateline"),
        ),
        ("yesterday", DATELINE, PartialDate("2019-12-24", "date", "resolved against the dateline")),
        ("today", DATELINE, PartialDate("2019-12-25", "date", "resolved against the dateline")),
        (
            "last March",
            NOV_23,
            PartialDate("2024-03", "gYearMonth", "month resolved against the dateline"),
        ),
        (
            "last December",
            NOV_23,
            PartialDate("2023-12", "gYearMonth", "month resolved against the dateline"),
        ),
        # not dates, or not without a dateline
        ("March 4", None, None),
        ("on Monday", None, None),
        ("yesterday", None, None),
        ("31 February 2024", None, None),
        ("29 February 2023", None, None),
        ("03-03-1985", None, None),
        ("13-03-1985", None, None),
        ("1985-02-30", None, None),
        ("March", DATELINE, None),
        ("5.15 pm", DATELINE, None),
        ("garbage", DATELINE, None),
        ("1962\n", None, None),
        ("", None, None),
    ],
)
def test_parse_partial_date(
    text: str, reference: dt.date | None, expected: PartialDate | None
) -> None:
    assert parse_partial_date(text, reference=reference) == expected


def test_find_dates_in_a_report() -> None:
    text = (
        "On Monday, the JMM said polling on November 13 and 20 would follow the 2019 Assembly "
        "elections; 1985 votes were cast at 5.15 pm, India Today said yesterday. Last March, 2002–2019."
    )
    found = [(text[a:b], d.lexical, d.datatype) for a, b, d in find_dates(text, reference=DATELINE)]
    assert found == [
        ("Monday", "2019-12-23", "date"),
        ("November 13", "2019-11-13", "date"),
        ("2019", "2019", "gYear"),
        ("yesterday", "2019-12-24", "date"),
        ("Last March", "2019-03", "gYearMonth"),
        ("2002", "2002", "gYear"),
        ("2019", "2019", "gYear"),
    ]


def test_find_dates_without_a_dateline_keeps_only_what_stands_alone() -> None:
    text = (
        "Born on 14 August 1972 in Sundargarh, she joined in May 2019 and quit on Monday, March 4."
    )
    found = [(text[a:b], d.lexical) for a, b, d in find_dates(text)]
    assert found == [("14 August 1972", "1972-08-14"), ("May 2019", "2019-05")]
    assert find_dates("you may 4 ever march 5 times") == []


def _y(year: str) -> PartialDate:
    return PartialDate(year, "gYear")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2002–2019", (_y("2002"), _y("2019"))),
        ("2002-2019", (_y("2002"), _y("2019"))),
        ("2002 – 2019", (_y("2002"), _y("2019"))),
        ("(2006–2020)", (_y("2006"), _y("2020"))),
        ("from 2002 to 2019", (_y("2002"), _y("2019"))),
        ("2014–19", (_y("2014"), _y("2019"))),
        ("1998–02", (_y("1998"), _y("2002"))),
        ("2006 – present", (_y("2006"), None)),
        ("since 2024", (_y("2024"), None)),
        ("until 2024", (None, _y("2024"))),
        ("till 2014", (None, _y("2014"))),
        (
            "March 2005 – June 2009",
            (PartialDate("2005-03", "gYearMonth"), PartialDate("2009-06", "gYearMonth")),
        ),
        (
            "3 March 1985 – 1990-01-01",
            (PartialDate("1985-03-03", "date"), PartialDate("1990-01-01", "date")),
        ),
        ("since 1985-03-03", (PartialDate("1985-03-03", "date"), None)),
        ("2019–2002", None),
        ("2019", None),
        ("since", None),
        ("garbage – 2019", None),
        ("2002–2019\n", None),
    ],
)
def test_parse_range(
    text: str, expected: tuple[PartialDate | None, PartialDate | None] | None
) -> None:
    assert parse_range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5.15 pm", "17:15"),
        ("3 PM", "15:00"),
        ("11:30 a.m.", "11:30"),
        ("12 am", "00:00"),
        ("12.30 pm", "12:30"),
        ("noon", "12:00"),
        ("12 noon", "12:00"),
        ("midnight", "00:00"),
        ("17:15", "17:15"),
        ("09.30 hrs", "09:30"),
        ("10 am IST", "10:00"),
        ("13 pm", None),
        ("0 am", None),
        ("25:00", None),
        ("5.75 pm", None),
        ("5.15", None),
        ("5.15 pm\n", None),
        ("afternoon", None),
    ],
)
def test_parse_clock(text: str, expected: str | None) -> None:
    assert parse_clock(text) == expected


def test_find_clocks() -> None:
    text = "Polling ended at 5 pm; by 5.15 p.m. it was 67.74 per cent, and counting starts at noon."
    assert [(text[a:b], hm) for a, b, hm in find_clocks(text)] == [
        ("5 pm", "17:00"),
        ("5.15 p.m.", "17:15"),
        ("noon", "12:00"),
    ]
