"""Everything SQLite-specific, behind one seam.

The rest of the program talks SQLAlchemy; pragmas, the file header check and the
online backup API live here, so a later PostgreSQL backend replaces only this module.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def url_for(path: Path) -> str:
    return f"sqlite:///{path}"


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
    cursor.close()


def set_foreign_keys(dbapi_connection: Any, enabled: bool) -> None:
    """Switch foreign keys; SQLite ignores this inside a transaction, so call it outside."""
    dbapi_connection.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")


def foreign_key_problems(dbapi_connection: Any) -> list[tuple]:
    return list(dbapi_connection.execute("PRAGMA foreign_key_check").fetchall())


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine whose transactions are real SQLite transactions (BEGIN ... COMMIT)."""
    engine = create_engine(url_for(path))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        configure_dbapi_connection(dbapi_connection, foreign_keys=foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def read_schema_state(path: Path) -> tuple[set[str], str | None]:
    """The table names and the Alembic revision stored in the file.

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
        return tables, revision
    finally:
        connection.close()


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
