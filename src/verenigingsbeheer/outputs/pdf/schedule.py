"""The season's schedule for the notice board: every activity by month, one line each.

A moved rehearsal simply stands at its new date; a cancelled one keeps its line, greyed
and marked, so nobody wonders whether it was forgotten. Performances are printed bold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import BOLD, register_fonts
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.periods import by_month, month_caption, period_text, time_span

if TYPE_CHECKING:
    from verenigingsbeheer.services.activities import ActivityRow

# 174 mm, the portrait page; date and time fit on one line even in bold (performances).
WIDTHS = [24 * mm, 24 * mm, 40 * mm, 54 * mm, 32 * mm]
HEAD_ROWS = 2  # the month caption and the column headings


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
    table = document.table(header, [cells(row) for row in rows], WIDTHS,
                           caption=month_caption(month))  # fmt: skip
    document.greyed(table, [n for n, row in enumerate(rows, HEAD_ROWS) if row.cancelled], 2)
    performances = [n for n, row in enumerate(rows, HEAD_ROWS)
                    if row.kind == "performance" and not row.cancelled]  # fmt: skip
    return document.bold_rows(table, performances)


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
