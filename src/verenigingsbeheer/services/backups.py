"""Backups for the window and the command line: where they go, when they are made,
restoring one, and checking a file.

The data layer (db.backups) makes and reads the files; this module applies the user's
settings (folder, rotation, encryption) and says in Dutch what happened.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from verenigingsbeheer.db import backups as store
from verenigingsbeheer.db import sqlite as seam
from verenigingsbeheer.db.backup_crypto import (
    DamagedBackup,
    WrongPassphrase,
    passphrase_fits,
    passphrase_problem,
)
from verenigingsbeheer.db.backup_info import Contents
from verenigingsbeheer.db.backups import BackupFile
from verenigingsbeheer.db.rotation import RotationPolicy
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.paths import Paths
from verenigingsbeheer.services.files import AssociationFile, describe_error
from verenigingsbeheer.settings import Settings

__all__ = [
    "BackupConfig",
    "BackupFile",
    "Contents",
    "DamagedBackup",
    "WrongPassphrase",
    "backup_before",
    "backup_if_changed",
    "config_for",
    "make_backup",
    "passphrase_fits",
    "passphrase_problem",
]

PASSPHRASE_FILE = "reservekopie-wachtwoord"
ENV_PASSPHRASE = "VERENIGINGSBEHEER_WACHTWOORD"
Clock = Callable[[], dt.datetime]
log = logging.getLogger(__name__)

# Why a backup was made: the code in the file name, and what the restore screen says.
REASONS = {
    "bij-openen": N_("opened after a change"),
    "handmatig": N_("made by hand"),
    "voor-import": N_("before an import"),
    "voor-anonimiseren": N_("before anonymisation"),
    "voor-terugzetten": N_("before restoring a backup"),
    "voor-upgrade": N_("before an upgrade"),
}


def reason_label(reason: str) -> str:
    """ "voor-upgrade-0004" -> "before an upgrade (0004)"; unknown codes as they are."""
    if reason in REASONS:
        return _(REASONS[reason])
    base, _sep, rest = reason.rpartition("-")
    if base in REASONS:
        return _(REASONS[base]) + f" ({rest})"
    return reason


@dataclass(frozen=True)
class BackupConfig:
    """The settings of this computer, resolved: where backups go and how they are made."""

    folder: Path
    policy: RotationPolicy
    encrypt: bool
    passphrase: str | None  # the kept passphrase, when encryption is on
    note: str = ""  # for the user: why the chosen folder is not used this time

    def required_passphrase(self) -> str | None:
        """The passphrase new backups need; UserError when encryption is on without one."""
        if not self.encrypt:
            return None
        if not self.passphrase:
            raise UserError(
                _(
                    "Backups are to be encrypted, but the passphrase is missing on this "
                    "computer. Enter it again on the Backups page; no backup was made."
                )
            )
        return self.passphrase


def config_for(settings: Settings, paths: Paths) -> BackupConfig:
    """The backup folder (the chosen one, or the default with a note if it is missing)."""
    folder, note = paths.backup_dir, ""
    if settings.backup_folder:
        chosen = Path(settings.backup_folder)
        if chosen.is_dir():
            folder = chosen
        else:
            note = _(
                "The backup folder {chosen} cannot be found (is the USB stick plugged in?). "
                "Backups go to {folder} until it is back."
            ).format(chosen=chosen, folder=paths.backup_dir)
    policy = RotationPolicy(
        daily=settings.backup_keep_daily,
        weekly=settings.backup_keep_weekly,
        monthly=settings.backup_keep_monthly,
    )
    passphrase = load_passphrase(paths) if settings.backup_encrypted else None
    return BackupConfig(folder, policy, settings.backup_encrypted, passphrase, note)


# -- the kept passphrase ---------------------------------------------------------------------
def passphrase_file(paths: Paths) -> Path:
    """Where the passphrase is kept so automatic backups can be encrypted (owner-only)."""
    return paths.config_dir / PASSPHRASE_FILE


def load_passphrase(paths: Paths) -> str | None:
    try:
        text = passphrase_file(paths).read_text(encoding="utf-8")
    except OSError:
        return None
    return text or None


def save_passphrase(paths: Paths, passphrase: str) -> None:
    """Keep the passphrase in a file only this computer's user may read (0600)."""
    problem = passphrase_problem(passphrase)
    if problem:
        raise UserError(problem)
    file = passphrase_file(paths)
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_name(file.name + ".tmp")
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(passphrase)
    partial.replace(file)


def forget_passphrase(paths: Paths) -> None:
    passphrase_file(paths).unlink(missing_ok=True)


# -- making backups --------------------------------------------------------------------------
def make_backup(
    path: Path, reason: str, config: BackupConfig, now: Clock = dt.datetime.now
) -> Path:
    """A backup of the file at `path` in the backup folder, then rotation.

    UserError (in Dutch) when it cannot be made.
    """
    passphrase = config.required_passphrase()
    moment = now()
    try:
        before = seam.fingerprint(path)
        config.folder.mkdir(parents=True, exist_ok=True)
        target = store.make_backup(path, config.folder, reason, now=moment, passphrase=passphrase)
        file_uid = store.read_backup_contents(target).file_uid
        if file_uid:
            store.record(config.folder, file_uid, before, target)
            store.rotate(config.folder, file_uid, config.policy, moment)
    except (OSError, sqlite3.Error) as error:
        log.warning("backup of %s into %s failed: %s", path, config.folder, error)
        why = describe_error(error, config.folder) or str(error)
        raise UserError(
            _("No backup could be made in {folder}. {why}").format(folder=config.folder, why=why)
        ) from error
    return target


def backup_before(
    database: AssociationFile, reason: str, config: BackupConfig, now: Clock = dt.datetime.now
) -> Path:
    """Back up the open file before a bulk action; call it before every one.

    For imports (`reason="voor-import"`), anonymisation (`"voor-anonimiseren"`) and, later,
    charge generation: a consistent copy in the backup folder (encrypted if chosen),
    recorded and rotated, so the board can go back to the moment before the action.
    Call it outside the action's transaction. Raises UserError (Dutch, say it to the user)
    when no backup could be made; then do not start the action. Build `config` with
    `config_for(settings, paths)`.
    """
    return make_backup(database.path, reason, config, now)


def backup_to(path: Path, out: Path, config: BackupConfig, now: Clock = dt.datetime.now) -> Path:
    """A backup to a file the user named (no rotation); encrypted when that is chosen, and
    then named so (`.versleuteld` added), since it is no plain SQLite file any more."""
    if config.encrypt and out.suffix != store.ENCRYPTED_SUFFIX:
        out = out.with_name(out.name + store.ENCRYPTED_SUFFIX)
    if out.exists():
        raise UserError(_("{path} already exists; choose another name.").format(path=out))
    if not out.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=out.parent))
    passphrase = config.required_passphrase()
    try:
        return store.make_backup(
            path, out.parent, "handmatig", now=now(), passphrase=passphrase, target=out
        )
    except (OSError, sqlite3.Error) as error:
        raise UserError(describe_error(error, out) or str(error)) from error


def backup_if_changed(
    database: AssociationFile, config: BackupConfig, now: Clock = dt.datetime.now
) -> tuple[Path | None, str]:
    """On opening: a backup when the file changed since its last one.

    Never stops the open: returns (the new backup or None, a note for the user or "").
    """
    try:
        file_uid = store.file_uid_of(database.path)
        fingerprint = seam.fingerprint(database.path)
    except (OSError, sqlite3.Error) as error:
        log.warning("cannot tell whether %s changed: %s", database.path, error)
        return None, ""
    if not store.changed_since_backup(config.folder, file_uid, fingerprint):
        return None, ""
    try:
        return make_backup(database.path, "bij-openen", config, now), ""
    except UserError as error:
        return None, error.message


def list_backups(database: AssociationFile, config: BackupConfig) -> list[BackupFile]:
    """This association's backups in the backup folder, newest first."""
    try:
        tag = store.tag_of(store.file_uid_of(database.path))
    except (OSError, sqlite3.Error):
        return []
    return store.list_backups(config.folder, tag)


def contents_of(backup: Path) -> Contents:
    """What a backup holds (date, counts...); DamagedBackup when it cannot be read."""
    return store.read_backup_contents(backup)


def is_other_association(backup: Path, live: Path) -> bool:
    """True when `backup` belongs to another association file than `live` (other file_uid)."""
    try:
        return contents_of(backup).file_uid != store.file_uid_of(live)
    except (OSError, sqlite3.Error):
        return False  # the current file is unreadable: nothing to compare with


def restore(
    live: Path,
    backup: Path,
    config: BackupConfig,
    passphrase: str | None = None,
    now: Clock = dt.datetime.now,
) -> Path:
    """Replace the closed file `live` by `backup`, keeping the current one as a backup first.

    `passphrase` opens an encrypted backup (default: the kept one). A damaged backup or a
    wrong passphrase is refused with a UserError and `live` stays as it was. Returns
    where the previous file was kept.
    """
    moment = now()
    opening = passphrase or config.passphrase
    # With encryption on, the current file is kept encrypted: with the kept passphrase,
    # else with the one that opens this backup.
    keeping = (config.passphrase or opening) if config.encrypt else None
    try:
        if config.encrypt and not keeping:
            store.load_checked(backup, opening)[0].close()  # says why it cannot be opened
            config.required_passphrase()
        kept = store.restore(
            backup, live, config.folder, now=moment, passphrase=opening, keep_passphrase=keeping
        )
        _log_restore(live, backup, moment)
        file_uid = store.file_uid_of(live)
        store.record(config.folder, file_uid, seam.fingerprint(live), backup)
    except (OSError, sqlite3.Error) as error:
        raise UserError(describe_error(error, live) or str(error)) from error
    return kept


def _log_restore(live: Path, backup: Path, moment: dt.datetime) -> None:
    """The restored file's log says it was restored, and from what (a file from before the
    audit log has no log to say it in)."""
    import getpass

    from sqlalchemy import inspect as sa_inspect

    from verenigingsbeheer.db.database import Database
    from verenigingsbeheer.db.models import AuditAction

    found = store.parse(backup)
    when = found.made_at if found else None
    text = (
        _("Restored from the backup of {when}").format(when=when.strftime("%d-%m-%Y %H:%M"))
        if when
        else _("Restored from {name}").format(name=backup.name)
    )
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = ""
    database = Database(live)
    try:
        with database.transaction() as session:
            if sa_inspect(session.connection()).has_table(AuditAction.__tablename__):
                session.add(AuditAction(at=moment, who=user, kind="restore", description=text))
    finally:
        database.close()


def restore_new(
    live: Path, backup: Path, config: BackupConfig, passphrase: str | None = None
) -> None:
    """Restore `backup` as a new file at `live` (which must not exist)."""
    if live.exists():
        raise UserError(_("{path} already exists; choose another name.").format(path=live))
    try:
        store.restore_new(backup, live, passphrase=passphrase or config.passphrase)
    except (OSError, sqlite3.Error) as error:
        raise UserError(describe_error(error, live) or str(error)) from error


def newest_good_backup(live: Path, config: BackupConfig) -> tuple[BackupFile, Contents] | None:
    """For a damaged file: its newest backup that passes the full check (or None)."""
    try:
        tag = store.tag_of(store.file_uid_of(live))
        candidates = store.list_backups(config.folder, tag)
    except (OSError, sqlite3.Error):  # too damaged to say whose it is: go by the name
        candidates = [b for b in store.list_backups(config.folder) if b.stem == live.stem]
    for backup in candidates:
        if backup.encrypted and not config.passphrase:
            continue
        try:
            memory, contents = store.load_checked(backup.path, config.passphrase)
        except UserError:
            continue
        memory.close()
        return backup, contents
    return None
