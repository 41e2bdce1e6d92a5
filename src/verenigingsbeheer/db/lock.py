"""One writer at a time: a lock file beside the association file.

`koor.sqlite` is guarded by `koor.sqlite.lock`, a small JSON file that says who holds it
(host, user, process id, since, heartbeat). It is a file and never a row in the database,
so copies and backups of the database carry no lock. Plain Python, so the window and the
command line share it; the window refreshes the heartbeat every minute.

Creating is atomic: the content goes to a private temporary file that is then hard-linked
to the lock's name, which fails when the name exists; where a file system has no hard
links (FAT, some network shares) the lock is made with O_CREAT|O_EXCL, and a reader gives
a lock that is still empty a short grace. Taking over a stale lock goes through a second
file (`.takeover`, again O_EXCL), so two programs that both saw the stale lock never both
take it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

LOCK_SUFFIX = ".lock"
HEARTBEAT_EVERY = dt.timedelta(minutes=1)
STALE_AFTER = dt.timedelta(minutes=10)
UNREADABLE_GRACE = 2.0  # seconds a lock file may be empty while its maker writes it
GUARD_ABANDONED_AFTER = 5.0  # seconds; a takeover takes milliseconds
PROGRAM = "Verenigingsbeheer"

# Why a lock is stale; None means it is live.
DEAD = "dead"  # this computer, and the process that made it is gone
SILENT = "silent"  # no heartbeat for longer than STALE_AFTER
UNREADABLE = "unreadable"  # not a lock we can read, and not being written either


def now() -> dt.datetime:
    """This moment in local time, to the second (as the lock file holds it)."""
    return dt.datetime.now(dt.UTC).astimezone().replace(microsecond=0)


def this_host() -> str:
    return socket.gethostname()


def user_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name known to the system
        return ""


def lock_path(data_file: Path) -> Path:
    """`koor.sqlite` -> `koor.sqlite.lock`, in the same folder."""
    data_file = Path(data_file)
    return data_file.with_name(data_file.name + LOCK_SUFFIX)


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as written in the lock file."""

    host: str
    user: str
    pid: int
    since: dt.datetime
    heartbeat: dt.datetime
    token: str = ""  # tells our own lock from an equal-looking one (a reused pid)

    def to_json(self) -> str:
        data = asdict(self)
        data["since"] = self.since.isoformat(timespec="seconds")
        data["heartbeat"] = self.heartbeat.isoformat(timespec="seconds")
        return json.dumps({"program": PROGRAM, **data}, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Holder:
        """Raises ValueError when `text` is not a complete lock."""
        try:
            data = json.loads(text)
            return cls(
                host=str(data["host"]),
                user=str(data["user"]),
                pid=int(data["pid"]),
                since=_moment(data["since"]),
                heartbeat=_moment(data["heartbeat"]),
                token=str(data.get("token", "")),
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"not a lock: {error}") from error

    def on_this_host(self) -> bool:
        return self.host.casefold() == this_host().casefold()

    def stale_reason(self, at: dt.datetime | None = None, after=STALE_AFTER) -> str | None:
        """DEAD or SILENT when the lock may be taken over; None while it is live."""
        if self.on_this_host() and not process_alive(self.pid):
            return DEAD
        # A heartbeat in the future (another computer's clock runs ahead) counts as fresh.
        if (at or now()) - self.heartbeat > after:
            return SILENT
        return None


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.astimezone()


class LockHeld(Exception):
    """Someone else holds the lock; `stale` says whether it may be taken over."""

    def __init__(self, data_file: Path, holder: Holder | None, stale: str | None) -> None:
        super().__init__(f"{data_file} is locked by {holder} (stale: {stale})")
        self.data_file = Path(data_file)
        self.holder = holder  # None when the lock file cannot be read
        self.stale = stale


class LockLost(Exception):
    """Our lock was taken over (we looked dead or silent to another program)."""

    def __init__(self, data_file: Path, holder: Holder | None) -> None:
        super().__init__(f"the lock of {data_file} was taken over by {holder}")
        self.data_file = Path(data_file)
        self.holder = holder


class UnreadableLock(ValueError):
    """A lock file exists but holds no lock we can read."""


def read_lock(data_file: Path) -> Holder | None:
    """Who holds the lock of `data_file`; None when nobody does."""
    return _read(lock_path(data_file))


def _read(lock_file: Path) -> Holder | None:
    try:
        text = lock_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as error:
        raise UnreadableLock(str(error)) from error
    try:
        return Holder.from_json(text)
    except ValueError as error:
        raise UnreadableLock(str(error)) from error


class FileLock:
    """Our hold on a data file's lock. Release it when done (also a context manager)."""

    def __init__(self, data_file: Path, holder: Holder, taken_over: LockHeld | None = None):
        self.data_file = Path(data_file)
        self.path = lock_path(data_file)
        self.holder = holder
        self.taken_over = taken_over  # the stale lock we replaced, for a note to the user
        self.released = False

    def refresh(self) -> None:
        """Write a new heartbeat; LockLost when someone else has taken the lock over (it
        is then theirs: this object counts as released and never removes it)."""
        if self.released:
            return
        try:
            current = _read(self.path)
        except UnreadableLock:
            current = self.holder  # damaged by something else: write ours again
        fresh = replace(self.holder, heartbeat=now())
        if current is None:  # removed by hand: take it again, unless someone was quicker
            if not _create(self.path, fresh):
                self.released = True
                raise LockLost(self.data_file, _read_quietly(self.path))
        elif current.token != self.holder.token:
            self.released = True
            raise LockLost(self.data_file, current)
        else:
            _write_over(self.path, fresh)
        self.holder = fresh

    def release(self) -> None:
        """Remove the lock file, but only while it is still ours. Never raises."""
        if self.released:
            return
        self.released = True
        with contextlib.suppress(OSError, UnreadableLock):
            current = _read(self.path)
            if current is not None and current.token == self.holder.token:
                self.path.unlink(missing_ok=True)

    def __enter__(self) -> FileLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire(
    data_file: Path,
    *,
    user: str | None = None,
    take_over: Callable[[LockHeld], bool] | None = None,
    grace: float = UNREADABLE_GRACE,
) -> FileLock:
    """Take the lock of `data_file`, or raise LockHeld saying who holds it.

    A stale lock is taken over only when `take_over(held)` agrees; the FileLock then
    says whose it was. OSError when the folder cannot be written.
    """
    lock_file = lock_path(data_file)
    moment = now()
    mine = Holder(
        host=this_host(),
        user=user_name() if user is None else user,
        pid=os.getpid(),
        since=moment,
        heartbeat=moment,
        token=uuid.uuid4().hex,
    )
    give_up = time.monotonic() + grace + GUARD_ABANDONED_AFTER + 1
    while True:
        if _create(lock_file, mine):
            return FileLock(data_file, mine)
        try:
            holder = _read(lock_file)
        except UnreadableLock:
            if _age(lock_file) < grace and time.monotonic() < give_up:
                time.sleep(0.05)  # probably being written right now
                continue
            holder, stale = None, UNREADABLE
        else:
            if holder is None:
                continue  # released just now: try again
            stale = holder.stale_reason()
        held = LockHeld(data_file, holder, stale)
        if stale is None or take_over is None or not take_over(held):
            raise held
        if _replace_stale(lock_file, holder, mine):
            return FileLock(data_file, mine, taken_over=held)
        if time.monotonic() > give_up:
            raise held
        time.sleep(0.05)  # another program is taking it over: see who won


def _create(lock_file: Path, holder: Holder) -> bool:
    """Make the lock file with `holder` in it; False when it exists already."""
    data = holder.to_json().encode("utf-8")
    temp = lock_file.with_name(f"{lock_file.name}.{holder.token}.tmp")
    _write_new(temp, data)
    try:
        os.link(temp, lock_file)
        return True
    except FileExistsError:
        return False
    except OSError:  # no hard links on this file system
        return _create_exclusive(lock_file, data)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _create_exclusive(lock_file: Path, data: bytes) -> bool:
    try:
        descriptor = os.open(lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _write_new(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _write_over(lock_file: Path, holder: Holder) -> None:
    """Replace the lock's content at once: readers see the old or the new, never half."""
    temp = lock_file.with_name(f"{lock_file.name}.{uuid.uuid4().hex}.tmp")
    try:
        _write_new(temp, holder.to_json().encode("utf-8"))
        os.replace(temp, lock_file)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _replace_stale(lock_file: Path, stale: Holder | None, mine: Holder) -> bool:
    """Put our lock in place of the stale one we saw; False when it changed meanwhile."""
    guard = lock_file.with_name(lock_file.name + ".takeover")
    if not _take_guard(guard):
        return False
    try:
        try:
            current = _read(lock_file)
        except UnreadableLock:
            if stale is not None:
                return False
        else:
            if stale is None or current != stale:
                return False  # taken over, released or refreshed meanwhile
        _write_over(lock_file, mine)
        return True
    finally:
        with contextlib.suppress(OSError):
            guard.unlink()


def _take_guard(guard: Path) -> bool:
    for _attempt in range(2):
        try:
            os.close(os.open(guard, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            return True
        except FileExistsError:
            if _age(guard) < GUARD_ABANDONED_AFTER:
                return False
            with contextlib.suppress(OSError):  # left by a program that crashed mid-takeover
                guard.unlink()
    return False


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _read_quietly(lock_file: Path) -> Holder | None:
    try:
        return _read(lock_file)
    except (OSError, UnreadableLock):
        return None


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (a zombie counts as dead)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, but belongs to another user
    except OSError:
        return True  # cannot tell: keep the lock
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def _windows_process_alive(pid: int) -> bool:
    """os.kill would end the process on Windows; ask the kernel instead."""
    import ctypes

    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == access_denied  # type: ignore[attr-defined]
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
