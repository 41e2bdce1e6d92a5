"""The audit log: every change to the association's rows, recorded by session events.

Each transaction that changes rows becomes one AuditAction; every row it inserts, changes
or deletes becomes one AuditEntry with the values before and after. Rows are found in the
Unit of Work (`after_flush`), so tables added later are covered without extra code. Bulk
statements bypass the Unit of Work: they go through `bulk_insert`/`bulk_delete`, which log
what they write, and a guard refuses any other ORM bulk write, so nothing slips past.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    LargeBinary,
    Table,
    Time,
    delete,
    event,
    func,
    insert,
    select,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import update as sa_update
from sqlalchemy.orm import Mapper, Session, sessionmaker

from verenigingsbeheer.db.models import AuditAction, AuditEntry, Member, Person

WHO = "who"  # session.info key: the name written as who made the change
_STATE = "audit"
_OFF = "audit_off"
_AUDITED = "audited"  # execution option of the bulk helpers


class UnauditedWrite(RuntimeError):
    """A bulk INSERT/UPDATE/DELETE that would change rows without a trace in the log."""


@dataclass
class ActionNote:
    """What the action was, as the service doing it tells (no personal data)."""

    kind: str = "edit"
    description: str = ""
    undoable: bool = False
    undoes_id: int | None = None


@dataclass
class _State:
    action_id: int | None = None
    note: ActionNote = field(default_factory=ActionNote)
    written: ActionNote | None = None


def note(
    session: Session,
    kind: str,
    description: str,
    *,
    undoable: bool = False,
    undoes_id: int | None = None,
) -> None:
    """Name the current transaction's action, e.g. ("delete", "Lid verwijderd (nr. 12)")."""
    _state(session).note = ActionNote(kind, description, undoable, undoes_id)


def current_action_id(session: Session) -> int | None:
    """The id of the action the current transaction has written so far, if any."""
    session.flush()
    return _state(session).action_id


@contextmanager
def suspended(session: Session) -> Iterator[None]:
    """Write without logging: only for generating demo data, never for a user's changes."""
    session.info[_OFF] = True
    try:
        yield
        session.flush()  # what the block changed is written now, still unlogged
    finally:
        session.info.pop(_OFF, None)


def audited(table: Table) -> bool:
    return table.info.get("audit", True)


# -- values -----------------------------------------------------------------------------------
def _iso(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"cannot log a {type(value).__name__}")


# The C encoder, called back only for dates: an import logs tens of thousands of rows.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_iso)


def columns_of(mapper: Mapper) -> list[tuple[str, Any]]:
    """(attribute key, column) of the mapped columns the log keeps (binary data left out)."""
    return [
        (attr.key, attr.columns[0])
        for attr in mapper.column_attrs
        if not isinstance(attr.columns[0].type, LargeBinary)
    ]


def dumps(values: dict[str, Any]) -> str:
    return _ENCODER.encode(values)


def loads(mapper: Mapper, text: str | None) -> dict[str, Any]:
    """Values as stored by `dumps`, turned back into dates where the columns hold dates."""
    if not text:
        return {}
    raw = json.loads(text)
    types = {key: column.type for key, column in columns_of(mapper)}
    values = {}
    for key, value in raw.items():
        kind = types.get(key)
        if value is not None and isinstance(kind, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = dt.date.fromisoformat(value)
        elif value is not None and isinstance(kind, Time):
            value = dt.time.fromisoformat(value)
        values[key] = value
    return values


# -- recording --------------------------------------------------------------------------------
def _state(session: Session) -> _State:
    state = session.info.get(_STATE)
    if state is None:
        state = session.info[_STATE] = _State()
    return state


@dataclass
class _Entry:
    table: str
    row_id: int
    operation: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    member_id: int | None = None
    person_id: int | None = None


def _object_entries(session: Session) -> list[_Entry]:
    entries: list[_Entry] = []
    for operation, objects in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            state = sa_inspect(obj)
            mapper = state.mapper
            if not audited(mapper.local_table):
                continue
            columns = columns_of(mapper)
            if operation == "update":
                old, new = {}, {}
                for key, _column in columns:
                    history = state.attrs[key].history
                    if not history.has_changes():
                        continue
                    before = history.deleted[0] if history.deleted else None
                    after = history.added[0] if history.added else None
                    if before != after:
                        old[key], new[key] = before, after
                if not new:
                    continue
                values = {key: getattr(obj, key) for key, _c in columns}
            else:
                values = {key: getattr(obj, key) for key, _c in columns}
                old, new = (None, values) if operation == "insert" else (values, None)
            entries.append(
                _Entry(
                    mapper.local_table.name,
                    values["id"],
                    operation,
                    old,
                    new,
                    member_id=values.get("member_id"),
                    person_id=obj.id if isinstance(obj, Person) else values.get("person_id"),
                )
            )
            if isinstance(obj, Member):
                entries[-1].member_id = obj.id
    return entries


def _resolve_persons(session: Session, entries: list[_Entry], known: dict[int, int]) -> None:
    """Rows that point at a member are about that member's person: find who that is."""
    wanted = {e.member_id for e in entries if e.person_id is None and e.member_id is not None}
    wanted -= set(known)
    if wanted:
        query = select(Member.id, Member.person_id).where(Member.id.in_(wanted))
        known.update(dict(session.connection().execute(query).all()))
    for entry in entries:
        if entry.person_id is None and entry.member_id is not None:
            entry.person_id = known.get(entry.member_id)


def _action_id(session: Session) -> int:
    """The current transaction's action, written on first need."""
    state = _state(session)
    if state.action_id is None:
        values = _action_values(state.note, session.info.get(WHO, ""), dt.datetime.now())
        result = session.connection().execute(insert(AuditAction.__table__).values(**values))
        state.action_id = result.inserted_primary_key[0]
        state.written = state.note
    return state.action_id


def _write(session: Session, entries: list[_Entry]) -> None:
    action_id = _action_id(session)
    session.connection().execute(
        insert(AuditEntry.__table__),
        [
            {
                "action_id": action_id,
                "table_name": e.table,
                "row_id": e.row_id,
                "operation": e.operation,
                "old_values": dumps(e.old) if e.old is not None else None,
                "new_values": dumps(e.new) if e.new is not None else None,
                "person_id": e.person_id,
            }
            for e in entries
        ],
    )


def _action_values(note_: ActionNote, who: str, now: dt.datetime) -> dict[str, Any]:
    return {
        "at": now,
        "who": who,
        "kind": note_.kind,
        "description": note_.description,
        "undoable": note_.undoable,
        "undoes_id": note_.undoes_id,
    }


def _update_note(session: Session) -> None:
    state = _state(session)
    if state.action_id is not None and state.written != state.note:
        note_ = state.note
        session.connection().execute(
            sa_update(AuditAction.__table__)
            .where(AuditAction.__table__.c.id == state.action_id)
            .values(
                kind=note_.kind,
                description=note_.description,
                undoable=note_.undoable,
                undoes_id=note_.undoes_id,
            )
        )
        state.written = note_


def install(sessions: sessionmaker) -> None:
    """Record every change made through sessions of `sessions`; the name in each session's
    `info[WHO]` is written as who did it."""

    @event.listens_for(sessions, "after_flush")
    def _after_flush(session: Session, _context: Any) -> None:
        if session.info.get(_OFF):
            return
        entries = _object_entries(session)
        if entries:
            known = {}
            for obj in (*session.new, *session.dirty, *session.deleted):
                if isinstance(obj, Member) and obj.id is not None:
                    known[obj.id] = obj.person_id
            _resolve_persons(session, entries, known)
            _write(session, entries)
        _update_note(session)

    @event.listens_for(sessions, "before_commit")
    def _before_commit(session: Session) -> None:
        if not session.info.get(_OFF):
            _update_note(session)

    @event.listens_for(sessions, "after_commit")
    @event.listens_for(sessions, "after_rollback")
    def _reset(session: Session) -> None:
        session.info.pop(_STATE, None)

    @event.listens_for(sessions, "do_orm_execute")
    def _guard(execute_state: Any) -> None:
        if not (execute_state.is_insert or execute_state.is_update or execute_state.is_delete):
            return
        if execute_state.execution_options.get(_AUDITED) or execute_state.session.info.get(_OFF):
            return
        mapper = execute_state.bind_mapper
        if mapper is not None and audited(mapper.local_table):
            raise UnauditedWrite(
                f"bulk write to {mapper.local_table.name} bypasses the audit log; "
                "use audit.bulk_insert/bulk_delete or the Unit of Work"
            )


# -- bulk writes ------------------------------------------------------------------------------
def bulk_insert(session: Session, model: type, rows: Sequence[dict[str, Any]]) -> list[int]:
    """INSERT many rows in one statement and log each; rows without an id get the next
    free ones. Returns the ids, in the order of `rows`."""
    if not rows:
        return []
    if any(row.get("id") is None for row in rows):
        given = [row["id"] for row in rows if row.get("id") is not None]
        free = max([session.execute(select(func.max(model.id))).scalar() or 0, *given]) + 1
        numbered = []
        for row in rows:
            if row.get("id") is None:
                row = {**row, "id": free}
                free += 1
            numbered.append(row)
        rows = numbered
    # Core executemany, one statement per set of keys: the ORM's bulk insert would split
    # the rows into a statement per run of equal None columns (thousands for an import).
    keys = rows[0].keys()
    groups: list[Sequence[dict[str, Any]]] = [rows]
    if not all(row.keys() == keys for row in rows):
        by_keys: dict[frozenset[str], list[dict[str, Any]]] = {}
        for row in rows:
            by_keys.setdefault(frozenset(row), []).append(row)
        groups = list(by_keys.values())
    connection = session.connection()
    for group in groups:
        connection.execute(insert(model.__table__), group)
    if not session.info.get(_OFF):
        _log_inserted(session, model, rows)
    return [row["id"] for row in rows]


def _log_inserted(session: Session, model: type, rows: Sequence[dict[str, Any]]) -> None:
    """The log of a bulk insert, built lean: an import writes tens of thousands of rows."""
    if model is Person:
        persons = [row["id"] for row in rows]
    elif "person_id" in rows[0]:
        persons = [row.get("person_id") for row in rows]
    elif "member_id" in rows[0]:
        wanted = {row["member_id"] for row in rows if row.get("member_id") is not None}
        known: dict[int, int] = {}
        for chunk in _chunks(sorted(wanted)):
            query = select(Member.id, Member.person_id).where(Member.id.in_(chunk))
            known.update(dict(session.connection().execute(query).all()))
        persons = [known.get(row.get("member_id")) for row in rows]
    else:
        persons = [None] * len(rows)
    action_id = _action_id(session)
    name = model.__table__.name
    encode = _ENCODER.encode
    session.connection().execute(
        insert(AuditEntry.__table__),
        [
            {
                "action_id": action_id,
                "table_name": name,
                "row_id": row["id"],
                "operation": "insert",
                "old_values": None,
                "new_values": encode(row),
                "person_id": person,
            }
            for row, person in zip(rows, persons, strict=True)
        ],
    )


def bulk_delete(session: Session, model: type, ids: Iterable[int]) -> int:
    """DELETE the rows with these ids in one statement, logging each row's last values."""
    ids = list(ids)
    if not ids:
        return 0
    mapper = sa_inspect(model)
    columns = columns_of(mapper)
    entries = []
    for chunk in _chunks(ids):
        query = select(*(column for _key, column in columns)).where(model.id.in_(chunk))
        for values in session.connection().execute(query).mappings():
            old = {key: values[column.name] for key, column in columns}
            entries.append(
                _Entry(
                    mapper.local_table.name,
                    old["id"],
                    "delete",
                    old,
                    None,
                    member_id=old["id"] if model is Member else old.get("member_id"),
                    person_id=old["id"] if model is Person else old.get("person_id"),
                )
            )
    if not session.info.get(_OFF) and entries:
        _resolve_persons(session, entries, {})
        _write(session, entries)
    for chunk in _chunks(ids):
        session.execute(
            delete(model).where(model.id.in_(chunk)).execution_options(**{_AUDITED: True})
        )
    return len(entries)


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
