"""`backup [--out FILE]`: a consistent copy of the file, in the backup folder or to FILE."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command
from verenigingsbeheer.i18n import _
from verenigingsbeheer.paths import Paths


def register(commands) -> None:
    command = add_command(
        commands,
        "backup",
        _("make a backup of the association file"),
        _(
            "Make a consistent backup of the association file. Without --out it goes into "
            "the backup folder set on this computer, where old backups are rotated away; "
            "it is encrypted when encryption is switched on."
        ),
    )
    command.add_argument(
        "--out", type=Path, metavar=_("FILE"), help=_("write the backup to this new file")
    )
    command.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer import settings as settings_store
    from verenigingsbeheer.services import backups
    from verenigingsbeheer.services.files import check_association_file

    check_association_file(args.db)  # missing, not ours or damaged: refused, exit 2
    config = backups.config_for(settings_store.load(paths.settings_file), paths)
    if args.out is not None:
        made = backups.backup_to(args.db, args.out, config)
    else:
        if config.note:
            print(_("Note: {message}").format(message=config.note), file=sys.stderr)
        made = backups.make_backup(args.db, "handmatig", config)
    print(_("Backup made: {path}").format(path=made), file=out)
    return 0


def backup_first(database, paths: Paths, reason: str) -> None:
    """The backup before a bulk action ("voor-import", "voor-anonimiseren"): made in the
    backup folder, or a UserError and the action is not started."""
    import sys

    from verenigingsbeheer import settings as settings_store
    from verenigingsbeheer.services import backups

    config = backups.config_for(settings_store.load(paths.settings_file), paths)
    if config.note:
        print(_("Note: {message}").format(message=config.note), file=sys.stderr)
    backups.backup_before(database, reason, config)
