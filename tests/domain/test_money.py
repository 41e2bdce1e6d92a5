import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verenigingsbeheer import i18n
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n.formatting import format_date, format_money, format_number


def test_euros_from_text_and_decimal_are_exact():
    assert Money.euros("12.50") == Money(1250)
    assert Money.euros(Decimal("0.005")) == Money(1)  # half up, once
    assert Money.euros(3) == Money(300)
    assert Money.euros("0.1") + Money.euros("0.2") == Money.euros("0.3")


def test_floats_and_non_amounts_are_refused():
    with pytest.raises(TypeError):
        Money.euros(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    for wrong in ("twaalf", "Infinity", "NaN", "1e30", ""):
        with pytest.raises(ValueError):
            Money.euros(wrong)
    with pytest.raises(TypeError):
        Money(100) * 1.1  # type: ignore[operator]


def test_arithmetic():
    assert Money(1000) - Money(250) == Money(750)
    assert -Money(5) == Money(-5)
    assert Money(333) * 3 == Money(999)
    assert Money(1000) * Decimal("0.155") == Money(155)
    assert Money.total([Money(1), Money(2), Money(3)]) == Money(6)
    assert not Money(0)
    assert Money(1) < Money(2)


@given(st.integers(-(10**9), 10**9), st.integers(-(10**9), 10**9))
def test_addition_matches_integer_cents(a, b):
    assert (Money(a) + Money(b)).cents == a + b
    assert Money.euros(Money(a).as_decimal()) == Money(a)


def test_dutch_and_english_formatting():
    i18n.set_language("nl")
    assert format_money(Money.euros("1234.50")) == "€\xa01.234,50"
    assert format_money(Money(-500)) == "€\xa0-5,00"
    assert format_date(dt.date(2026, 3, 7)) == "7 maart 2026"
    assert format_number(1234567) == "1.234.567"
    i18n.set_language("en")
    assert format_money(Money.euros("1234.50")) == "€1,234.50"
    assert format_date(dt.date(2026, 3, 7)) == "7 March 2026"
