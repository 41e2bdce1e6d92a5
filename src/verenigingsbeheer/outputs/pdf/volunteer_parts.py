"""Pieces the three volunteer lists share: hours and amounts in cells, a block of labels
and values, the period and rate of an allowance, and the year's tax-free limits in words.

Hours are printed as decimal hours ("2,5"), as they are typed in the window; amounts as
format_money gives them, without the sign only when a column is too narrow for it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.volunteers import Limits, format_hours, months_of
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date, format_money, format_number
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import BOLD, REGULAR

if TYPE_CHECKING:
    from verenigingsbeheer.domain.volunteers import Excess

LABEL_WIDTH = 64 * mm  # "Waarde van het vrijwilligerswerk" in bold
EMPTY = "–"  # a month without hours: a dash, not a zero


def hours(minutes: int) -> str:
    return format_hours(minutes) if minutes else EMPTY


def count(n: int) -> str:
    return format_number(n) if n else EMPTY


def money(value: Money, width: float, bold: bool = False) -> str:
    """An amount that never breaks over two lines in its column."""
    return document.amount(value, width, BOLD if bold else REGULAR)


def _month(day: dt.date) -> str:
    return format_date(day, "LLLL y")


def allowance_period(first: dt.date, last: dt.date) -> str:
    """ "maart 2026", "januari t/m maart 2026" for whole months, else the two dates."""
    whole = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    if whole and len(months_of(first, last)) == 1:
        return _month(first)
    if whole and first.year == last.year:
        start = format_date(first, "LLLL")
        return _("{first} to {last}").format(first=start, last=_month(last))
    if whole:
        return _("{first} to {last}").format(first=_month(first), last=_month(last))
    return _("{first} to {last}").format(
        first=format_date(first, "short"), last=format_date(last, "short")
    )


def rate(hourly_rate: Money | None) -> str:
    """The rate agreed per hour, or that the allowance is a fixed amount."""
    return format_money(hourly_rate) if hourly_rate is not None else _("fixed amount")


def limits_text(limits: Limits) -> str:
    """The year's tax-free limits in one sentence, with their source."""
    text = _(
        "The tax-free limits of {year}: {monthly} a month and {yearly} a year, and where an "
        "hourly rate is agreed at most {adult} an hour from the age of 21 ({young} under 21)."
    ).format(
        year=limits.year,
        monthly=format_money(limits.monthly),
        yearly=format_money(limits.yearly),
        adult=format_money(limits.hourly_adult),
        young=format_money(limits.hourly_young),
    )
    if limits.source:
        text += " " + _("Source: {source}.").format(source=limits.source.rstrip("."))
    return text


def unknown_limits(year: int) -> str:
    return _(
        "The tax-free limits of {year} are not known in this file; nothing was checked."
    ).format(year=year)


def excess_short(excess: Excess) -> str:
    """ "boven de maandgrens (maart 2026)": what the register shows per volunteer."""
    if excess.kind == "hourly":
        text = _("above the hourly limit ({when})") if excess.over else ""
    elif excess.kind == "monthly":
        text = (_("above the monthly limit ({when})") if excess.over
                else _("close to the monthly limit ({when})"))  # fmt: skip
    else:
        text = _("above the yearly limit") if excess.over else _("close to the yearly limit")
    return text.format(when=excess.when)
