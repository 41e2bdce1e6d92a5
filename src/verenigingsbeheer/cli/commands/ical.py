"""`ical --out FILE.ics [--section NAME] [--from DATE --to DATE]`: the activities as an
iCalendar file for the members' calendar apps. It only reads: no lock, no backup."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command, add_period, chosen_period
from verenigingsbeheer.cli.opening import open_for_command
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.paths import Paths


def register(commands) -> None:
    command = add_command(
        commands,
        "ical",
        _("write the activities as an iCalendar file (.ics)"),
        _(
            "Write the activities as an iCalendar file (.ics) for calendar apps: every "
            "occurrence its own event, cancelled ones marked as such. Exporting again gives "
            "the same events, so apps update them instead of adding copies."
        ),
    )
    command.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE.ics"), help=_("the file to write")
    )
    command.add_argument(
        "--section",
        default=None,
        metavar=_("NAME"),
        help=_("only what this section is expected at, activities for everyone included"),
    )
    add_period(command, _("every activity in the file"))
    command.set_defaults(handler=run)


def check_target(target: Path) -> None:
    """Refuse a wrong name or folder before the file is even opened."""
    if target.suffix.lower() != ".ics":
        raise UserError(_("The file to write must end in .ics: {path}").format(path=target))
    if not target.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=target.parent))
    if target.is_dir():
        raise UserError(_("{path} is a folder, not a file.").format(path=target))


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.i18n.formatting import format_number
    from verenigingsbeheer.services import activity_exports

    target: Path = args.out
    period = chosen_period(args)
    check_target(target)
    start, end = period or (None, None)
    with (
        open_for_command(args.db, paths) as database,
        database.reading() as session,
    ):
        section_id = None
        if args.section is not None:
            section_id = activity_exports.section_id_by_name(session, args.section)
        n = activity_exports.write_ical(
            session, target, section_id=section_id, start=start, end=end
        )
    count = ngettext("{n} activity", "{n} activities", n).format(n=format_number(n))
    print(_("Calendar saved in {path} ({count}).").format(path=target, count=count), file=out)
    return 0
