"""The tax-free limits of volunteer allowances, exactly at their edges: per hour (only
when an hourly rate was agreed, by age on the payment date, a 21st birthday inside the
year), per month (a period spread over its months) and per year."""

from __future__ import annotations

import datetime as dt

import pytest

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.volunteers import (
    SHIPPED_LIMITS,
    Payment,
    check,
    format_hours,
    months_of,
    parse_hours,
    per_month,
    validate_hours,
    year_excesses,
)

D = dt.date
E = Money.euros
LIMITS = {limits.year: limits for limits in SHIPPED_LIMITS}
ADULT = D(1980, 5, 1)


def kinds(payment: Payment, earlier=(), born=ADULT) -> list[str]:
    return [excess.kind for excess in check(payment, list(earlier), LIMITS, born)]


def month(day: D, amount: str, rate: str | None = None) -> Payment:
    last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return Payment(day, E(amount), day.replace(day=1), last, E(rate) if rate else None)


@pytest.mark.parametrize(
    ("rate", "born", "over"),
    [
        ("5.75", ADULT, False),  # 2026: exactly the limit for 21 and over
        ("5.76", ADULT, True),
        ("3.40", D(2006, 3, 2), False),  # 20 on the payment date: the limit under 21
        ("3.41", D(2006, 3, 2), True),
        ("5.75", D(2005, 3, 1), False),  # 21 exactly on the payment date
    ],
)
def test_the_hourly_limit_by_age_on_the_payment_date(rate, born, over):
    payment = month(D(2026, 3, 1), "50", rate)
    assert ("hourly" in kinds(payment, born=born)) is over


def test_a_21st_birthday_inside_the_year_changes_the_hourly_limit_from_that_day():
    born = D(2005, 6, 15)  # 21 on 15 June 2026
    assert kinds(month(D(2026, 6, 14), "40", "5.00"), born=born) == ["hourly"]
    assert kinds(month(D(2026, 6, 15), "40", "5.00"), born=born) == []


def test_a_fixed_allowance_has_no_hourly_limit_but_the_month_and_year_ones():
    assert kinds(month(D(2026, 3, 1), "220")) == []  # exactly the monthly limit, no rate
    assert kinds(month(D(2026, 3, 1), "220.01")) == ["monthly"]
    young = D(2010, 1, 1)
    assert kinds(month(D(2026, 3, 1), "200"), born=young) == []  # no rate: no hourly check


def test_the_month_limit_counts_other_payments_of_that_month():
    earlier = [month(D(2026, 3, 1), "120")]
    assert kinds(month(D(2026, 3, 20), "100"), earlier) == []  # 220
    assert kinds(month(D(2026, 3, 20), "100.01"), earlier) == ["monthly"]
    assert kinds(month(D(2026, 4, 1), "200"), earlier) == []  # another month


def test_a_period_is_spread_over_its_months():
    quarter = Payment(D(2026, 4, 5), E("660"), D(2026, 1, 1), D(2026, 3, 31))  # 220 each
    assert per_month([quarter]) == {(2026, 1): E("220"), (2026, 2): E("220"), (2026, 3): E("220")}
    assert kinds(quarter) == []
    over = Payment(D(2026, 4, 5), E("660.02"), D(2026, 1, 1), D(2026, 3, 31))
    assert per_month([over])[(2026, 1)] == E("220.01")  # the extra cents go first
    assert kinds(over) == ["monthly", "monthly"]  # January and February: 220,01
    assert months_of(D(2025, 12, 1), D(2026, 2, 1)) == [(2025, 12), (2026, 1), (2026, 2)]


def test_the_year_limit_exactly():
    earlier = [month(D(2026, m, 1), "200") for m in range(1, 11)]  # 2000
    assert kinds(month(D(2026, 11, 1), "200"), earlier) == []  # 2200: the limit
    assert kinds(month(D(2026, 11, 1), "200.01"), earlier) == ["yearly"]
    assert kinds(month(D(2025, 11, 1), "200"), earlier) == []  # another year


def test_close_to_a_limit():
    def close(amount: str) -> list[str]:
        return [e.kind for e in year_excesses([month(D(2026, 3, 1), amount)], LIMITS[2026],
                                              ADULT, close=True)]  # fmt: skip

    assert close("198") == ["monthly"]  # 90 % of 220
    assert close("197.99") == []


def test_a_year_without_known_limits_is_not_checked():
    assert kinds(month(D(2031, 3, 1), "5000", "50")) == []


@pytest.mark.parametrize(
    ("typed", "minutes"), [("2,5", 150), ("2.5", 150), ("2:30", 150), ("0,25", 15), ("3", 180)]
)
def test_hours_as_typed(typed, minutes):
    assert parse_hours(typed) == minutes


def test_hours_go_in_quarters():
    assert validate_hours(150) == "" and validate_hours(15) == ""
    assert "kwartier" in validate_hours(20) or "0,25" in validate_hours(20)
    assert validate_hours(0) and validate_hours(24 * 60 + 15)
    assert format_hours(150) == "2,5" and format_hours(45) == "0,75" and format_hours(240) == "4"
    with pytest.raises(ValueError):
        parse_hours("twee")


def test_a_year_looked_back_on_hourly_rates_months_and_the_year():
    limits = LIMITS[2026]
    born_2006 = D(2006, 3, 2)  # under 21 all of 2026: the lower hourly limit
    payments = [
        month(D(2026, 1, 31), "30", "3.40"),  # exactly the limit under 21
        month(D(2026, 2, 28), "30", "3.50"),  # over it
        Payment(D(2026, 1, 5), E("400"), D(2025, 12, 1), D(2026, 1, 31)),  # 200 in each
    ]
    found = year_excesses(payments, limits, born_2006)
    assert [(e.kind, e.amount, e.when) for e in found] == [
        ("hourly", E("3.50"), "28 februari 2026"),
        ("monthly", E("230"), "januari 2026"),  # 200 of the two months + 30
    ]
    assert year_excesses(payments, limits, ADULT) == [found[1]]  # 3,50 is fine at 21+
    close = year_excesses([month(D(2026, 3, 1), "198")], limits, ADULT, close=True)
    assert [(e.kind, e.over) for e in close] == [("monthly", False)]
    yearly = [month(D(2026, m, 1), "183.34") for m in range(1, 13)]  # 2200,08
    assert [e.kind for e in year_excesses(yearly, limits, None)] == ["yearly"]
    # 2025 sees December's half of the period that crosses the new year: 200 of 210, close
    [december] = year_excesses(payments, LIMITS[2025], born_2006, close=True)
    assert (december.when, december.amount, december.over) == ("december 2025", E("200"), False)
