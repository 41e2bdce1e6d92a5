"""The season's schedule for the notice board: every activity by month, one line each.

A moved rehearsal simply stands at its new date; a cancelled one keeps its line, greyed
and marked, so nobody wonders whether it was forgotten. Performances are printed bold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import BOLD, register_fonts
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.periods import period_text, time_span

if TYPE_CHECKING:
    from verenigingsbeheer.services.activities import ActivityRow

# 174 mm, the portrait page; date and time fit on one line even in bold (performances).
WIDTHS = [24 * mm, 24 * mm, 40 * mm, 54 * mm, 32 * mm]
CANCELLED_GREY = colors.HexColor("#7A7A7A")
HEAD_ROWS = 2  # the month caption and the column headings


def by_month(rows: Sequence[ActivityRow]) -> list[tuple[tuple[int, int], list[ActivityRow]]]:
    """((year, month), activities) in time order; the rows come sorted by date already."""
    months: dict[tuple[int, int], list[ActivityRow]] = {}
    for row in rows:
        months.setdefault((row.date.year, row.date.month), []).append(row)
    return list(months.items())


def what(row: ActivityRow) -> str:
    """The title, with the kind when the title does not say it: "Kerstconcert (uitvoering)"."""
    title = row.title
    if row.kind_label.casefold() not in title.casefold():
        title = f"{title} ({row.kind_label.lower()})"
    if row.cancelled:
        title = _("Cancelled: {title}").format(title=title)
    return title


def cells(row: ActivityRow) -> list[str]:
    """One line of the schedule; what is printed bold is fitted to its column in bold."""
    texts = [
        format_date(row.date, "EEE d MMM"),  # the month is in the caption
        time_span(row.start_time, row.end_time),
        what(row),
        row.place,
        row.sections_text,
    ]
    bold = [row.kind == "performance" and not row.cancelled] * len(texts)
    bold[2] = bold[2] or row.cancelled
    return [
        document.fit_cell(text, width, BOLD) if strong else text
        for text, width, strong in zip(texts, WIDTHS, bold, strict=True)
    ]


def _month_table(month: tuple[int, int], rows: list[ActivityRow]):
    header = [_("Date"), _("Time"), _("Activity"), _("Place"), _("For")]
    caption = format_date(dt.date(month[0], month[1], 1), "LLLL yyyy").capitalize()
    table = document.table(header, [cells(row) for row in rows], WIDTHS, caption=caption)
    marks: list[tuple] = []
    for n, row in enumerate(rows, start=HEAD_ROWS):
        if row.cancelled:
            marks.append(("TEXTCOLOR", (0, n), (-1, n), CANCELLED_GREY))
            marks.append(("FONT", (2, n), (2, n), BOLD, document.CELL_SIZE, document.LINE_HEIGHT))
        elif row.kind == "performance":
            marks.append(("FONT", (0, n), (-1, n), BOLD, document.CELL_SIZE, document.LINE_HEIGHT))
    if marks:
        table.setStyle(TableStyle(marks))
    return table


def write_schedule(
    path: Path,
    letterhead: Letterhead,
    activities: Sequence[ActivityRow],
    *,
    start: dt.date,
    end: dt.date,
) -> int:
    """Write the schedule to `path`; returns the number of activities on it."""
    register_fonts()  # bold cells are measured before the first table is made
    title = _("Schedule – {period}").format(period=period_text(start, end))
    story: list[Flowable] = []
    if not activities:
        story = document.nothing_to_list(_("There are no activities in this period."))
    for month, rows in by_month(activities):
        story += [_month_table(month, rows), Spacer(1, 2 * mm)]
    if activities:
        cancelled = sum(row.cancelled for row in activities)
        total = ngettext("{n} activity", "{n} activities", len(activities)).format(
            n=format_number(len(activities))
        )
        if cancelled:
            total = ngettext(
                "{total}, of which {n} is cancelled",
                "{total}, of which {n} are cancelled",
                cancelled,
            ).format(total=total, n=format_number(cancelled))
        story.append(document.paragraph(_("Total: {count}").format(count=total)))
    document.build(path, letterhead, title, story)
    return len(activities)
