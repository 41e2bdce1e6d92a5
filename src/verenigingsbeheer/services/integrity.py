"""Checking an association file: SQLite's full check, explained in Dutch.

The quick check runs on every open (db.opening); this is the full one the board asks for
(`check` on the command line, "Bestand controleren" in the window). It only reads the
file, after letting SQLite roll back a transaction a crash interrupted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from verenigingsbeheer.db import sqlite as seam
from verenigingsbeheer.db.opening import inspect_file
from verenigingsbeheer.errors import FileNotFound
from verenigingsbeheer.i18n import _, ngettext


@dataclass(frozen=True)
class CheckResult:
    sound: bool
    message: str  # Dutch, for the user
    details: tuple[str, ...] = ()  # SQLite's own findings, for whoever repairs it


def check_file(path: Path) -> CheckResult:
    """integrity_check and foreign_key_check; FileNotFound / UserError when it is no
    association file at all (then there is nothing to check)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFound(_("File not found: {path}").format(path=path))
    problems = seam.check_file(path, full=True)
    if not problems:
        inspect_file(path)  # a sound database that is not ours is said so
        return CheckResult(True, _("{path} is sound: SQLite's full check found no errors.").format(
            path=path))  # fmt: skip
    links = [p for p in problems if p.startswith("foreign key:")]
    if links and len(links) == len(problems):
        message = ngettext(
            "{path} is damaged: {n} record refers to a record that does not exist.",
            "{path} is damaged: {n} records refer to records that do not exist.",
            len(links),
        ).format(path=path, n=len(links))
    else:
        message = _("{path} is damaged: SQLite's full check found errors in the file.").format(
            path=path
        )
    advice = _(
        "The file has not been changed. Restore a recent backup, and keep this file for "
        "someone with technical knowledge."
    )
    return CheckResult(False, f"{message} {advice}", tuple(problems))
