"""Everything SQLite-specific, behind one seam.

The rest of the program talks SQLAlchemy; pragmas, the file header check and the
online backup API live here, so a later PostgreSQL backend replaces only this module.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

SQLITE_HEADER = b"SQLite format 3\x00"
# "VBEH" as a 32-bit number: marks our files in the SQLite header (PRAGMA application_id).
APPLICATION_ID = int.from_bytes(b"VBEH", "big")
BUSY_TIMEOUT_MS = 5000


def url_for(path: Path, *, read_only: bool = False) -> URL:
    """The engine URL; built from parts, so `%`, `?` or `#` in a file name stay literal.

    Read-only opens an SQLite URI with `mode=ro`: SQLite itself then refuses every write.
    """
    if not read_only:
        return URL.create("sqlite", database=str(path))
    uri = Path(os.path.abspath(path)).as_uri()  # percent-encodes what a URI cannot hold
    return URL.create("sqlite", database=uri, query={"mode": "ro", "uri": "true"})


def configure_dbapi_connection(dbapi_connection: Any, *, foreign_keys: bool = True) -> None:
    """Pragmas set on every new connection.

    The rollback journal (not WAL) keeps the main file complete after every commit,
    because synced folders copy only that file.
    """
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see make_engine
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=FULL")
    # Deleted and overwritten data is zeroed, not left in free pages: after anonymising,
    # nothing of the person can be read back from the file (SQLite builds differ in the
    # default, so it is set here).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def set_foreign_keys(dbapi_connection: Any, enabled: bool) -> None:
    """Switch foreign keys; SQLite ignores this inside a transaction, so call it outside."""
    dbapi_connection.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")


def foreign_key_problems(dbapi_connection: Any) -> list[tuple]:
    return list(dbapi_connection.execute("PRAGMA foreign_key_check").fetchall())


def make_engine(path: Path, *, foreign_keys: bool = True, read_only: bool = False) -> Engine:
    """An engine whose transactions are real SQLite transactions (BEGIN ... COMMIT)."""
    engine = create_engine(url_for(path, read_only=read_only))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        configure_dbapi_connection(dbapi_connection, foreign_keys=foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def has_sqlite_header(path: Path) -> bool:
    """True when the file starts like an SQLite database; OSError when it cannot be read."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def read_schema_state(path: Path) -> tuple[set[str], str | None, int]:
    """The table names, the Alembic revision and the application id stored in the file.

    Raises sqlite3.DatabaseError when the file is not a readable database.
    """
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        return tables, revision, application_id
    finally:
        connection.close()


def read_file_uid(path: Path) -> str | None:
    """The association's file id (the same in a file and its copies), read without writing;
    None when `path` is not a readable association file."""
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except (sqlite3.Error, OSError):
        return None
    try:
        row = connection.execute("SELECT file_uid FROM association ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return row[0] if row else None


def backup_file(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (never a plain file copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dest = sqlite3.connect(str(partial))
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def describe_error(error: BaseException, path: Path | None = None) -> str | None:
    """A Dutch (translated) explanation of a storage problem, or None if it is not one.

    Covers the operating system's errors and SQLite's, also when SQLAlchemy wrapped them.
    """
    from verenigingsbeheer.i18n import _

    where = str(path) if path is not None else str(getattr(error, "filename", "") or "")
    original = getattr(error, "orig", None) or error
    if isinstance(original, sqlite3.OperationalError):
        text = str(original).lower()
        if "readonly" in text or "read-only" in text:
            return _("{path} is read-only: changes cannot be saved.").format(path=where)
        if "locked" in text or "busy" in text:
            return _("{path} is in use by another program; try again later.").format(path=where)
        if "disk" in text and "full" in text:
            return _("The disk is full; nothing was saved.")
        if "unable to open" in text:
            return _("{path} cannot be opened.").format(path=where)
        return None
    if isinstance(original, sqlite3.DatabaseError) and not isinstance(
        original, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return _("{path} is damaged and cannot be read.").format(path=where)
    if isinstance(original, OSError):
        if isinstance(original, PermissionError) or original.errno in (errno.EACCES, errno.EPERM):
            return _("No permission to read or write {path}.").format(path=where)
        if original.errno == errno.EROFS:
            return _("{path} is on a read-only disk: nothing can be saved there.").format(
                path=where
            )
        if original.errno == errno.ENOSPC:
            return _("The disk is full; nothing was saved.")
        return _("{path} cannot be read or written.").format(path=where)
    return None


def is_writable(path: Path) -> bool:
    """Both the file and its folder must be writable (SQLite writes its journal beside it)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


# -- backups and integrity checks ----------------------------------------------------------
# The backup module works on whole database images through these; a server database would
# replace them with its own dump, restore and check tools.

CHANGE_COUNTER_OFFSET = 24  # bytes 24-27 of the header: the "file change counter"


def fingerprint(path: Path) -> tuple[int, int, int]:
    """(change counter, size, mtime in ns): changes whenever the file's contents change.

    SQLite raises the change counter on every commit in rollback-journal mode, so this
    reads 100 bytes instead of the whole file. OSError when the file cannot be read.
    """
    with path.open("rb") as handle:
        header = handle.read(100)
    stat = path.stat()
    counter = int.from_bytes(header[CHANGE_COUNTER_OFFSET : CHANGE_COUNTER_OFFSET + 4], "big")
    return counter, stat.st_size, stat.st_mtime_ns


def _connect_existing(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection to an existing file that never creates one.

    Read-write (the default for checks) lets SQLite roll back a hot journal left by a
    crash on the first read, as every open does; read-only is for our own backups.
    """
    mode = "ro" if read_only else "rw"
    uri = path.resolve().as_uri() + f"?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def open_read_only(path: Path) -> sqlite3.Connection:
    """Read a backup file without ever writing to it."""
    return _connect_existing(path, read_only=True)


def copy_to_memory(source: Path) -> sqlite3.Connection:
    """One consistent snapshot of `source` in memory, taken with the online backup API."""
    src = _connect_existing(source, read_only=False)
    try:
        memory = sqlite3.connect(":memory:")
        src.backup(memory)
        return memory
    finally:
        src.close()


def image_of(connection: sqlite3.Connection) -> bytes:
    """The database as the bytes of a file (to encrypt it without writing it in plain)."""
    return connection.serialize()


def from_image(data: bytes) -> sqlite3.Connection:
    """An in-memory database from file bytes; sqlite3.DatabaseError when they are not one."""
    memory = sqlite3.connect(":memory:")
    try:
        memory.deserialize(data)
        memory.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        memory.close()
        raise
    return memory


def write_copy(connection: sqlite3.Connection, target: Path) -> Path:
    """Write a database through the backup API to `target` atomically (a `.part` first)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(str(partial))
    try:
        connection.backup(dest)
    finally:
        dest.close()
    _sync(partial)
    partial.replace(target)
    return target


def write_bytes_atomically(data: bytes, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with partial.open("wb") as handle:
        handle.write(data)
    _sync(partial)
    partial.replace(target)
    return target


def _sync(path: Path) -> None:
    import os

    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def replace_database(connection: sqlite3.Connection, live: Path) -> None:
    """Put the database of `connection` in place of the (closed) file at `live`.

    Written beside it first and then renamed over it, so a crash leaves either the old
    file or the new one. A leftover rollback journal of the old file is removed first:
    SQLite would otherwise apply it to the new file.
    """
    partial = live.with_name(live.name + ".terugzetten")
    partial.unlink(missing_ok=True)
    write_copy(connection, partial)
    live.with_name(live.name + "-journal").unlink(missing_ok=True)
    partial.replace(live)


def check_file(path: Path, *, full: bool) -> list[str]:
    """SQLite's own findings (English) for the file at `path`; empty when it is sound.

    Opening it lets SQLite roll back a transaction a crash interrupted (a hot journal),
    like every open; otherwise the file is only read.
    """
    try:
        connection = _connect_existing(path, read_only=False)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        return check_connection(connection, full=full)
    finally:
        connection.close()


def check_connection(connection: sqlite3.Connection, *, full: bool) -> list[str]:
    """quick_check (the b-trees) or integrity_check plus foreign_key_check (everything)."""
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}(100)")]
        problems = [] if rows == ["ok"] else rows
        if full and not problems:
            problems = [
                f"foreign key: {table} row {rowid} -> {parent}"
                for table, rowid, parent, _key in connection.execute("PRAGMA foreign_key_check")
            ]
        return problems
    except sqlite3.Error as error:  # the file is too damaged to even check
        return [str(error)]
