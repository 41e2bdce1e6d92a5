"""Dates, money and numbers in the chosen language, for screens and PDFs alike."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import dates as _dates
from babel import numbers as _numbers

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n import babel_locale


def format_money(amount: Money) -> str:
    """`€ 1.234,50` in Dutch (Babel puts a non-breaking space after the sign)."""
    return _numbers.format_currency(amount.as_decimal(), "EUR", locale=babel_locale())


def format_date(day: dt.date, style: str = "long") -> str:
    """`7 maart 2026` (long) or `07-03-2026` (short) in Dutch."""
    return _dates.format_date(day, format=style, locale=babel_locale())


def format_number(value: int | Decimal | float) -> str:
    return _numbers.format_decimal(value, locale=babel_locale())


def format_percent(fraction: float | Decimal, decimals: int = 0) -> str:
    """`83%`, or with `decimals` `74,6%` (where rounding would mislead)."""
    pattern = f"#,##0.{'0' * decimals}%" if decimals else None
    return _numbers.format_percent(fraction, format=pattern, locale=babel_locale())


def format_percent_under(fraction: float, threshold: float) -> str:
    """A share under a threshold, with a decimal where rounding would show the threshold
    itself ("74,6%" under 75 %, never a misleading "75%")."""
    misleading = round(fraction * 100) >= round(threshold * 100, 6)
    return format_percent(fraction, 1 if misleading else 0)


def month_name(month: int) -> str:
    return _dates.get_month_names("wide", locale=babel_locale())[month]


def month_abbreviation(month: int) -> str:
    """`sep`, `okt` in Dutch: the months under a chart."""
    return _dates.get_month_names("abbreviated", locale=babel_locale())[month].rstrip(".")


def weekday_abbreviations() -> list[str]:
    """`ma`, `di` ... `zo` in Dutch: Monday first, the calendar's column heads."""
    names = _dates.get_day_names("abbreviated", locale=babel_locale())
    return [names[day].rstrip(".") for day in range(7)]
