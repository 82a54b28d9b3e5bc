"""Stage: extract (value normalisation)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.build.extract.values import parse_date, parse_decimal, parse_int, parse_time, split_list
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
