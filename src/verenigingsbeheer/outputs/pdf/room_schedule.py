"""A room's schedule for the venue's contact person: when the association has the room.

At the top the venue, its address and contact, the room and the period; then every
booking by month: the booked time, the time the room is taken including the set-up and
clearing it needs (what the caretaker plans by), what it is for, and its status. A
cancelled booking keeps its line, greyed and marked, so the venue sees it was given up.
Nothing about members is printed: only the activity's title or the booking's purpose (not
its notes, not its cost).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import BOLD, REGULAR, register_fonts
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.periods import by_month, month_caption, period_text, time_span

if TYPE_CHECKING:
    from verenigingsbeheer.services.bookings import BookingRow
    from verenigingsbeheer.services.rooms import RoomRow, VenueRow

# 174 mm, the portrait page: "zo 31 dec", two times, what, "geannuleerd" in bold.
WIDTHS = [22 * mm, 24 * mm, 30 * mm, 72 * mm, 26 * mm]
LABEL_WIDTH = 38 * mm  # "Opbouw en afbouw" in the block at the top
HEAD_ROWS = 2  # the month caption and the column headings


def taken(row: BookingRow, room: RoomRow) -> str:
    """ "19:45–22:45": the booked time with the room's set-up before and clearing after."""
    span = rules.span(row.date, row.start_time, row.end_time, room.details.buffer_before,
                      room.details.buffer_after)  # fmt: skip
    return time_span(span.start.time(), span.end.time())


def buffers_text(room: RoomRow) -> str:
    before, after = room.details.buffer_before, room.details.buffer_after
    if not before and not after:
        return _("none: the room is taken only for the booked time")
    return _("{before} minutes before each booking to set up, {after} after it to clear").format(
        before=format_number(before), after=format_number(after)
    )


def _contact(venue: VenueRow) -> str:
    d = venue.details
    name = " ".join(part for part in (d.contact_first_name, d.contact_last_name) if part)
    return ", ".join(part for part in (name, d.contact_phone, d.contact_email) if part)


def _details(venue: VenueRow, room: RoomRow, start: dt.date, end: dt.date) -> Table:
    """The venue, room and period as label and value, without lines."""
    d = venue.details
    lines = [
        (_("Venue"), venue.name),
        (_("Address"), venue.address),
        (_("Phone and e-mail"), ", ".join(part for part in (d.phone, d.email) if part)),
        (_("Contact person"), _contact(venue)),
        (_("Room"), room.name),
        (_("Set-up and clearing"), buffers_text(room)),
        (_("Period"), period_text(start, end)),
    ]
    return document.details(lines, LABEL_WIDTH)


def cells(row: BookingRow, room: RoomRow) -> list[str]:
    status = rules.status_label(row.status)
    texts = [
        format_date(row.date, "EEE d MMM"),  # the month is in the caption
        time_span(row.start_time, row.end_time),
        taken(row, room),
        row.what or "–",
        status,
    ]
    cancelled = row.status == "cancelled"
    return [
        document.fit_cell(text, width, BOLD if cancelled and n == 4 else REGULAR)
        for n, (text, width) in enumerate(zip(texts, WIDTHS, strict=True))
    ]


def _month_table(month: tuple[int, int], rows: list[BookingRow], room: RoomRow) -> Table:
    header = [_("Date"), _("Time"), _("Room taken"), _("What"), _("Status")]
    table = document.table(header, [cells(row, room) for row in rows], WIDTHS,
                           caption=month_caption(month))  # fmt: skip
    cancelled = [n for n, row in enumerate(rows, HEAD_ROWS) if row.status == "cancelled"]
    document.greyed(table, cancelled, 4)
    return table


def total_text(rows: Sequence[BookingRow]) -> str:
    """ "Totaal: 10 bevestigde boekingen, 1 optie, 1 geannuleerde boeking" (what occurs)."""
    counts = {status: sum(row.status == status for row in rows) for status in rules.STATUSES}
    texts = {
        "confirmed": ngettext(
            "{n} confirmed booking", "{n} confirmed bookings", counts["confirmed"]
        ),
        "option": ngettext("{n} option", "{n} options", counts["option"]),
        "cancelled": ngettext(
            "{n} cancelled booking", "{n} cancelled bookings", counts["cancelled"]
        ),
    }
    parts = [
        text.format(n=format_number(counts[key])) for key, text in texts.items() if counts[key]
    ]
    return _("Total: {count}").format(count=", ".join(parts)) + "."


def write_room_schedule(
    path: Path,
    letterhead: Letterhead,
    venue: VenueRow,
    room: RoomRow,
    bookings: Sequence[BookingRow],
    *,
    start: dt.date,
    end: dt.date,
) -> int:
    """Write the room's schedule to `path`; returns the number of bookings on it."""
    register_fonts()  # cells are measured before the first table is made
    title = _("Room schedule {room}").format(room=room.label)
    story: list[Flowable] = [_details(venue, room, start, end), Spacer(1, 5 * mm)]
    if not bookings:
        story.append(document.paragraph(_("This room has no bookings in this period.")))
    for month, rows in by_month(bookings):
        table = _month_table(month, rows, room)
        story += [KeepTogether(table) if len(rows) < 20 else table, Spacer(1, 2 * mm)]
    if bookings:
        story.append(document.paragraph(total_text(bookings)))
        story.append(
            document.paragraph(
                _(
                    "Time: the booked time. Room taken: with the set-up before and the "
                    "clearing after. An option is not yet confirmed; a cancelled booking is "
                    "greyed."
                )
            )
        )
    document.build(path, letterhead, title, story)
    return len(bookings)
