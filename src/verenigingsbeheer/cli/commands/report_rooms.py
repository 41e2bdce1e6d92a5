"""`report rooms` and `report room-schedule`: the room lists of the `report` command.

`rooms` covers a calendar year, --year or else the year of --date (default today): rent is
agreed and paid by the calendar year, as subsidies ask it. `room-schedule` covers the season
of --date unless --from and --to are given, like the activity lists. Both only read.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from verenigingsbeheer.cli.arguments import add_period, chosen_period
from verenigingsbeheer.i18n import _, ngettext

LISTS = ("rooms", "room-schedule")


def register(lists, make_list: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the two lists to `report`; `make_list` gives each --out and --date."""
    rooms = make_list(
        lists, "rooms", _("the room hire of a calendar year per venue, room and month")
    )
    rooms.add_argument(
        "--year",
        type=year,
        default=None,
        metavar=_("YEAR"),
        help=_("the calendar year, e.g. 2027 (default: the year of --date)"),
    )
    schedule = make_list(
        lists, "room-schedule", _("the bookings of one room, for the venue's contact person")
    )
    schedule.add_argument(
        "--room",
        required=True,
        metavar=_("ROOM"),
        help=_(
            "the room as 'Venue – Room' (a hyphen will do), or only its name when no other "
            "venue has a room by that name; any case"
        ),
    )
    add_period(schedule, _("the season (1 September - 31 August) of --date"))


def year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a year; write it as e.g. 2027").format(value=text)
        ) from None


def chosen_year(args: argparse.Namespace, today: dt.date) -> int:
    return args.year if args.year is not None else today.year


def check(args: argparse.Namespace, today: dt.date) -> None:
    """Refuse a bad year or period before the file is opened."""
    from verenigingsbeheer.services.rent import check_year

    if args.kind == "rooms":
        check_year(chosen_year(args, today))
    else:
        chosen_period(args)


def make(session, args: argparse.Namespace, target: Path, today: dt.date) -> tuple[str, str]:
    """Write the list; returns what it is and its count, for the message."""
    from verenigingsbeheer.i18n.formatting import format_money, format_number
    from verenigingsbeheer.services import room_reports

    if args.kind == "rooms":
        chosen = chosen_year(args, today)
        overview = room_reports.make_rent_overview(session, target, today, chosen)
        total = overview.total
        count = _("{bookings}, booked {booked}, outstanding {outstanding}").format(
            bookings=ngettext("{n} booking", "{n} bookings", total.bookings).format(
                n=format_number(total.bookings)
            ),
            booked=format_money(total.booked),
            outstanding=format_money(total.outstanding),
        )
        return _("Room hire {year}").format(year=chosen), count
    room = room_reports.find_room(session, args.room)
    start, end = chosen_period(args) or (None, None)
    n = room_reports.make_room_schedule(session, target, today, room.room_id, start, end)
    count = ngettext("{n} booking", "{n} bookings", n).format(n=format_number(n))
    return _("Room schedule {room}").format(room=room.label), count
