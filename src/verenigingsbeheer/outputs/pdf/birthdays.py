"""The birthday list for one month or a whole year: day, name and the age they turn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date, format_number, month_name
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.options import Letterhead

if TYPE_CHECKING:
    from verenigingsbeheer.services.members import MemberRow


@dataclass(frozen=True)
class Birthday:
    born: dt.date
    name: str  # "Berg, Anna van der"
    turns: int  # the age reached in the chosen year


def birthdays(
    members: Sequence[MemberRow], year: int, month: int | None = None
) -> dict[int, list[Birthday]]:
    """Birthdays per month (1-12), each month sorted by day and then as the members came."""
    found: dict[int, list[Birthday]] = {}
    for member in members:
        born = member.date_of_birth
        if born is None or (month is not None and born.month != month) or born.year > year:
            continue
        found.setdefault(born.month, []).append(
            Birthday(born, member.name.sorted_form, year - born.year)
        )
    for days in found.values():
        days.sort(key=lambda birthday: birthday.born.day)  # stable: names stay in order
    return dict(sorted(found.items()))


def write_birthdays(
    path: Path,
    letterhead: Letterhead,
    members: Sequence[MemberRow],
    *,
    year: int,
    month: int | None = None,
) -> int:
    """Write the list to `path`; returns the number of birthdays on it."""
    if month is None:
        title = _("Birthdays {year}").format(year=year)
    else:
        title = _("Birthdays {month} {year}").format(month=month_name(month), year=year)
    found = birthdays(members, year, month)
    story: list[Flowable] = []
    if not found:
        story = document.nothing_to_list(_("There are no birthdays to list."))
    header = [_("Day"), _("Name"), _("Turns")]
    widths = [32 * mm, 110 * mm, 32 * mm]
    for number, days in found.items():
        rows = [[format_date(b.born, "d MMMM"), b.name, format_number(b.turns)] for b in days]
        caption = month_name(number).capitalize()
        story += [document.table(header, rows, widths, caption=caption), Spacer(1, 4 * mm)]
    document.build(path, letterhead, title, story)
    return sum(len(days) for days in found.values())
