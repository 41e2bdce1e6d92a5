"""`restore FILE`: put a backup in place of the association file (no questions asked)."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command
from verenigingsbeheer.errors import DamagedFile, FileNotFound, UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.paths import Paths


def register(commands) -> None:
    command = add_command(
        commands,
        "restore",
        _("replace the association file by a backup"),
        _(
            "Replace the association file by a backup. The current file is kept as a "
            "backup first; a damaged backup is refused. The passphrase of an encrypted "
            "backup comes from --passphrase-file, else from the environment variable "
            "VERENIGINGSBEHEER_WACHTWOORD, else the one kept on this computer."
        ),
    )
    command.add_argument("file", type=Path, metavar=_("FILE"), help=_("the backup to restore"))
    command.add_argument(
        "--passphrase-file",
        type=Path,
        metavar=_("FILE"),
        help=_("a file holding the passphrase of an encrypted backup"),
    )
    command.add_argument(
        "--force",
        action="store_true",
        help=_("also restore a backup of another association file"),
    )
    command.set_defaults(handler=run, writes=True)  # replaces the file: holds its lock


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer import settings as settings_store
    from verenigingsbeheer.services import backups
    from verenigingsbeheer.services.files import check_association_file

    backup: Path = args.file
    if not backup.is_file():
        raise FileNotFound(_("File not found: {path}").format(path=backup))
    passphrase = _passphrase(args)
    contents = backups.contents_of(backup)  # a file that is no backup is refused here
    live: Path = args.db
    if live.exists():
        # Never put a backup over some other document; a damaged file is what it is for.
        with contextlib.suppress(DamagedFile):
            check_association_file(live)
        if backups.is_other_association(backup, live) and not args.force:
            raise UserError(
                _(
                    "{backup} is a backup of another association ({name}), not of {path}. "
                    "Nothing was changed; add --force to restore it all the same."
                ).format(backup=backup, name=contents.association, path=live)
            )
    elif not live.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=live.parent))
    config = backups.config_for(settings_store.load(paths.settings_file), paths)
    if live.exists():
        kept = backups.restore(live, backup, config, passphrase)
        print(
            _("Restored {backup} to {path}. The previous file was kept as {kept}.").format(
                backup=backup, path=live, kept=kept
            ),
            file=out,
        )
    else:
        backups.restore_new(live, backup, config, passphrase)
        print(_("Restored {backup} to the new file {path}.").format(backup=backup, path=live),
              file=out)  # fmt: skip
    return 0


def _passphrase(args: argparse.Namespace) -> str | None:
    """From --passphrase-file, else $VERENIGINGSBEHEER_WACHTWOORD; never from standard input."""
    from verenigingsbeheer.services.backups import ENV_PASSPHRASE

    if args.passphrase_file is not None:
        try:
            return args.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as error:
            raise UserError(
                _("The passphrase file {path} cannot be read.").format(path=args.passphrase_file)
            ) from error
    return os.environ.get(ENV_PASSPHRASE) or None
