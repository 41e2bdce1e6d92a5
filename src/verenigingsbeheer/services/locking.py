"""One writer at a time, for the fronts: taking a file's lock and saying who holds it.

The lock itself is `db.lock` (plain Python). This module words it for people: who has the
file open, on which computer and since when, and what a stale lock means. The window asks
what to do; a writing command follows a fixed policy (`holding_for_command`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from verenigingsbeheer.db.lock import (
    DEAD,
    HEARTBEAT_EVERY,
    SILENT,
    UNREADABLE,
    FileLock,
    Holder,
    LockHeld,
    LockLost,
    acquire,
    lock_path,
    read_lock,
)
from verenigingsbeheer.db.sqlite import describe_error
from verenigingsbeheer.errors import FileInUse, UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date

__all__ = [
    "DEAD",
    "HEARTBEAT_EVERY",
    "SILENT",
    "UNREADABLE",
    "FileLock",
    "Holder",
    "LockHeld",
    "LockLost",
    "acquire",
    "holding_for_command",
    "in_use_message",
    "lock_path",
    "read_lock",
    "read_only_banner",
    "taken_over_note",
]
log = logging.getLogger(__name__)


def moment_text(moment: dt.datetime) -> str:
    """`7 maart 2026 om 14:02`, in this computer's time zone."""
    local = moment.astimezone()
    return _("{date} at {time}").format(date=format_date(local.date()), time=f"{local:%H:%M}")


def _names(holder: Holder) -> dict[str, str]:
    return {
        "user": holder.user or _("someone"),
        "host": holder.host or _("an unknown computer"),
        "since": moment_text(holder.since),
        "heartbeat": moment_text(holder.heartbeat),
    }


def in_use_message(held: LockHeld) -> str:
    """Who has the file open and since when; for a stale lock, why it looks abandoned."""
    name = held.data_file.name
    if held.holder is None:
        return _(
            "{name} has a lock file that cannot be read ({lock}); it was probably left "
            "behind when a program or computer stopped halfway."
        ).format(name=name, lock=lock_path(held.data_file).name)
    names = _names(held.holder)
    if held.stale == DEAD:
        return _(
            "{name} was opened by {user} on this computer ({host}) on {since}, but that "
            "program is no longer running; it probably stopped without closing the file."
        ).format(name=name, **names)
    if held.stale == SILENT:
        return _(
            "{name} was opened by {user} on the computer {host} on {since}, but that program "
            "has given no sign of life since {heartbeat}. It may have stopped, or the "
            "computer may be switched off or asleep."
        ).format(name=name, **names)
    return _("{name} is in use: {user} has it open on the computer {host} since {since}.").format(
        name=name, **names
    )


def read_only_banner(held: LockHeld | None) -> str:
    """The line the window shows while a file is open read-only."""
    if held is None or held.holder is None:
        return _("Read-only — changes cannot be saved")
    return _("Read-only — opened by {user} on {host} since {since}").format(**_names(held.holder))


def taken_over_note(held: LockHeld) -> str:
    """Said after a stale lock was replaced by ours."""
    if held.holder is None:
        return _("The unreadable lock file of {name} was replaced.").format(
            name=held.data_file.name
        )
    return _(
        "The lock that {user} on {host} left on {name} (since {since}) was no longer in use "
        "and has been taken over."
    ).format(name=held.data_file.name, **_names(held.holder))


def lock_lost_message(lost: LockLost) -> str:
    if lost.holder is None:
        return _("Another program has taken over {name}.").format(name=lost.data_file.name)
    return _(
        "{user} on {host} has taken over {name}, because this program gave no sign of life "
        "for a while (was the computer asleep?)."
    ).format(name=lost.data_file.name, **_names(lost.holder))


def _command_takes_over(held: LockHeld) -> bool:
    """A command takes over only what certainly is abandoned: a dead process of this
    computer, or a lock file nobody can read. A silent one may be a sleeping laptop."""
    return held.stale in (DEAD, UNREADABLE)


@contextlib.contextmanager
def holding_for_command(data_file: Path, note: Callable[[str], None]) -> Iterator[None]:
    """The lock for one writing command, kept alive while it runs and released at the end.

    FileInUse (a UserError) when another program holds it: the command writes nothing.
    """
    data_file = Path(data_file)
    if not data_file.parent.is_dir():  # the command itself says the folder is missing
        yield
        return
    try:
        lock = acquire(data_file, take_over=_command_takes_over)
    except LockHeld as held:
        if held.stale == SILENT:
            advice = _(
                "Nothing was changed. If the program is no longer running there, open the "
                "file in the window and take it over."
            )
        else:
            advice = _("Nothing was changed. Try again when it has been closed there.")
        raise FileInUse(f"{in_use_message(held)} {advice}") from None
    except OSError as error:
        where = lock_path(data_file)
        raise UserError(describe_error(error, where) or str(error)) from error
    if lock.taken_over is not None:
        note(taken_over_note(lock.taken_over))
    stop = threading.Event()
    beat = threading.Thread(target=_keep_alive, args=(lock, stop), daemon=True)
    beat.start()
    try:
        yield
    finally:
        stop.set()
        beat.join(timeout=5)
        lock.release()


def _keep_alive(lock: FileLock, stop: threading.Event) -> None:
    """A long command (a large restore) must not look abandoned to others."""
    while not stop.wait(HEARTBEAT_EVERY.total_seconds()):
        try:
            lock.refresh()
        except (LockLost, OSError) as error:
            log.warning("lock of %s: %s", lock.data_file, error)
            return
