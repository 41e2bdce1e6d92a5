"""`demo`: a new file with a realistic demo association."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command, count, iso_date, whole_number
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.paths import Paths

MAX_MEMBERS = 100_000


def register(commands) -> None:
    command = add_command(
        commands,
        "demo",
        _("create a demo association (a Hague choir) in --db"),
        _("Create a new file with a realistic demo association."),
    )
    command.add_argument(
        "--members",
        type=count,
        default=40,
        metavar="N",
        help=_("number of current members (default 40)"),
    )
    command.add_argument(
        "--seed",
        type=whole_number,
        default=1,
        metavar="S",
        help=_("seed for the random choices (default 1)"),
    )
    command.add_argument(
        "--date",
        type=iso_date,
        default=None,
        metavar=_("DATE"),
        help=_("the day the demo is made for (default today)"),
    )
    command.set_defaults(handler=run, writes=True)


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.i18n.formatting import format_number
    from verenigingsbeheer.services.demo import create_demo

    if args.members > MAX_MEMBERS:
        raise UserError(_("At most {n} members in a demo.").format(n=format_number(MAX_MEMBERS)))
    path: Path = args.db
    if path.exists():
        raise UserError(
            _("{path} already exists; the demo is only made in a new file.").format(path=path)
        )
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=path.parent))
    create_demo(path, members=args.members, seed=args.seed, today=args.date).close()
    print(_("Demo association created in {path}.").format(path=path), file=out)
    return 0
