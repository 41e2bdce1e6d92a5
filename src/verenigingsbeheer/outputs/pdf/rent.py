"""The rent overview of a calendar year, for the treasurer: first every venue and room
with its year's totals, then per venue a table of each room by month (January to
December, with the year's total).

Portrait A4, and every table has the same columns, so the amounts line up from page to
page. The outstanding column (booked minus paid) is shaded and the totals printed bold:
that is what the treasurer looks for. Rooms without a confirmed booking that year are left
out; the overview says so, and says which bookings did not count.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_money, format_number, month_name
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import BOLD, REGULAR, register_fonts
from verenigingsbeheer.outputs.pdf.options import Letterhead

if TYPE_CHECKING:
    from verenigingsbeheer.services.rent import RentFigures, RentOverview, RoomRent, VenueRent

# 174 mm: the name or month, the count, the hours (a year of "1.234,75" in bold), then four
# amounts of up to "€ 123.456,78" in bold; "Gefactureerd" is the widest heading.
WIDTHS = [30 * mm, 22 * mm, 18 * mm, 26 * mm, 26 * mm, 26 * mm, 26 * mm]
OUTSTANDING_SHADE = colors.HexColor("#F1F1F1")
INDENT = "    "  # a room under its venue in the first table


def _header(first: str) -> list[str]:
    return [first, _("Bookings"), _("Hours"), _("Booked"), _("Invoiced"), _("Paid"),
            _("Outstanding")]  # fmt: skip


def figure_cells(label: str, figures: RentFigures, bold: bool = False) -> list[str]:
    """One line of amounts, fitted in bold when `bold`; a month without bookings shows
    dashes, not a row of zeros."""
    font = BOLD if bold else REGULAR
    label = document.fit_cell(label, WIDTHS[0], font)
    if not figures.bookings:
        return [label] + ["–"] * 6
    amounts = (figures.booked, figures.invoiced, figures.paid, figures.outstanding)
    return [
        label,
        format_number(figures.bookings),
        document.fit_cell(format_number(figures.hours), WIDTHS[2], font),
        *(
            document.amount(money, width, font)
            for money, width in zip(amounts, WIDTHS[3:], strict=True)
        ),  # fmt: skip
    ]


def _styled(table: Table, head_row: int, bold_rows: Sequence[int]) -> Table:
    """Amounts right-aligned, the outstanding column shaded, the given rows bold."""
    table.setStyle(TableStyle([("BACKGROUND", (-1, head_row + 1), (-1, -1), OUTSTANDING_SHADE)]))
    return document.bold_rows(document.right_aligned(table, 1, head_row), bold_rows)


def _booked_venues(overview: RentOverview) -> list[VenueRent]:
    return [venue for venue in overview.venues if venue.year.bookings]


def _summary(overview: RentOverview) -> Table:
    """Every venue (bold) with its rooms beneath it, and the total of all."""
    rows: list[list[str]] = []
    bold: list[int] = []
    for venue in _booked_venues(overview):
        bold.append(len(rows) + 1)
        rows.append(figure_cells(venue.name, venue.year, bold=True))
        rows += [
            figure_cells(INDENT + room.name, room.year)
            for room in venue.rooms
            if room.year.bookings
        ]
    bold.append(len(rows) + 1)
    rows.append(figure_cells(_("Total"), overview.total, bold=True))
    table = document.table(_header(_("Venue and room")), rows, WIDTHS)
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.75, colors.black)]))
    return _styled(table, 0, bold)


def _room_table(room: RoomRent, year: int) -> Table:
    """January to December and the year's total, under the room's name."""
    rows = [figure_cells(month_name(n + 1).capitalize(), room.months[n]) for n in range(12)]
    rows.append(figure_cells(_("Total {year}").format(year=year), room.year, bold=True))
    table = document.table(_header(_("Month")), rows, WIDTHS, caption=room.name)
    return _styled(table, 1, [len(rows) + 1])


def _venue_part(venue: VenueRent, year: int) -> list[Flowable]:
    """The venue's name and address, each room's months, and with several rooms their sum;
    a room's table is never split, and the name stays with the first one."""
    head: list[Flowable] = [document.paragraph(venue.name, "heading")]
    if venue.address:
        head.append(document.paragraph(venue.address))
    tables: list[Flowable] = [_room_table(room, year) for room in venue.rooms if room.year.bookings]
    if len(tables) > 1:  # the venue's year in one line, aligned with the rooms above
        caption = _("{venue}, all rooms").format(venue=venue.name)
        row = figure_cells(_("Total {year}").format(year=year), venue.year, bold=True)
        tables.append(_styled(document.table(_header(""), [row], WIDTHS, caption=caption), 1, [2]))
    story: list[Flowable] = [KeepTogether([*head, tables[0]]), Spacer(1, 4 * mm)]
    for table in tables[1:]:
        story += [KeepTogether(table), Spacer(1, 4 * mm)]
    return story


def left_out(overview: RentOverview) -> str:
    """What did not count, in one sentence for under the title."""
    rule = _(
        "Confirmed bookings count, and cancelled ones that were invoiced or paid all the "
        "same; options and other cancelled bookings do not."
    )
    options = ngettext(
        "{n} option ({amount} if confirmed)",
        "{n} options ({amount} if confirmed)",
        overview.options,
    ).format(n=format_number(overview.options), amount=format_money(overview.options_cost))
    cancelled = ngettext(
        "{n} cancelled booking", "{n} cancelled bookings", overview.cancelled
    ).format(n=format_number(overview.cancelled))
    if overview.options and overview.cancelled:
        not_counted = _("Not counted in {year}: {options} and {cancelled}.").format(
            year=overview.year, options=options, cancelled=cancelled
        )
    elif overview.options or overview.cancelled:
        not_counted = _("Not counted in {year}: {what}.").format(
            year=overview.year, what=options if overview.options else cancelled
        )
    else:
        return rule
    return f"{rule} {not_counted}"


def _introduction(overview: RentOverview) -> list[Flowable]:
    total = overview.total
    story = [
        document.paragraph(
            _(
                "Booked: the agreed cost of the confirmed bookings, by the month of their "
                "date. Invoiced and paid: those of them marked so. Outstanding: booked minus "
                "paid."
            )
        ),
        document.paragraph(left_out(overview)),
    ]
    if any(room.year.bookings == 0 for venue in overview.venues for room in venue.rooms):
        story.append(
            document.paragraph(
                _("Rooms without a confirmed booking in {year} are not listed.").format(
                    year=overview.year
                )
            )
        )
    if total.bookings:
        story.append(
            document.paragraph(
                _("{year}: booked {booked}, paid {paid}, outstanding {outstanding}.").format(
                    year=overview.year,
                    booked=format_money(total.booked),
                    paid=format_money(total.paid),
                    outstanding=format_money(total.outstanding),
                ),
                "heading",
            )
        )
    return story


def write_rent_overview(path: Path, letterhead: Letterhead, overview: RentOverview) -> int:
    """Write the overview to `path`; returns the number of bookings counted."""
    register_fonts()  # bold cells are measured before the first table is made
    title = _("Room hire {year}").format(year=overview.year)
    story = _introduction(overview)
    if not overview.total.bookings:
        story = document.nothing_to_list(
            _("There are no confirmed bookings in {year}.").format(year=overview.year)
        ) + [document.paragraph(left_out(overview))]
    else:
        story += [_summary(overview), Spacer(1, 2 * mm)]
        for venue in _booked_venues(overview):
            story += _venue_part(venue, overview.year)
    document.build(path, letterhead, title, story)
    return overview.total.bookings
