"""The register of volunteer allowances of a year, for the treasurer (and the tax
authority, should it ask): every payment, each volunteer's total with how it stands
against the tax-free limits, the grand total, and the year's limits with their source.

A payment saved knowing it went over a limit carries a mark; per volunteer the register
says within, close (90 % of a month or the year limit) or over, checked by the months
each payment is for. No notes and no dates of birth or ages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from verenigingsbeheer.domain.volunteers import CLOSE
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import (
    format_date,
    format_money,
    format_number,
    format_percent,
)
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import BOLD, REGULAR, register_fonts
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.volunteer_parts import (
    allowance_period,
    excess_short,
    money,
    rate,
    unknown_limits,
)

if TYPE_CHECKING:
    from verenigingsbeheer.services.volunteer_reports import AllowanceRegister, RegisterPerson

OVER_MARK = "\u26a0"  # ⚠ beside a payment saved over a limit, as on screen
# 174 mm, the portrait page: paid on, name, period, amount, rate, mark.
PAYMENT_WIDTHS = [23 * mm, 40 * mm, 52 * mm, 27 * mm, 25 * mm, 7 * mm]
# name, payments, total, highest month, the limits
PERSON_WIDTHS = [40 * mm, 16 * mm, 26 * mm, 33 * mm, 59 * mm]
LIMIT_LABEL_WIDTH = 62 * mm
SHORT = 20  # a table this short is kept on one page


def _limits(register: AllowanceRegister) -> list[Flowable]:
    limits = register.limits
    heading = document.paragraph(_("Tax-free limits {year}").format(year=register.year), "heading")
    if limits is None:
        return [heading, document.paragraph(unknown_limits(register.year))]
    lines = [
        (_("Hourly limit, 21 and over"), format_money(limits.hourly_adult)),
        (_("Hourly limit, under 21"), format_money(limits.hourly_young)),
        (_("Monthly limit"), format_money(limits.monthly)),
        (_("Yearly limit"), format_money(limits.yearly)),
        (_("Source"), limits.source or "–"),
    ]
    note = _(
        "The hourly limit applies only where an hourly rate was agreed, by the age on the "
        "payment date. A payment for a period counts evenly in each month of it, also when "
        "it was paid in another year; close means {percent} of a limit or more. Going over "
        "any limit makes the volunteer's whole allowance taxed."
    ).format(percent=format_percent(CLOSE))
    return [
        heading,
        document.details(lines, LIMIT_LABEL_WIDTH),
        Spacer(1, 2 * mm),
        document.paragraph(note),
    ]


def _payment_table(register: AllowanceRegister) -> Table:
    header = [_("Paid on"), _("Name"), _("Period"), _("Amount"), _("Per hour"), ""]
    rows = [
        [format_date(row.details.paid_on, "short"), row.name.sorted_form,
         allowance_period(row.details.first_day, row.details.last_day),
         money(row.details.amount, PAYMENT_WIDTHS[3]), rate(row.details.hourly_rate),
         OVER_MARK if row.over_limit_accepted else ""]
        for row in register.payments
    ]  # fmt: skip
    rows.append([_("Total"), "", "", money(register.total, PAYMENT_WIDTHS[3], True), "", ""])
    table = document.table(header, rows, PAYMENT_WIDTHS, caption=_("Payments"))
    table.setStyle([("ALIGN", (3, 1), (4, -1), "RIGHT"), ("ALIGN", (5, 1), (5, -1), "CENTER")])
    return document.bold_rows(table, [len(rows) + 1])


def limit_status(person: RegisterPerson) -> str:
    """ "binnen de grenzen", or what they came close to or went over."""
    if not person.excesses:
        return _("within the limits")
    return "; ".join(text for text in map(excess_short, person.excesses) if text)


def _person_cells(person: RegisterPerson) -> list[str]:
    """One volunteer's line; fitted in bold when over a limit (the row is printed bold)."""
    font = BOLD if person.over else REGULAR
    return [
        document.fit_cell(person.name.sorted_form, PERSON_WIDTHS[0], font),
        format_number(person.payments),
        money(person.paid, PERSON_WIDTHS[2], person.over),
        money(person.highest_month, PERSON_WIDTHS[3], person.over),
        document.fit_cell(limit_status(person), PERSON_WIDTHS[4], font),
    ]


def _person_table(register: AllowanceRegister) -> Table:
    header = [_("Name"), _("Number"), _("Total"), _("Highest month"), _("Limits")]
    rows = [_person_cells(person) for person in register.people]
    rows.append(
        [_("Total"), format_number(len(register.payments)),
         money(register.total, PERSON_WIDTHS[2], True), "", ""]
    )  # fmt: skip
    over = [n for n, person in enumerate(register.people, start=2) if person.over]
    table = document.table(header, rows, PERSON_WIDTHS, caption=_("Per volunteer"))
    table.setStyle([("ALIGN", (1, 1), (3, -1), "RIGHT")])
    return document.bold_rows(table, [*over, len(rows) + 1])


def summary_text(register: AllowanceRegister) -> str:
    payments = ngettext("{n} payment", "{n} payments", len(register.payments))
    people = ngettext("{n} volunteer", "{n} volunteers", len(register.people))
    return _("{year}: {payments} to {people}, together {total}.").format(
        year=register.year,
        payments=payments.format(n=format_number(len(register.payments))),
        people=people.format(n=format_number(len(register.people))),
        total=format_money(register.total),
    )


def write_allowance_register(
    path: Path, letterhead: Letterhead, register: AllowanceRegister
) -> int:
    """Write the register to `path`; returns the number of payments on it."""
    register_fonts()  # bold cells are measured before the first table is made
    title = _("Register of volunteer allowances {year}").format(year=register.year)
    if not register.payments:
        story = document.nothing_to_list(
            _("No volunteer allowances were paid in {year}.").format(year=register.year)
        )
        document.build(path, letterhead, title, story + _limits(register))
        return 0
    story: list[Flowable] = [document.paragraph(summary_text(register), "heading")]
    story += [_payment_table(register), Spacer(1, 2 * mm)]
    if register.marked:
        story.append(
            document.paragraph(
                _("{mark} saved knowing it went over a tax-free limit.").format(mark=OVER_MARK)
            )
        )
    people = _person_table(register)
    story += [Spacer(1, 2 * mm), KeepTogether(people) if len(register.people) < SHORT else people]
    story.append(Spacer(1, 2 * mm))
    story += _limits(register)
    document.build(path, letterhead, title, story)
    return len(register.payments)
