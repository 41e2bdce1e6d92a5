"""What a backup holds, read with plain SQL so that it works for every schema revision.

The restore screen shows the association's name, its counts and the schema revision of
a backup that may be years old; the ORM models describe only today's schema, so this
reads the tables directly and leaves out what an older file does not have yet.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

# The stable Dutch keys `info` prints too (services.overview.Counts.as_lines).
COUNT_KEYS = ("leden", "oud-leden", "personen", "secties", "bestuursfuncties")


@dataclass(frozen=True)
class Contents:
    association: str
    file_uid: str
    revision: str | None
    counts: dict[str, int] = field(default_factory=dict)

    def as_header(self) -> dict[str, Any]:
        return {
            "association": self.association,
            "file_uid": self.file_uid,
            "revision": self.revision,
            "counts": dict(self.counts),
        }

    @classmethod
    def from_header(cls, header: dict[str, Any]) -> Contents:
        counts = header.get("counts") if isinstance(header.get("counts"), dict) else {}
        return cls(
            association=str(header.get("association") or ""),
            file_uid=str(header.get("file_uid") or ""),
            revision=header.get("revision") if isinstance(header.get("revision"), str) else None,
            counts={str(k): int(v) for k, v in counts.items() if isinstance(v, int)},
        )


def read_contents(connection: sqlite3.Connection, on: dt.date) -> Contents:
    """Name, file id, revision and counts (members current and former on `on`, ...).

    sqlite3.DatabaseError when it is not a readable association file.
    """
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "association" not in tables:
        raise sqlite3.DatabaseError("no association table")
    row = connection.execute("SELECT name, file_uid FROM association ORDER BY id").fetchone()
    if row is None:
        raise sqlite3.DatabaseError("no association row")
    revision = None
    if "alembic_version" in tables:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = found[0] if found else None
    return Contents(str(row[0]), str(row[1]), revision, _counts(connection, tables, on))


def _counts(connection: sqlite3.Connection, tables: set[str], on: dt.date) -> dict[str, int]:
    day = on.isoformat()

    def one(sql: str, *args: object) -> int:
        return int(connection.execute(sql, args).fetchone()[0])

    counts: dict[str, int] = {}
    if {"members", "membership_periods"} <= tables:
        current = one(
            "SELECT count(DISTINCT member_id) FROM membership_periods"
            " WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)",
            day,
            day,
        )
        counts["leden"] = current
        counts["oud-leden"] = one("SELECT count(*) FROM members") - current
    if "persons" in tables:
        counts["personen"] = one("SELECT count(*) FROM persons")
    if "sections" in tables:
        counts["secties"] = one("SELECT count(*) FROM sections")
    if "board_functions" in tables:
        columns = {r[1] for r in connection.execute("PRAGMA table_info(board_functions)")}
        committee = " AND committee = ''" if "committee" in columns else ""
        counts["bestuursfuncties"] = one(
            "SELECT count(*) FROM board_functions WHERE start_date <= ?"
            " AND (end_date IS NULL OR end_date >= ?)" + committee,
            day,
            day,
        )
    return counts
