import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verenigingsbeheer.domain.parsing import (
    parse_date,
    parse_money,
    parse_yes_no,
    split_house_number,
)

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07-03-2026", dt.date(2026, 3, 7)),
        ("7-3-2026", dt.date(2026, 3, 7)),
        ("2026-03-07", dt.date(2026, 3, 7)),
        ("7/3/2026", dt.date(2026, 3, 7)),
        ("30-06-49", dt.date(1949, 6, 30)),
        ("1-1-26", dt.date(2026, 1, 1)),
        ("24-11-26", dt.date(1926, 11, 24)),  # tomorrow in 2026 would be the future
        (" 23-11-26 ", dt.date(2026, 11, 23)),
    ],
)
def test_dates_as_spreadsheets_write_them(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["31-02-2026", "2026-13-01", "morgen", "", "1-1", "00-00-0000"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_date(text, TODAY)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_four_digit_years_round_trip(day):
    assert parse_date(day.strftime("%d-%m-%Y"), TODAY) == day


@given(st.dates(min_value=dt.date(1927, 1, 1), max_value=TODAY))
def test_two_digit_years_are_never_in_the_future(day):
    parsed = parse_date(day.strftime("%d-%m-%y"), TODAY)
    assert parsed <= TODAY
    assert parsed == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [("112a", ("112", "a")), ("45-II", ("45", "II")), ("12 bis", ("12", "bis")),
     ("7", ("7", "")), (" 3 - hs ", ("3", "hs")), ("", ("", ""))],
)  # fmt: skip
def test_house_numbers_split_into_number_and_addition(text, expected):
    assert split_house_number(text) == expected


@pytest.mark.parametrize("text", ["ja", "J", "x", "1", "Yes", "true"])
def test_yes(text):
    assert parse_yes_no(text) is True


@pytest.mark.parametrize("text", ["nee", "N", "0", "", "no"])
def test_no(text):
    assert parse_yes_no(text) is False


def test_neither_yes_nor_no():
    with pytest.raises(ValueError):
        parse_yes_no("misschien")


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("22,50", 2250), ("€ 1.234,50", 123450), ("35", 3500), ("35.00", 3500), ("1.250", 125000),
     ("0,5", 50), ("€\xa078,75", 7875)],
)  # fmt: skip
def test_amounts_as_typed(typed, cents):
    assert parse_money(typed).cents == cents


@pytest.mark.parametrize("typed", ["", "twaalf", "12,345", "1,2,3", "€"])
def test_what_is_no_amount(typed):
    with pytest.raises(ValueError):
        parse_money(typed)
