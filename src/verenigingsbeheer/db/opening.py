"""Creating and opening association files, with the checks that keep them safe.

Only `create_database` makes a new file; opening a missing path is an error, so a typo
never creates an empty association. A file at an older schema is backed up and then
upgraded; one from a newer version of the program is refused and left untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
import uuid
from dataclasses import asdict
from pathlib import Path

from verenigingsbeheer.db import audit, sqlite
from verenigingsbeheer.db.database import Database
from verenigingsbeheer.db.schema_version import KNOWN_REVISIONS, SCHEMA_HEAD
from verenigingsbeheer.domain.association import AssociationDetails, normalise, validate
from verenigingsbeheer.errors import (
    DamagedFile,
    FileNotFound,
    MigrationFailed,
    NewerSchema,
    NotAnAssociationFile,
    UserError,
)
from verenigingsbeheer.i18n import _

FILE_SUFFIX = ".sqlite"
log = logging.getLogger(__name__)


def inspect_file(path: Path) -> str:
    """The schema revision of an existing association file, or a UserError saying why not."""
    if not path.exists():
        raise FileNotFound(_("File not found: {path}").format(path=path))
    if path.is_dir():
        raise NotAnAssociationFile(_("{path} is a folder, not a file.").format(path=path))
    try:
        is_sqlite = sqlite.has_sqlite_header(path)
    except OSError as error:
        raise UserError(sqlite.describe_error(error, path) or str(error)) from error
    if not is_sqlite:
        raise NotAnAssociationFile(
            _("{path} is not a Verenigingsbeheer file, or it is damaged.").format(path=path)
        )
    try:
        tables, revision, application_id = sqlite.read_schema_state(path)
    except sqlite3.DatabaseError as error:
        log.warning("cannot read %s: %s", path, error)
        message = sqlite.describe_error(error, path)
        kind = DamagedFile if isinstance(error, sqlite3.DatabaseError) else NotAnAssociationFile
        raise kind(
            message or _("{path} is damaged and cannot be read.").format(path=path)
        ) from error
    ours = application_id == sqlite.APPLICATION_ID
    # Files from before revision 0003 carry no stamp yet; every later one does.
    unstamped_but_old = application_id == 0 and revision in KNOWN_REVISIONS
    if "association" not in tables or revision is None or not (ours or unstamped_but_old):
        raise NotAnAssociationFile(
            _("{path} is a database, but not a Verenigingsbeheer file.").format(path=path)
        )
    if revision not in KNOWN_REVISIONS:
        raise NewerSchema(
            _(
                "{path} was saved by a newer version of Verenigingsbeheer. "
                "Install the newest version to open it; the file has not been changed."
            ).format(path=path)
        )
    return revision


def open_database(
    path: Path,
    backup_dir: Path,
    *,
    read_only: bool = False,
    passphrase: str | None = None,
    encrypt: bool = False,
) -> Database:
    """Open an existing file, upgrading it (after a backup) when it is older.

    Every open runs SQLite's quick check first; a damaged file is refused untouched. The
    backup before an upgrade is encrypted when a `passphrase` is given. `read_only`
    (someone else has the file open) never writes, so it cannot upgrade either.
    """
    path = Path(path)
    revision = inspect_file(path)
    quick_check(path)
    if revision != SCHEMA_HEAD and read_only:
        raise UserError(
            _(
                "{path} must be brought up to date for this version, which cannot be done "
                "while it is open read-only. Open it when nobody else has it open."
            ).format(path=path)
        )
    if revision != SCHEMA_HEAD:
        if not sqlite.is_writable(path):
            raise UserError(
                _(
                    "{path} must be brought up to date for this version, but it is read-only. "
                    "Copy it to a folder where you may write and open the copy."
                ).format(path=path)
            )
        if encrypt and not passphrase:  # never a plain backup when encrypted ones are chosen
            raise UserError(
                _(
                    "{path} must be brought up to date, and backups are to be encrypted, but "
                    "the passphrase is missing on this computer. Enter it again on the "
                    "Backups page; the file has not been changed."
                ).format(path=path)
            )
        from verenigingsbeheer.db import backups

        try:
            target = backups.make_backup(
                path,
                backup_dir,
                f"voor-upgrade-{revision}",
                now=dt.datetime.now(),
                passphrase=passphrase,
            )
        except (OSError, sqlite3.Error) as error:
            raise UserError(
                _("No backup could be made in {folder}, so the file was not upgraded. {why}")
                .format(folder=backup_dir, why=sqlite.describe_error(error, backup_dir) or "")
                .strip()
            ) from error
        _upgrade(path, target)
    return Database(path, read_only=read_only)


def quick_check(path: Path) -> None:
    """SQLite's quick check of every open; DamagedFile with a Dutch explanation if it fails."""
    problems = sqlite.check_file(path, full=False)
    if problems:
        log.warning("quick check of %s failed: %s", path, problems[:5])
        raise DamagedFile(damage_explanation(path))


def damage_explanation(path: Path) -> str:
    return _(
        "{path} is damaged: SQLite's check found errors in the file, so it is not opened. "
        "The file has not been changed. Restore a backup, or ask someone with technical "
        "knowledge to look at it."
    ).format(path=path)


def _upgrade(path: Path, backup: Path) -> None:
    from verenigingsbeheer.db import migrate

    engine = sqlite.make_engine(path)
    try:
        migrate.upgrade(engine)
    except Exception as error:  # rolled back by SQLite; say where the backup is
        log.exception("upgrading %s failed", path)
        raise MigrationFailed(
            _(
                "Upgrading {path} failed and was undone; nothing was changed. "
                "A backup is at {backup}. The details are in the log file."
            ).format(path=path, backup=backup)
        ) from error
    finally:
        engine.dispose()


def create_database(path: Path, details: AssociationDetails) -> Database:
    """Create a new association file at `path`; it must not exist yet."""
    from verenigingsbeheer.db import migrate
    from verenigingsbeheer.db.models import Association

    path = Path(path)
    problems = validate(details)
    if problems:
        raise UserError(" ".join(problems.values()))
    if path.exists():
        raise UserError(_("{path} already exists; choose another name.").format(path=path))
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=path.parent))
    partial = path.with_name(path.name + ".nieuw")
    try:
        partial.unlink(missing_ok=True)
        engine = sqlite.make_engine(partial)
        try:
            migrate.upgrade(engine)
            database = Database(partial)
            with database.transaction() as session:
                session.add(Association(file_uid=str(uuid.uuid4()), **asdict(normalise(details))))
                audit.note(session, "new", _("Association file created"))
            database.close()
        finally:
            engine.dispose()
        partial.replace(path)
    except Exception as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        message = sqlite.describe_error(error, path)
        if message is None:
            raise
        log.warning("creating %s failed: %s", path, error)
        raise UserError(message) from error
    return Database(path)
