"""`report`: one of the printed lists as a PDF (members, labels, birthdays, board, signin,
register; schedule and attendance in `report_activities`; rooms and room-schedule in
`report_rooms`; volunteers, volunteer and allowances in `report_volunteers`).

Each list is a sub-command with its own options; all write `--out FILE.pdf` and accept
`--date` (the day the list is for, default today). A list with nothing on it is still a
proper PDF that says so, exit 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command, chosen_period, iso_date
from verenigingsbeheer.cli.commands import report_activities, report_rooms, report_volunteers
from verenigingsbeheer.cli.opening import open_for_command
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.outputs.pdf.options import (
    DEFAULT_COLUMNS,
    DEFAULT_SHEET,
    LABEL_SHEETS,
    MEMBER_COLUMNS,
)
from verenigingsbeheer.paths import Paths


def register(commands) -> None:
    command = add_command(
        commands,
        "report",
        _(
            "write a printed list as PDF: members, labels, birthdays, board, signin, register, "
            "schedule, attendance, rooms, room-schedule, volunteers, volunteer or allowances"
        ),
        _("Write one of the printed lists as a PDF file."),
    )
    lists = command.add_subparsers(dest="kind", metavar=_("list"), title=_("lists"))
    lists.required = True

    members = _list(lists, "members", _("the member list, grouped by section"))
    members.add_argument(
        "--columns",
        type=column_keys,
        default=DEFAULT_COLUMNS,
        metavar=_("COLUMNS"),
        help=_("columns separated by commas, from: {keys} (default: {default})").format(
            keys=", ".join(MEMBER_COLUMNS), default=",".join(DEFAULT_COLUMNS)
        ),
    )
    members.add_argument("--all", action="store_true", help=_("former members too"))

    labels = _list(lists, "labels", _("address labels, PostNL style"))
    labels.add_argument(
        "--sheet",
        choices=list(LABEL_SHEETS),
        default=DEFAULT_SHEET,
        help=_("the label sheet: {sheets} (default {default})").format(
            sheets="; ".join(sheet.name for sheet in LABEL_SHEETS.values()), default=DEFAULT_SHEET
        ),
    )
    for axis, help_text in (
        ("x", _("move the print this many mm to the right (negative: to the left)")),
        ("y", _("move the print this many mm down (negative: up)")),
    ):
        # None: the offset saved in the print window (0 until one is saved there).
        labels.add_argument(
            f"--offset-{axis}",
            type=millimetres,
            default=None,
            metavar="MM",
            help=_("{what}; default: the offset saved in the Print window, else 0").format(
                what=help_text
            ),
        )
    labels.add_argument("--per-household", action="store_true", help=_("one label per household"))

    birthdays = _list(lists, "birthdays", _("birthdays in one month or the whole year"))
    birthdays.add_argument(
        "--month", type=month, default=None, metavar="N", help=_("month 1-12 (default: all)")
    )

    _list(lists, "board", _("the board with phone numbers and e-mail addresses"))

    signin = _list(lists, "signin", _("attendance sign-in sheet, a page per section"))
    signin.add_argument(
        "--title", default="", metavar=_("TEXT"), help=_("the occasion, e.g. Repetitie")
    )
    signin.add_argument(
        "--sections",
        type=lambda text: [part.strip() for part in text.split(",") if part.strip()],
        default=None,
        metavar=_("SECTIONS"),
        help=_("only these sections, separated by commas (default: all)"),
    )

    _list(lists, "register", _("the processing register (AVG article 30)"))
    report_activities.register(lists, _list)
    report_rooms.register(lists, _list)
    report_volunteers.register(lists, _list)


def _list(lists, name: str, summary: str) -> argparse.ArgumentParser:
    parser = add_command(lists, name, summary, summary[:1].upper() + summary[1:] + ".")
    parser.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE.pdf"), help=_("the PDF to write")
    )
    parser.add_argument(
        "--date",
        type=iso_date,
        default=None,
        metavar=_("DATE"),
        help=_("the day the list is for (default today)"),
    )
    parser.set_defaults(handler=run)
    return parser


def column_keys(text: str) -> list[str]:
    keys = [part.strip() for part in text.split(",") if part.strip()]
    for key in keys:
        if key not in MEMBER_COLUMNS:
            raise argparse.ArgumentTypeError(
                _("Unknown column '{key}'; choose from: {keys}.").format(
                    key=key, keys=", ".join(MEMBER_COLUMNS)
                )
            )
    if not keys:
        raise argparse.ArgumentTypeError(_("name at least one column"))
    return keys


def millimetres(text: str) -> float:
    """A Dutch or English decimal: 1,5 or 1.5."""
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a number of millimetres, e.g. 1,5").format(value=text)
        ) from None


def saved_offset(args: argparse.Namespace, paths: Paths) -> tuple[float, float]:
    """The printer offset: the options given, else what the print window saved."""
    from verenigingsbeheer import settings as settings_store

    if args.offset_x is not None and args.offset_y is not None:
        return args.offset_x, args.offset_y
    saved = settings_store.load(paths.settings_file)
    return (
        saved.label_offset_x_mm if args.offset_x is None else args.offset_x,
        saved.label_offset_y_mm if args.offset_y is None else args.offset_y,
    )


def month(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= 12:
        raise argparse.ArgumentTypeError(_("Choose a month from January to December."))
    return number


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.i18n.formatting import format_number
    from verenigingsbeheer.services import member_reports

    target: Path = args.out
    if target.suffix.lower() != ".pdf":
        raise UserError(_("The file to write must end in .pdf: {path}").format(path=target))
    if not target.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=target.parent))
    today = args.date or dt.date.today()
    if args.kind in report_activities.LISTS:
        chosen_period(args)  # a bad period is refused before the file is opened
    elif args.kind in report_rooms.LISTS:
        report_rooms.check(args, today)  # so are a bad year and period
    elif args.kind in report_volunteers.LISTS:
        report_volunteers.check(args, today)

    def counted(text: str, n: int) -> str:
        return text.format(n=format_number(n))

    skipped: list[str] = []
    with (
        open_for_command(args.db, paths) as database,
        database.reading() as session,
    ):
        if args.kind == "members":
            what = _("Member list")
            n = member_reports.make_member_list(
                session, target, today, columns=args.columns, include_former=args.all
            )
            count = counted(ngettext("{n} member", "{n} members", n), n)
        elif args.kind == "labels":
            what = _("Address labels")
            offset_x, offset_y = saved_offset(args, paths)
            written = member_reports.make_labels(
                session,
                target,
                today,
                sheet=args.sheet,
                offset_x_mm=offset_x,
                offset_y_mm=offset_y,
                per_household=args.per_household,
            )
            count = counted(ngettext("{n} label", "{n} labels", written.labels), written.labels)
            skipped = written.skipped
        elif args.kind == "birthdays":
            what = _("Birthday list")
            n = member_reports.make_birthdays(session, target, today, month=args.month)
            count = counted(ngettext("{n} birthday", "{n} birthdays", n), n)
        elif args.kind == "register":
            from verenigingsbeheer.services import register

            what = _("Processing register")
            n = register.make_register(session, target, today)
            count = counted(ngettext("{n} processing activity", "{n} processing activities", n), n)
        elif args.kind in report_activities.LISTS:
            what, count = report_activities.make(session, args, target, today)
        elif args.kind in report_rooms.LISTS:
            what, count = report_rooms.make(session, args, target, today)
        elif args.kind in report_volunteers.LISTS:
            what, count = report_volunteers.make(session, args, target, today)
        elif args.kind == "board":
            what = _("Board list")
            n = member_reports.make_board_list(session, target, today)
            count = counted(ngettext("{n} function", "{n} functions", n), n)
        else:
            what = _("Attendance list")
            n = member_reports.make_sign_in_sheet(
                session, target, today, title=args.title, sections=args.sections
            )
            count = counted(ngettext("{n} member", "{n} members", n), n)
    done = _("{what} saved in {path} ({count}).")
    print(done.format(what=what, path=target, count=count), file=out)
    if skipped:
        left_out = ngettext(
            "{n} member without an address was left out: {names}.",
            "{n} members without an address were left out: {names}.",
            len(skipped),
        )
        print(left_out.format(n=format_number(len(skipped)), names=", ".join(skipped)), file=out)
    return 0
