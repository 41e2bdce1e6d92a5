"""`report schedule` and `report attendance`: the activity lists of the `report` command.

Both cover the season of --date (default today) unless --from and --to are given.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from verenigingsbeheer.cli.arguments import add_period, chosen_period
from verenigingsbeheer.i18n import _, ngettext

LISTS = ("schedule", "attendance")
KINDS = ("rehearsals", "all")  # the keys of services.activity_reports.KIND_CHOICES
PARTS = ("member", "activity", "both")  # its REPORT_PARTS (not imported: start-up stays lean)
DEFAULT_PERCENT = 75


def register(lists, make_list: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the two lists to `report`; `make_list` gives each --out and --date."""
    season = _("the season (1 September - 31 August) of --date")
    schedule = make_list(lists, "schedule", _("the schedule of activities by month"))
    add_period(schedule, season)

    attendance = make_list(lists, "attendance", _("attendance per member and per activity"))
    add_period(attendance, season)
    attendance.add_argument(
        "--by",
        choices=PARTS,
        default="both",
        help=_("per member, per activity or both (default: both)"),
    )
    attendance.add_argument(
        "--threshold",
        type=percentage,
        default=DEFAULT_PERCENT / 100,
        metavar=_("PERCENT"),
        help=_("mark members who attended less than this (default: {percent})").format(
            percent=DEFAULT_PERCENT
        ),
    )
    attendance.add_argument(
        "--kinds",
        choices=KINDS,
        default="rehearsals",
        help=_("rehearsals (sectionals included) or all activities (default: rehearsals)"),
    )


def percentage(text: str) -> float:
    """ "75", "75%" or "62,5" -> 0.75, 0.75, 0.625."""
    try:
        value = float(text.strip().rstrip("%").strip().replace(",", "."))
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a percentage from 0 to 100, e.g. 75").format(value=text)
        )
    return value / 100


def make(session, args: argparse.Namespace, target: Path, today: dt.date) -> tuple[str, str]:
    """Write the list; returns what it is and its count, for the message."""
    from verenigingsbeheer.i18n.formatting import format_number
    from verenigingsbeheer.services import activity_reports

    start, end = chosen_period(args) or (None, None)
    if args.kind == "schedule":
        n = activity_reports.make_schedule(session, target, today, start, end)
        count = ngettext("{n} activity", "{n} activities", n).format(n=format_number(n))
        return _("Schedule"), count
    size = activity_reports.make_attendance_report(
        session,
        target,
        today,
        start,
        end,
        by=args.by,
        threshold=args.threshold,
        kinds=activity_reports.KIND_CHOICES[args.kinds],
    )
    members = ngettext("{n} member", "{n} members", size.members)
    activities = ngettext("{n} activity", "{n} activities", size.activities)
    count = ", ".join(
        text.format(n=format_number(n))
        for text, n, shown in (
            (members, size.members, args.by != "activity"),
            (activities, size.activities, True),
        )
        if shown
    )
    return _("Attendance report"), count
