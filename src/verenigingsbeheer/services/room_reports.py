"""The printed room lists: the year's rent overview and a room's schedule for its venue.

For the window's print buttons and the CLI's `report rooms|room-schedule` alike. Each reads
in the caller's Session, checks the choices (a UserError in Dutch when one is wrong, before
anything is written) and writes a PDF; ReportLab is imported only when a list is made.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sqlalchemy.orm import Session

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.activity_reports import period_or_season
from verenigingsbeheer.services.bookings import list_bookings
from verenigingsbeheer.services.member_reports import letterhead
from verenigingsbeheer.services.rent import RentOverview, check_year, rent_overview
from verenigingsbeheer.services.rooms import RoomRow, get_room, list_rooms, list_venues

# "De Regentes – Grote zaal", also typed with a hyphen or em dash, or without spaces.
_SEPARATOR = re.compile(r"\s*[-–—]\s*")


def make_rent_overview(session: Session, path: Path, today: dt.date, year: int) -> RentOverview:
    """The rent of calendar year `year` per venue, room and month; returns the figures
    printed (the window can show the total)."""
    check_year(year)
    from verenigingsbeheer.outputs.pdf.rent import write_rent_overview

    overview = rent_overview(session, year)
    write_rent_overview(path, letterhead(session, today), overview)
    return overview


def make_room_schedule(
    session: Session,
    path: Path,
    today: dt.date,
    room_id: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> int:
    """The room's bookings for its venue's contact, cancelled ones marked; without a
    period the season (1 September - 31 August) of `today`. Returns how many are on it."""
    start, end = period_or_season(today, start, end)
    room = get_room(session, room_id)
    [venue] = [venue for venue in list_venues(session) if venue.venue_id == room.venue_id]
    from verenigingsbeheer.outputs.pdf.room_schedule import write_room_schedule

    rows = list_bookings(session, start, end, room_id=room_id)
    return write_room_schedule(
        path, letterhead(session, today), venue, room, rows, start=start, end=end
    )


def _folded(text: str) -> str:
    return " ".join(_SEPARATOR.sub(" – ", text.strip()).split()).casefold()


def find_room(session: Session, text: str) -> RoomRow:
    """The room named "Venue – Room", or only "Room" when no other venue has one by that
    name; any case, with a hyphen for the dash. A clear refusal otherwise."""
    rooms = list_rooms(session)
    wanted = _folded(text)
    found = [room for room in rooms if _folded(room.label) == wanted]
    if not found:
        found = [room for room in rooms if _folded(room.name) == wanted]
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError(
            _("There is a room '{name}' in more than one venue; name the venue too: "
              "{rooms}.").format(name=text.strip(), rooms=", ".join(r.label for r in found))
        )  # fmt: skip
    if not rooms:
        raise UserError(_("Unknown room '{name}': this file has no rooms yet.").format(name=text))
    raise UserError(
        _("Unknown room '{name}'; choose from: {rooms}.").format(
            name=text.strip(), rooms=", ".join(room.label for room in rooms)
        )
    )
