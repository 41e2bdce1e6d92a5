"""Backups of association files: make, list, read, rotate and restore them (no Qt).

A backup is a consistent copy taken with SQLite's online backup API, never a plain copy
of a live file. It is a normal SQLite file, or with a passphrase an encrypted file whose
small header stays readable (see backup_crypto). The name tells whose backup it is, when
and why, so backups of several associations can share one folder:

    <file stem>-<8 characters of the file_uid>-<YYYYMMDD-HHMMSS>-<reason>[_n].sqlite
    koor-3fa9c1d2-20260307-101500-voor-import.sqlite       (".versleuteld" if encrypted)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from verenigingsbeheer.db import backup_crypto, sqlite
from verenigingsbeheer.db.backup_crypto import DamagedBackup
from verenigingsbeheer.db.backup_info import Contents, read_contents
from verenigingsbeheer.db.rotation import RotationPolicy, to_keep
from verenigingsbeheer.i18n import _

PLAIN_SUFFIX = ".sqlite"
ENCRYPTED_SUFFIX = ".versleuteld"
INDEX_FILE = "verenigingsbeheer-reservekopieen.json"
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<tag>[0-9a-f]{8})-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z][a-z0-9-]*?)"
    r"(?:_(?P<number>\d+))?(?P<suffix>\.sqlite|\.versleuteld)$"
)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupFile:
    """A backup as its name describes it (reading the name costs nothing)."""

    path: Path
    stem: str
    tag: str
    made_at: dt.datetime
    reason: str
    encrypted: bool
    size: int


def tag_of(file_uid: str) -> str:
    """The 8 characters of an association's file_uid that backup names carry."""
    try:
        return uuid.UUID(file_uid).hex[:8]
    except ValueError:  # a file_uid that is not a UUID (very old or hand-made files)
        return hashlib.sha256(file_uid.encode("utf-8")).hexdigest()[:8]


def is_backup_name(name: str) -> bool:
    """Whether a file name is one of ours for a backup (cheap: the name only)."""
    return _NAME.match(name) is not None


def parse(path: Path) -> BackupFile | None:
    """The backup a file name describes, or None when it is not one of ours."""
    found = _NAME.match(path.name)
    if found is None:
        return None
    try:
        made_at = dt.datetime.strptime(found["stamp"], STAMP)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupFile(
        path,
        found["stem"],
        found["tag"],
        made_at,
        found["reason"],
        found["suffix"] == ENCRYPTED_SUFFIX,
        size,
    )


def list_backups(folder: Path, tag: str | None = None) -> list[BackupFile]:
    """The backups in `folder` (of one association when `tag` is given), newest first."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [b for b in map(parse, entries) if b is not None and (tag is None or b.tag == tag)]
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def target_for(
    folder: Path, stem: str, file_uid: str, reason: str, when: dt.datetime, encrypted: bool
) -> Path:
    """A new name in `folder`, never an existing one."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", reason):
        raise ValueError(f"reason {reason!r} must be lower-case letters, digits and -")
    suffix = ENCRYPTED_SUFFIX if encrypted else PLAIN_SUFFIX
    base = f"{stem}-{tag_of(file_uid)}-{when.strftime(STAMP)}-{reason}"
    target, number = folder / f"{base}{suffix}", 2
    while target.exists():
        target, number = folder / f"{base}_{number}{suffix}", number + 1
    return target


def file_uid_of(path: Path) -> str:
    """The file_uid of an association file (any revision); sqlite3.Error when unreadable."""
    connection = sqlite.open_read_only(path)
    try:
        row = connection.execute("SELECT file_uid FROM association ORDER BY id").fetchone()
    finally:
        connection.close()
    if row is None:
        raise sqlite3.DatabaseError("no association row")
    return str(row[0])


def make_backup(
    source: Path,
    folder: Path,
    reason: str,
    *,
    now: dt.datetime,
    passphrase: str | None = None,
    target: Path | None = None,
) -> Path:
    """Back up `source` into `folder` (or exactly to `target`); encrypted with a passphrase.

    One snapshot through the backup API: the copy and the counts in its header agree.
    Raises OSError or sqlite3.Error when it cannot be made; nothing half-written stays.
    """
    memory = sqlite.copy_to_memory(source)
    try:
        try:
            contents = read_contents(memory, now.date())
        except sqlite3.DatabaseError:  # an empty or very old file: back it up all the same
            contents = Contents("", "", None)
        if target is None:
            target = target_for(
                folder, source.stem, contents.file_uid, reason, now, passphrase is not None
            )
        if passphrase is None:
            sqlite.write_copy(memory, target)
        else:
            header = contents.as_header() | {"made_at": now.isoformat(), "reason": reason}
            data = backup_crypto.encrypt(sqlite.image_of(memory), header, passphrase)
            sqlite.write_bytes_atomically(data, target)
    finally:
        memory.close()
    return target


def read_backup_contents(path: Path, on: dt.date | None = None) -> Contents:
    """What the restore screen shows; an encrypted backup needs no passphrase for this.

    The counts are those of the day the backup was made. DamagedBackup when unreadable.
    """
    if backup_crypto.is_encrypted(path):
        return Contents.from_header(backup_crypto.read_sealed(path, header_only=True).header)
    described = parse(path)
    day = on or (described.made_at.date() if described else dt.date.today())
    try:
        connection = sqlite.open_read_only(path)
        try:
            return read_contents(connection, day)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise _damaged(path, str(error)) from error


def load_checked(path: Path, passphrase: str | None) -> tuple[sqlite3.Connection, Contents]:
    """The backup's database in memory after the full check, and what it holds.

    WrongPassphrase, or DamagedBackup when it fails the check: then nothing may be
    restored from it.
    """
    try:
        if backup_crypto.is_encrypted(path):
            if passphrase is None:
                raise backup_crypto.WrongPassphrase(
                    _("{name} is encrypted: the passphrase is needed to restore it.").format(
                        name=path.name
                    )
                )
            memory = sqlite.from_image(backup_crypto.decrypt(path, passphrase))
        else:
            memory = sqlite.copy_to_memory(path)
    except sqlite3.Error as error:
        raise _damaged(path, str(error)) from error
    except OSError as error:
        raise DamagedBackup(sqlite.describe_error(error, path) or str(error)) from error
    problems = sqlite.check_connection(memory, full=True)
    contents = None
    if not problems:
        try:
            contents = read_contents(memory, dt.date.today())
        except sqlite3.Error as error:
            problems = [str(error)]
    if problems or contents is None:
        memory.close()
        raise _damaged(path, "; ".join(problems[:3]))
    return memory, contents


def _damaged(path: Path, why: str) -> DamagedBackup:
    log.warning("backup %s is damaged: %s", path, why)
    return DamagedBackup(
        _(
            "The backup {name} is damaged or is not a backup of an association file; "
            "it cannot be restored."
        ).format(name=path.name)
    )


def restore(
    backup: Path,
    live: Path,
    folder: Path,
    *,
    now: dt.datetime,
    passphrase: str | None = None,
    keep_passphrase: str | None = None,
) -> Path:
    """Replace the closed file `live` by `backup`; returns where the old file was kept.

    The backup is checked first (a damaged one is refused with `live` untouched); then
    the current file is kept as a "voor-terugzetten" backup (encrypted with
    `keep_passphrase` if given), then the backup is written beside `live` and renamed
    over it.
    """
    memory, _contents = load_checked(backup, passphrase)
    try:
        kept = keep_current(live, folder, now=now, passphrase=keep_passphrase)
        sqlite.replace_database(memory, live)
    finally:
        memory.close()
    return kept


def restore_new(backup: Path, live: Path, *, passphrase: str | None = None) -> None:
    """Restore `backup` as the new file `live` (after a lost laptop, say)."""
    memory, _contents = load_checked(backup, passphrase)
    try:
        sqlite.replace_database(memory, live)
    finally:
        memory.close()


def keep_current(live: Path, folder: Path, *, now: dt.datetime, passphrase: str | None) -> Path:
    """A "voor-terugzetten" backup of the file about to be replaced.

    A file too damaged for the backup API is copied as it is, under a name rotation
    never touches.
    """
    try:
        return make_backup(live, folder, "voor-terugzetten", now=now, passphrase=passphrase)
    except sqlite3.Error as error:
        log.warning("%s cannot be backed up (%s); keeping a plain copy", live, error)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{live.stem}-beschadigd-{now.strftime(STAMP)}{live.suffix}"
        shutil.copy2(live, target)
        return target


# The file as it was before a restore is the only copy of that state: kept for a year,
# whatever the rotation numbers say.
PROTECTED = {"voor-terugzetten": dt.timedelta(days=365)}


def _protected(backup: BackupFile, now: dt.datetime) -> bool:
    keep_for = PROTECTED.get(backup.reason)
    return keep_for is not None and now - backup.made_at < keep_for


def rotate(folder: Path, file_uid: str, policy: RotationPolicy, now: dt.datetime) -> list[Path]:
    """Delete the backups of this association that the policy does not keep.

    Only files whose name is one of our backup names with this association's tag, and
    whose contents (or header) name this very file_uid, are ever deleted.
    """
    backups = list_backups(folder, tag_of(file_uid))
    keep = to_keep([b.made_at for b in backups], now, policy)
    deleted = []
    for index, backup in enumerate(backups):
        if index in keep or _protected(backup, now):
            continue
        try:
            if read_backup_contents(backup.path).file_uid != file_uid:
                continue
        except (DamagedBackup, OSError):
            continue  # unreadable: not provably ours, so left alone
        with contextlib.suppress(OSError):
            backup.path.unlink()
            deleted.append(backup.path)
    return deleted


# -- which file was backed up last ----------------------------------------------------------
def recorded(folder: Path, file_uid: str) -> dict | None:
    """What the folder's index says about this association's latest backup, if anything."""
    try:
        index = json.loads((folder / INDEX_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    entry = index.get(file_uid) if isinstance(index, dict) else None
    return entry if isinstance(entry, dict) else None


def record(folder: Path, file_uid: str, fingerprint: tuple[int, int, int], backup: Path) -> None:
    """Note that `backup` holds the file as it was with `fingerprint` (atomic write)."""
    file = folder / INDEX_FILE
    try:
        index = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    if not isinstance(index, dict):
        index = {}
    index[file_uid] = {"fingerprint": list(fingerprint), "backup": backup.name}
    partial = file.with_name(file.name + ".tmp")
    partial.write_text(json.dumps(index, indent=1, sort_keys=True), encoding="utf-8")
    partial.replace(file)


def changed_since_backup(folder: Path, file_uid: str, fingerprint: tuple[int, int, int]) -> bool:
    """True unless the index names an existing backup made of exactly this state."""
    entry = recorded(folder, file_uid)
    if entry is None or list(fingerprint) != entry.get("fingerprint"):
        return True
    name = entry.get("backup")
    return not (isinstance(name, str) and (folder / name).is_file())
