"""The annual overview of volunteer hours: for the annual report, the members' meeting and
a subsidy budget.

First the year's totals (hours, people, and the value of the work with how it was
valued), then the hours per task with the value of an hour of each, per month, the
helpers to thank, and everyone who helped with their hours, tasks and value. No notes,
no contact details and no dates of birth: only names, tasks and hours.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_money, format_number
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import register_fonts
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.volunteer_parts import (
    LABEL_WIDTH,
    count,
    hours,
    money,
)

if TYPE_CHECKING:
    from verenigingsbeheer.services.volunteer_reports import PersonLine, VolunteerOverview

# 174 mm, the portrait page. A task: name, hours, people, value of an hour, value.
TASK_WIDTHS = [56 * mm, 20 * mm, 20 * mm, 40 * mm, 38 * mm]
MONTH_WIDTHS = [56 * mm, 20 * mm, 20 * mm, 78 * mm]  # the numbers line up with the tasks'
PERSON_WIDTHS = [56 * mm, 20 * mm, 60 * mm, 38 * mm]  # name, hours, tasks, value
TOP_WIDTHS = [10 * mm, 46 * mm, 20 * mm, 98 * mm]  # place, name, hours, tasks


def valuation_text() -> str:
    """How the value of the work was reckoned: the line a subsidy budget needs."""
    return _(
        "The value of the volunteer work is each task's hours at that task's value per hour, "
        "as the association values it now (see per task); a subsidy budget can show it as "
        "the association's own contribution in kind."
    )


def _totals(overview: VolunteerOverview) -> list[Flowable]:
    summary = overview.summary
    return [
        document.paragraph(_("Totals {year}").format(year=overview.year), "heading"),
        document.details(
            [
                (_("Volunteer hours"), hours(summary.minutes)),
                (_("Volunteers"), format_number(summary.people)),
                (_("Value of the volunteer work"), format_money(summary.value)),
            ],
            LABEL_WIDTH,
        ),
        Spacer(1, 2 * mm),
        document.paragraph(valuation_text()),
    ]


def _task_table(overview: VolunteerOverview) -> Table:
    header = [_("Task"), _("Hours"), _("People"), _("Value per hour"), _("Value")]
    rows = [
        [line.name, hours(line.minutes), count(line.people),
         money(line.hourly_value, TASK_WIDTHS[3]), money(line.value, TASK_WIDTHS[4])]
        for line in overview.tasks
    ]  # fmt: skip
    summary = overview.summary
    rows.append(
        [_("Total"), hours(summary.minutes), count(summary.people), "",
         money(summary.value, TASK_WIDTHS[4], bold=True)]
    )  # fmt: skip
    table = document.table(header, rows, TASK_WIDTHS, caption=_("Per task"))
    return document.bold_rows(document.right_aligned(table, 1, 1), [len(rows) + 1])


def _month_table(overview: VolunteerOverview) -> Table:
    header = [_("Month"), _("Hours"), _("People"), _("Value")]
    rows = [
        [month.label, hours(month.minutes), count(month.people),
         money(month.value, MONTH_WIDTHS[3]) if month.minutes else "–"]
        for month in overview.months
    ]  # fmt: skip
    summary = overview.summary
    rows.append(
        [_("Total"), hours(summary.minutes), count(summary.people),
         money(summary.value, MONTH_WIDTHS[3], bold=True)]
    )  # fmt: skip
    table = document.table(header, rows, MONTH_WIDTHS, caption=_("Per month"))
    return document.bold_rows(document.right_aligned(table, 1, 1), [len(rows) + 1])


def _tasks_of(line: PersonLine) -> str:
    return ", ".join(line.tasks)


def _top_table(overview: VolunteerOverview) -> Table:
    header = ["", _("Name"), _("Hours"), _("Tasks")]
    rows = [
        [f"{n}.", line.total.label, hours(line.total.minutes), _tasks_of(line)]
        for n, line in enumerate(overview.top, start=1)
    ]
    caption = _("To thank: who helped most")
    table = document.table(header, rows, TOP_WIDTHS, caption=caption)
    table.setStyle([("ALIGN", (2, 1), (2, -1), "RIGHT")])
    return table


def _person_table(overview: VolunteerOverview) -> Table:
    header = [_("Name"), _("Hours"), _("Tasks"), _("Value")]
    rows = [
        [line.total.label, hours(line.total.minutes), _tasks_of(line),
         money(line.total.value, PERSON_WIDTHS[3])]
        for line in overview.people
    ]  # fmt: skip
    summary = overview.summary
    rows.append(
        [_("Total"), hours(summary.minutes), "", money(summary.value, PERSON_WIDTHS[3], bold=True)]
    )
    table = document.table(header, rows, PERSON_WIDTHS, caption=_("Per person"))
    table.setStyle([("ALIGN", (1, 1), (1, -1), "RIGHT"), ("ALIGN", (3, 1), (3, -1), "RIGHT")])
    return document.bold_rows(table, [len(rows) + 1])


def write_volunteer_overview(
    path: Path, letterhead: Letterhead, overview: VolunteerOverview
) -> int:
    """Write the overview to `path`; returns the number of volunteers on it."""
    register_fonts()  # bold cells are measured before the first table is made
    title = _("Annual overview of volunteer hours {year}").format(year=overview.year)
    if not overview.summary.minutes:
        story = document.nothing_to_list(
            _("No volunteer hours were entered for {year}.").format(year=overview.year)
        )
        document.build(path, letterhead, title, story)
        return 0
    story: list[Flowable] = _totals(overview)
    for table in (_task_table(overview), _month_table(overview), _top_table(overview)):
        story += [Spacer(1, 4 * mm), KeepTogether(table)]
    story += [Spacer(1, 4 * mm), _person_table(overview)]
    document.build(path, letterhead, title, story)
    return overview.summary.people
