"""The window's side of one writer at a time: take the lock when a file is opened (asking
when someone else has it), keep its heartbeat going, let go when the file closes.

Also explains synced-folder conflict copies when a file is opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from verenigingsbeheer.errors import FileInUse
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import conflicts, locking
from verenigingsbeheer.services.files import (
    AssociationFile,
    describe_error,
    open_association_file,
)
from verenigingsbeheer.ui.asker import Asker

log = logging.getLogger(__name__)


@dataclass
class Opened:
    database: AssociationFile
    lock: locking.FileLock | None  # None: open read-only
    banner: str | None = None  # the read-only line for the window


class Cancelled(Exception):
    """The user chose not to open a file that is in use."""


class LockKeeper:
    """Holds the lock of the open file and refreshes its heartbeat every minute."""

    def __init__(self, lost: Callable[[locking.LockLost], None], interval_ms: int | None = None):
        self.lock: locking.FileLock | None = None
        self._lost = lost
        self._timer = QTimer()
        self._timer.setInterval(interval_ms or int(locking.HEARTBEAT_EVERY.total_seconds() * 1000))
        self._timer.timeout.connect(self.beat)

    def holds(self, path: Path) -> bool:
        return self.lock is not None and _same(self.lock.data_file, path)

    def hold(self, lock: locking.FileLock | None) -> None:
        """Keep `lock` (None for a read-only file); the previous one is released."""
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock = lock
        if lock is None:
            self._timer.stop()
        else:
            self._timer.start()

    def beat(self) -> None:
        if self.lock is None:
            return
        try:
            self.lock.refresh()
        except locking.LockLost as lost:  # theirs now; the lock will not remove it
            self.hold(None)
            self._lost(lost)
        except OSError as error:  # a network folder away for a moment: try next minute
            log.warning("heartbeat of %s failed: %s", self.lock.path, error)

    def verify(self) -> None:
        """Before every commit: is the lock still ours? If someone has taken it over (a
        laptop woke up after its heartbeat went silent), nothing is written: a UserError
        says why, and the window turns read-only right after."""
        if self.lock is None:
            return
        try:
            self.lock.refresh()
        except locking.LockLost as lost:
            self.hold(None)
            QTimer.singleShot(0, lambda taken=lost: self._lost(taken))
            raise FileInUse(
                locking.lock_lost_message(lost) + " " + _("Nothing was saved.")
            ) from None
        except OSError as error:  # a network folder away for a moment: the write decides
            log.warning("checking the lock %s failed: %s", self.lock.path, error)

    def release(self) -> None:
        self.hold(None)


def open_for_window(
    path: Path,
    backup_dir: Path,
    asker: Asker,
    parent: QWidget | None,
    keeper: LockKeeper,
    *,
    passphrase: str | None = None,
) -> Opened:
    """Take the lock, then open the file (read-only when the user chose so); a backup
    before an upgrade goes to `backup_dir`, encrypted with `passphrase` when given.

    Raises Cancelled when the user cancelled, UserError when the file cannot be opened.
    """
    path = Path(path)
    if not path.is_file():  # says why (missing, a folder) without making a lock beside it
        open_association_file(path, backup_dir).close()
    if keeper.holds(path):  # the same file again
        return Opened(open_association_file(path, backup_dir, passphrase=passphrase), keeper.lock)
    lock, banner = _take_lock(path, asker, parent)
    try:
        database = open_association_file(
            path, backup_dir, read_only=lock is None, passphrase=passphrase
        )
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Opened(database, lock, banner)


def _take_lock(
    path: Path, asker: Asker, parent: QWidget | None
) -> tuple[locking.FileLock | None, str | None]:
    """Our lock, or (None, banner) for read-only; asks when someone else holds it."""
    take_over = None
    while True:
        try:
            return locking.acquire(path, take_over=take_over), None
        except locking.LockHeld as held:
            stale = held.stale is not None
            if stale:
                advice = _(
                    "If you are sure the file is no longer open there, take it over. "
                    "Otherwise open it read-only: you can see everything, but not change it."
                )
            else:
                advice = _(
                    "You can open it read-only: you can see everything, but not change "
                    "anything until it has been closed there."
                )
            answer = asker.file_in_use(parent, f"{locking.in_use_message(held)}\n\n{advice}", stale)
            if answer == "read_only":
                return None, locking.read_only_banner(held)
            if answer != "take_over":
                raise Cancelled from None
            # Only the lock the user saw: one that changed meanwhile is asked about again.
            take_over = lambda found, seen=held: (  # noqa: E731
                found.stale is not None and found.holder == seen.holder
            )
        except OSError as error:  # the folder cannot be written (a CD, a read-only share)
            reason = describe_error(error, locking.lock_path(path)) or str(error)
            advice = _("The file can only be opened read-only here.")
            if asker.file_in_use(parent, f"{reason}\n\n{advice}", False) != "read_only":
                raise Cancelled from None
            return None, locking.read_only_banner(None)


def explain_conflicts(asker: Asker, parent: QWidget | None, path: Path) -> None:
    """A conflict copy of a synced folder, or copies beside the file: what to do."""
    for note in conflicts.notes(path):
        asker.inform(parent, _("Conflict copy"), note)


def lost_message(lost: locking.LockLost) -> str:
    then = _(
        "Everything you did until now has been saved. From now on the file is open "
        "read-only here; open it again later to change it."
    )
    return f"{locking.lock_lost_message(lost)} {then}"


def lost_banner(lost: locking.LockLost) -> str:
    return locking.read_only_banner(locking.LockHeld(lost.data_file, lost.holder, None))


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return Path(a) == Path(b)
