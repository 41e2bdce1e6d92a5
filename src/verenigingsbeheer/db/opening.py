"""Creating and opening association files, with the checks that keep them safe.

Only `create_database` makes a new file; opening a missing path is an error, so a typo
never creates an empty association. A file at an older schema is backed up and then
upgraded; one from a newer version of the program is refused and left untouched.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from dataclasses import asdict
from pathlib import Path

from verenigingsbeheer.db import sqlite
from verenigingsbeheer.db.database import Database
from verenigingsbeheer.db.schema_version import KNOWN_REVISIONS, SCHEMA_HEAD
from verenigingsbeheer.domain.association import AssociationDetails, normalise, validate
from verenigingsbeheer.errors import (
    FileNotFound,
    MigrationFailed,
    NewerSchema,
    NotAnAssociationFile,
    UserError,
)
from verenigingsbeheer.i18n import _

FILE_SUFFIX = ".sqlite"


def inspect_file(path: Path) -> str:
    """The schema revision of an existing association file, or a UserError saying why not."""
    if not path.exists():
        raise FileNotFound(_("File not found: {path}").format(path=path))
    if path.is_dir():
        raise NotAnAssociationFile(_("{path} is a folder, not a file.").format(path=path))
    if not sqlite.has_sqlite_header(path):
        raise NotAnAssociationFile(
            _("{path} is not a Verenigingsbeheer file, or it is damaged.").format(path=path)
        )
    try:
        tables, revision = sqlite.read_schema_state(path)
    except sqlite3.DatabaseError as error:
        raise NotAnAssociationFile(
            _("{path} is damaged and cannot be read ({detail}).").format(path=path, detail=error)
        ) from error
    if "association" not in tables or revision is None:
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


def backup_name(path: Path, reason: str, when: dt.datetime | None = None) -> str:
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{path.stem}-{stamp}-{reason}{FILE_SUFFIX}"


def open_database(path: Path, backup_dir: Path) -> Database:
    """Open an existing file, upgrading it (after a backup) when it is older."""
    path = Path(path)
    revision = inspect_file(path)
    if revision != SCHEMA_HEAD:
        target = backup_dir / backup_name(path, f"voor-upgrade-{revision}")
        sqlite.backup_file(path, target)
        _upgrade(path, target)
    return Database(path)


def _upgrade(path: Path, backup: Path) -> None:
    from verenigingsbeheer.db import migrate

    engine = sqlite.make_engine(path)
    try:
        migrate.upgrade(engine)
    except Exception as error:  # rolled back by SQLite; say where the backup is
        raise MigrationFailed(
            _(
                "Upgrading {path} failed and was undone; nothing was changed. "
                "A backup is at {backup}. Details: {detail}"
            ).format(path=path, backup=backup, detail=error)
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
    partial.unlink(missing_ok=True)
    engine = sqlite.make_engine(partial)
    try:
        migrate.upgrade(engine)
        database = Database(partial)
        with database.transaction() as session:
            session.add(Association(file_uid=str(uuid.uuid4()), **asdict(normalise(details))))
        database.close()
    except BaseException:
        engine.dispose()
        partial.unlink(missing_ok=True)
        raise
    engine.dispose()
    partial.replace(path)
    return Database(path)
