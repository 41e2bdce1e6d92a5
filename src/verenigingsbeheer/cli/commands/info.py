"""`info`: the association's name, the schema version and one line per count."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command
from verenigingsbeheer.cli.opening import open_for_command
from verenigingsbeheer.i18n import _
from verenigingsbeheer.paths import Paths


def register(commands) -> None:
    command = add_command(
        commands,
        "info",
        _("show the association's name, schema version and counts"),
        _("Show the association's name, schema version and counts."),
    )
    command.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.services import overview
    from verenigingsbeheer.services.files import SCHEMA_HEAD

    with (
        open_for_command(args.db, paths) as database,
        database.reading() as session,
    ):
        name = overview.association_name(session)
        counts = overview.counts(session, dt.date.today())
    print(_("Association: {name}").format(name=name), file=out)
    print(_("File: {path}").format(path=args.db), file=out)
    print(_("Schema version: {version}").format(version=SCHEMA_HEAD), file=out)
    for key, value in counts.as_lines():  # stable Dutch keys, e.g. "leden: 40"
        print(f"{key}: {value}", file=out)
    return 0
