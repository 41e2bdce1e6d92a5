"""Conflict copies made by synchronisation programs, recognised and explained.

When two computers change a file in a synced folder before the sync program has passed
the change on, it keeps both: the file, and a copy with the other computer's version under
a name of its own. Nothing is merged; the board has to compare the two by hand.

- Dropbox: `koor (conflicted copy).sqlite`, `koor (Jan's conflicted copy 2024-05-01).sqlite`
  (also translated, e.g. `conflicterende kopie`), and generally `koor (Conflict 1).sqlite`;
  Nextcloud/ownCloud write the same form, or `koor_conflict-20240501-123456.sqlite`.
- Syncthing: `koor.sync-conflict-20240501-123456-ABCDEF7.sqlite`.
- OneDrive: `koor-LAPTOP.sqlite`, `koor-LAPTOP-2.sqlite` (the computer's name). Ordinary
  names look like that too, so only when `koor.sqlite` lies beside it and both hold the same
  association file id.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from verenigingsbeheer.db.backups import is_backup_name
from verenigingsbeheer.db.sqlite import read_file_uid
from verenigingsbeheer.i18n import _, ngettext

_PARENTHESISED = re.compile(
    r"^(?P<base>.+?)\s*\((?P<note>[^()]*(?:conflict|conflit|konflikt)[^()]*)\)(?P<ext>\.[^.()]+)?$",
    re.IGNORECASE,
)
_OWNCLOUD = re.compile(r"^(?P<base>.+?)_conflict[-_][^.]*(?P<ext>\.[^.]+)?$", re.IGNORECASE)
_SYNCTHING = re.compile(
    r"^(?P<base>.+?)\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]{7})?(?P<ext>\.[^.]+)?$"
)
_COMPUTER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Candidate:
    """A file name a copy may belong to."""

    original: str
    needs_same_file: bool  # only a conflict copy beside that file, with the same file id


def candidates(name: str) -> list[Candidate]:
    """The names `name` may be a conflict copy of; empty when it looks like no copy."""
    for pattern in (_PARENTHESISED, _OWNCLOUD, _SYNCTHING):
        match = pattern.match(name)
        if match:
            return [Candidate(match["base"] + (match["ext"] or ""), False)]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or is_backup_name(name):  # our own backups, kept beside it
        return []
    found = []
    for index in (i for i in range(len(stem) - 1, 0, -1) if stem[i] == "-"):
        suffix = stem[index + 1 :]
        # OneDrive adds a computer name (with a letter), not a date or a number.
        first = suffix.split("-")[0]
        if _COMPUTER.match(suffix) and not first.isdigit():
            found.append(Candidate(f"{stem[:index]}.{ext}", True))
    return found


def _same_file(copy: Path, original: Path, uid: str | None = None) -> bool:
    if not original.is_file():
        return False
    uid = uid or read_file_uid(original)
    return uid is not None and read_file_uid(copy) == uid


def original_of(path: Path) -> Path | None:
    """The file `path` is a conflict copy of, or None when it is not one."""
    path = Path(path)
    for candidate in candidates(path.name):
        original = path.with_name(candidate.original)
        if original == path:
            continue
        if not candidate.needs_same_file or _same_file(path, original):
            return original
    return None


def copies_beside(path: Path) -> list[Path]:
    """The conflict copies of `path` in its folder, by name."""
    path = Path(path)
    try:
        names = sorted(entry.name for entry in os.scandir(path.parent) if entry.is_file())
    except OSError:
        return []
    uid: str | None = None
    found = []
    for name in names:
        if name == path.name:
            continue
        for candidate in candidates(name):
            if candidate.original != path.name:
                continue
            if candidate.needs_same_file:
                uid = uid or read_file_uid(path)
                if uid is None or not _same_file(path.with_name(name), path, uid):
                    continue
            found.append(path.with_name(name))
            break
    return found


def notes(path: Path) -> list[str]:
    """What to tell the user about conflict copies when `path` is opened."""
    path = Path(path)
    said = []
    original = original_of(path)
    if original is not None:
        said.append(
            _(
                "{name} is a conflict copy of {original}. A synchronisation program (such as "
                "Dropbox, OneDrive, Nextcloud or Syncthing) makes one when two computers "
                "changed the file at the same time: this copy holds the changes of one "
                "computer, {original} those of the other. Nothing is merged automatically. "
                "Open both files separately to compare them, enter what is missing by hand "
                "in the one you keep, and then remove the other."
            ).format(name=path.name, original=original.name)
        )
    copies = copies_beside(path)
    if copies:
        said.append(
            ngettext(
                "Beside {name} lies {n} conflict copy: {copies}. A synchronisation program makes "
                "one when two computers changed the file at the same time; the copy holds "
                "the other computer's changes. Nothing is merged automatically. Open the "
                "copy separately to compare, enter what is missing by hand in the file you "
                "keep, and then remove the copy.",
                "Beside {name} lie {n} conflict copies: {copies}. A synchronisation program "
                "makes one when two computers changed the file at the same time; each copy "
                "holds another computer's changes. Nothing is merged automatically. Open the "
                "copies separately to compare, enter what is missing by hand in the file you "
                "keep, and then remove the copies.",
                len(copies),
            ).format(name=path.name, n=len(copies), copies=", ".join(c.name for c in copies))
        )
    return said
