"""How a period is named on a list: a season, two dates, a month; and a list cut into
months."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol, TypeVar

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date


def period_text(start: dt.date, end: dt.date) -> str:
    """ "Seizoen 2026–2027" for 1 September to 31 August, else "1 oktober 2026 t/m ..."."""
    if (start.month, start.day, end.month, end.day) == (9, 1, 8, 31) and (
        end.year == start.year + 1
    ):
        return _("Season {first}–{last}").format(first=start.year, last=end.year)
    return _("{first} to {last}").format(
        first=format_date(start, "long"), last=format_date(end, "long")
    )


def time_span(start: dt.time, end: dt.time) -> str:
    """ "20:00–22:15": the 24-hour clock, in either language."""
    return f"{start:%H:%M}–{end:%H:%M}"


class _Dated(Protocol):
    @property
    def date(self) -> dt.date: ...


Row = TypeVar("Row", bound=_Dated)


def by_month(rows: Iterable[Row]) -> list[tuple[tuple[int, int], list[Row]]]:
    """((year, month), rows) in the order the rows come (sorted by date already)."""
    months: dict[tuple[int, int], list[Row]] = {}
    for row in rows:
        months.setdefault((row.date.year, row.date.month), []).append(row)
    return list(months.items())


def month_caption(month: tuple[int, int]) -> str:
    """ "December 2026" above a month's table."""
    return format_date(dt.date(month[0], month[1], 1), "LLLL yyyy").capitalize()
