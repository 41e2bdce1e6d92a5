"""`check`: SQLite's full check of the file (integrity and references), in Dutch."""

from __future__ import annotations

import argparse
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command
from verenigingsbeheer.i18n import _
from verenigingsbeheer.paths import Paths

EXIT_DAMAGED = 1


def register(commands) -> None:
    command = add_command(
        commands,
        "check",
        _("check the association file for damage"),
        _(
            "Run SQLite's full check on the association file (integrity_check and "
            "foreign_key_check). A transaction interrupted by a crash is rolled back first, "
            "as on every open; otherwise the file is only read. Exit status 0: sound; "
            "1: damaged (the explanation is printed, the file is left as it is); 2: the "
            "file is missing or not an association file."
        ),
    )
    command.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.services.integrity import check_file

    result = check_file(args.db)
    print(result.message, file=out)
    if result.sound:
        return 0
    print(_("What SQLite found:"), file=out)
    for line in result.details[:20]:
        print(f"  {line}", file=out)
    return EXIT_DAMAGED
