"""A volunteer's personal statement of a year, to hand to them: the hours they gave per
task and day with what the work is worth, the allowances paid to them, and whether those
stayed within that year's tax-free limits (what they may need for their tax return).

Only their name and member number identify them: no notes (they may hold remarks about
the person), no date of birth and no age, also where the hourly limit depended on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date, format_money, format_number
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import register_fonts
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.volunteer_parts import (
    EMPTY,
    LABEL_WIDTH,
    allowance_period,
    hours,
    limits_text,
    money,
    rate,
    unknown_limits,
)

if TYPE_CHECKING:
    from verenigingsbeheer.services.volunteer_reports import VolunteerStatement

# 174 mm, the portrait page.
TASK_WIDTHS = [76 * mm, 20 * mm, 40 * mm, 38 * mm]  # task, hours, value per hour, value
ENTRY_WIDTHS = [24 * mm, 52 * mm, 78 * mm, 20 * mm]  # date, task, activity, hours
ALLOWANCE_WIDTHS = [24 * mm, 74 * mm, 38 * mm, 38 * mm]  # paid on, period, amount, rate
SHORT = 20  # a table this short is kept on one page


def _task_table(statement: VolunteerStatement) -> Table:
    header = [_("Task"), _("Hours"), _("Value per hour"), _("Value")]
    rows = [
        [line.name, hours(line.minutes), money(line.hourly_value, TASK_WIDTHS[2]),
         money(line.value, TASK_WIDTHS[3])]
        for line in statement.tasks
    ]  # fmt: skip
    rows.append(
        [_("Total"), hours(statement.minutes), "", money(statement.value, TASK_WIDTHS[3], True)]
    )
    table = document.table(header, rows, TASK_WIDTHS, caption=_("Hours per task"))
    return document.bold_rows(document.right_aligned(table, 1, 1), [len(rows) + 1])


def _entry_table(statement: VolunteerStatement) -> Table:
    header = [_("Date"), _("Task"), _("Activity"), _("Hours")]
    rows = [
        [format_date(row.date, "short"), row.task, row.activity or EMPTY, hours(row.minutes)]
        for row in statement.hours
    ]
    rows.append([_("Total"), "", "", hours(statement.minutes)])
    table = document.table(header, rows, ENTRY_WIDTHS, caption=_("Hours by date"))
    return document.bold_rows(document.right_aligned(table, 3, 1), [len(rows) + 1])


def _allowance_table(statement: VolunteerStatement) -> Table:
    header = [_("Paid on"), _("Period"), _("Amount"), _("Per hour")]
    rows = [
        [format_date(row.details.paid_on, "short"),
         allowance_period(row.details.first_day, row.details.last_day),
         money(row.details.amount, ALLOWANCE_WIDTHS[2]), rate(row.details.hourly_rate)]
        for row in statement.allowances
    ]  # fmt: skip
    rows.append([_("Total"), "", money(statement.paid, ALLOWANCE_WIDTHS[2], True), ""])
    caption = _("Volunteer allowances paid in {year}").format(year=statement.year)
    table = document.table(header, rows, ALLOWANCE_WIDTHS, caption=caption)
    return document.bold_rows(document.right_aligned(table, 2, 1), [len(rows) + 1])


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def limits_verdict(statement: VolunteerStatement) -> list[str]:
    """The year's limits, and whether the allowances stayed within them, in paragraphs."""
    year = statement.year
    if statement.limits is None:
        return [unknown_limits(year)]
    paragraphs = [limits_text(statement.limits)]
    if not statement.allowances and not statement.counted:
        paragraphs.append(_("No volunteer allowance was paid in {year}.").format(year=year))
    elif not statement.excesses:
        paragraphs.append(
            _("The allowances of {year} stayed within these limits: they are untaxed.").format(
                year=year
            )
        )
    else:
        went_over = _(
            "The allowances of {year} went over these limits, so the whole allowance is taxed:"
        ).format(year=year)
        paragraphs.append(
            " ".join([went_over, *(_sentence(excess.text()) for excess in statement.excesses)])
        )
    if statement.counted != statement.paid:
        paragraphs.append(
            _("For the limits of {year}, {amount} counts: every payment in the months it is "
              "for, also one paid in another year.").format(
                year=year, amount=format_money(statement.counted)
            )
        )  # fmt: skip
    return paragraphs


def write_volunteer_statement(
    path: Path, letterhead: Letterhead, statement: VolunteerStatement
) -> None:
    """Write the statement to `path`."""
    register_fonts()  # bold cells are measured before the first table is made
    title = _("Personal statement of volunteer work {year}").format(year=statement.year)
    number = format_number(statement.member_number) if statement.member_number else ""
    story: list[Flowable] = [
        document.details(
            [
                (_("Name"), statement.name.full),
                (_("Member number"), number),
                (_("Year"), str(statement.year)),
                (_("Volunteer hours"), hours(statement.minutes)),
                (_("Value of the volunteer work"), format_money(statement.value)),
                (_("Volunteer allowance"), format_money(statement.paid)),
            ],
            LABEL_WIDTH,
        ),
        Spacer(1, 4 * mm),
    ]
    if statement.hours:
        story += [KeepTogether(_task_table(statement)), Spacer(1, 2 * mm)]
        story.append(
            document.paragraph(
                _(
                    "The value of the work: the hours of each task at that task's value per "
                    "hour, as the association values it."
                )  # fmt: skip
            )
        )
        story += [Spacer(1, 2 * mm), _entry_table(statement)]
    else:
        story.append(
            document.paragraph(
                _("No volunteer hours were entered for {year}.").format(year=statement.year)
            )
        )
    if statement.allowances:
        table = _allowance_table(statement)
        short = len(statement.allowances) < SHORT
        story += [Spacer(1, 4 * mm), KeepTogether(table) if short else table]
    heading = _("Tax-free limits {year}").format(year=statement.year)
    story.append(document.paragraph(heading, "heading"))
    story += [document.paragraph(text) for text in limits_verdict(statement)]
    document.build(path, letterhead, title, story)
