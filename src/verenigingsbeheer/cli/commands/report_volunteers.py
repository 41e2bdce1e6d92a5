"""`report volunteers`, `report volunteer` and `report allowances`: the volunteer lists of
the `report` command.

All three cover a calendar year, --year or else the year of --date (default today): hours
are reported to subsidisers and the tax-free limits of allowances are set by the calendar
year. `volunteer` is one person's statement, named by --person (a member number, or a
name that fits one volunteer). All only read.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from verenigingsbeheer.cli.commands.report_rooms import chosen_year, year
from verenigingsbeheer.i18n import _, ngettext

LISTS = ("volunteers", "volunteer", "allowances")


def _add_year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year",
        type=year,
        default=None,
        metavar=_("YEAR"),
        help=_("the calendar year, e.g. 2027 (default: the year of --date)"),
    )


def register(lists, make_list: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the three lists to `report`; `make_list` gives each --out and --date."""
    _add_year(make_list(lists, "volunteers", _("the annual overview of volunteer hours")))
    statement = make_list(
        lists, "volunteer", _("a volunteer's personal statement of a year's hours and allowances")
    )
    statement.add_argument(
        "--person",
        required=True,
        metavar=_("NAME_OR_MEMBER_NUMBER"),
        help=_(
            "the volunteer: a member number, or a name that fits one volunteer, such as "
            "'Anna de Vries' or 'Vries, Anna de'; any case"
        ),
    )
    _add_year(statement)
    _add_year(
        make_list(lists, "allowances", _("the register of volunteer allowances, for the treasurer"))
    )


def check(args: argparse.Namespace, today: dt.date) -> None:
    """Refuse a bad year before the file is opened."""
    from verenigingsbeheer.services.rent import check_year

    check_year(chosen_year(args, today))


def _hours(minutes: int) -> str:
    from verenigingsbeheer.domain.volunteers import format_hours

    text = ngettext("{hours} hour", "{hours} hours", 1 if minutes == 60 else 2)
    return text.format(hours=format_hours(minutes))


def make(session, args: argparse.Namespace, target: Path, today: dt.date) -> tuple[str, str]:
    """Write the list; returns what it is and its count, for the message."""
    from verenigingsbeheer.i18n.formatting import format_money, format_number
    from verenigingsbeheer.services import volunteer_reports

    chosen = chosen_year(args, today)
    if args.kind == "volunteers":
        overview = volunteer_reports.make_volunteer_overview(session, target, today, chosen)
        summary = overview.summary
        people = ngettext("{n} volunteer", "{n} volunteers", summary.people)
        count = _("{people}, {hours}, worth {value}").format(
            people=people.format(n=format_number(summary.people)),
            hours=_hours(summary.minutes),
            value=format_money(summary.value),
        )
        return _("Annual overview of volunteer hours {year}").format(year=chosen), count
    if args.kind == "volunteer":
        helper = volunteer_reports.find_volunteer(session, args.person, chosen, today)
        statement = volunteer_reports.make_volunteer_statement(
            session, target, today, helper.person_id, chosen
        )
        count = _("{hours}, allowances {paid}").format(
            hours=_hours(statement.minutes), paid=format_money(statement.paid)
        )
        what = _("Personal statement of volunteer work {year} of {name}")
        return what.format(year=chosen, name=statement.name.full), count
    register = volunteer_reports.make_allowance_register(session, target, today, chosen)
    n = len(register.payments)
    count = _("{payments}, together {total}").format(
        payments=ngettext("{n} payment", "{n} payments", n).format(n=format_number(n)),
        total=format_money(register.total),
    )
    return _("Register of volunteer allowances {year}").format(year=chosen), count
