"""Association files for the window and the command line: open, create, explain problems.

The fronts (UI, CLI) come through here rather than reaching into the data layer.
"""

from __future__ import annotations

from pathlib import Path

from verenigingsbeheer.db.database import Database
from verenigingsbeheer.db.opening import (
    FILE_SUFFIX,
    create_database,
    inspect_file,
    open_database,
    quick_check,
)
from verenigingsbeheer.db.schema_version import SCHEMA_HEAD
from verenigingsbeheer.db.sqlite import describe_error
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.errors import UserError

AssociationFile = Database

__all__ = [
    "FILE_SUFFIX",
    "SCHEMA_HEAD",
    "AssociationFile",
    "check_association_file",
    "create_association_file",
    "describe_error",
    "open_association_file",
]


def open_association_file(
    path: Path,
    backup_dir: Path,
    *,
    read_only: bool = False,
    passphrase: str | None = None,
    encrypt: bool = False,
) -> AssociationFile:
    """Open an existing file (upgrading it after a backup, encrypted with `passphrase` if
    given); UserError says why not, DamagedFile when SQLite's quick check fails.

    `read_only`: for viewing a file someone else has open; every write is refused.
    """
    return open_database(
        path, backup_dir, read_only=read_only, passphrase=passphrase, encrypt=encrypt
    )


def needs_upgrade(path: Path) -> bool:
    """Whether opening the file would upgrade it (and so write to it); False when it is no
    association file at all (opening will say why)."""
    from verenigingsbeheer.db.opening import inspect_file

    try:
        return inspect_file(Path(path)) != SCHEMA_HEAD
    except UserError:
        return False


def create_association_file(path: Path, details: AssociationDetails) -> AssociationFile:
    """Create a new file; it must not exist yet."""
    return create_database(path, details)


def check_association_file(path: Path) -> str:
    """The checks of every open without opening: UserError when the file is missing, not
    an association file, from a newer version, or damaged (DamagedFile). Returns the
    schema revision."""
    revision = inspect_file(Path(path))
    quick_check(Path(path))
    return revision
