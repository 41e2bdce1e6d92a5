"""Undoing an action from the audit log: a new transaction that reverses its entries.

Rows the action inserted are deleted, rows it deleted come back with their ids, changed
values get their old ones; the new transaction is logged like any other. Nothing is
reverted over later work: when a row no longer looks as the action left it, or later rows
point at a row that would go, the undo is refused as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper, Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.base import Base
from verenigingsbeheer.db.models import AuditAction, AuditEntry

# Rules the services keep that the database does not (one payer per household): after an
# undo every check must still hold, else the undo is refused as a whole.
Check = Callable[[Session], bool]
_CHECKS: list[Check] = []


def register_check(check: Check) -> Check:
    if check not in _CHECKS:
        _CHECKS.append(check)
    return check


class UndoConflict(Exception):
    """The action cannot be undone; `reason` is one of the class constants."""

    NOT_UNDOABLE = "not_undoable"
    ALREADY_UNDONE = "already_undone"
    CHANGED_SINCE = "changed_since"
    REFERENCED_SINCE = "referenced_since"
    TAKEN_SINCE = "taken_since"

    def __init__(self, reason: str, table: str = "", row_id: int | None = None) -> None:
        super().__init__(f"{reason}: {table} {row_id}")
        self.reason, self.table, self.row_id = reason, table, row_id


@dataclass
class _Net:
    """What the action did to one row, all its entries taken together."""

    existed_before: bool
    exists_after: bool
    before: dict[str, Any] = field(default_factory=dict)  # values to bring back
    after: dict[str, Any] = field(default_factory=dict)  # values it left


def _mappers() -> dict[str, Mapper]:
    return {mapper.local_table.name: mapper for mapper in Base.registry.mappers}


def _net_effect(session: Session, action_id: int) -> dict[tuple[str, int], _Net]:
    mappers = _mappers()
    net: dict[tuple[str, int], _Net] = {}
    entries = session.execute(
        select(AuditEntry).where(AuditEntry.action_id == action_id).order_by(AuditEntry.id)
    ).scalars()
    for entry in entries:
        wiped = (entry.operation != "insert" and entry.old_values is None) or (
            entry.operation != "delete" and entry.new_values is None
        )
        if wiped:  # anonymisation took the values: there is nothing to go back to
            raise UndoConflict(UndoConflict.NOT_UNDOABLE, entry.table_name, entry.row_id)
        mapper = mappers[entry.table_name]
        old, new = audit.loads(mapper, entry.old_values), audit.loads(mapper, entry.new_values)
        key = (entry.table_name, entry.row_id)
        row = net.get(key)
        if row is None:
            row = net[key] = _Net(existed_before=entry.operation != "insert", exists_after=True)
        if entry.operation == "insert":
            row.after = dict(new)
        elif entry.operation == "update":
            for name, value in old.items():
                row.before.setdefault(name, value)
            row.after.update(new)
        else:  # delete: the last values are the old ones
            for name, value in old.items():
                row.before.setdefault(name, value)
            row.exists_after = False
            row.after = {}
    return {key: row for key, row in net.items() if row.existed_before or row.exists_after}


def _comparable(mapper: Mapper) -> set[str]:
    """Attributes compared and restored: not binary data, not counters kept on purpose."""
    return {key for key, column in audit.columns_of(mapper) if column.info.get("undo", True)}


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _current_rows(session: Session, mapper: Mapper, ids: list[int]) -> dict[int, dict]:
    columns = dict(audit.columns_of(mapper))
    table = mapper.local_table
    rows: dict[int, dict] = {}
    for chunk in _chunks(ids):
        query = select(*columns.values()).where(table.c.id.in_(chunk))
        for values in session.connection().execute(query).mappings():
            rows[values["id"]] = {key: values[column.name] for key, column in columns.items()}
    return rows


def _check(session: Session, net: dict[tuple[str, int], _Net]) -> None:
    mappers = _mappers()
    by_table: dict[str, list[int]] = {}
    for table, row_id in net:
        by_table.setdefault(table, []).append(row_id)
    for table, ids in by_table.items():
        mapper = mappers[table]
        keys = _comparable(mapper)
        current = _current_rows(session, mapper, ids)
        for row_id in ids:
            row = net[(table, row_id)]
            now = current.get(row_id)
            if row.exists_after:
                if now is None:
                    raise UndoConflict(UndoConflict.CHANGED_SINCE, table, row_id)
                for name in keys & set(row.after):
                    if now[name] != row.after[name]:
                        raise UndoConflict(UndoConflict.CHANGED_SINCE, table, row_id)
            elif now is not None:
                raise UndoConflict(UndoConflict.TAKEN_SINCE, table, row_id)
    _check_references(session, net)


def _check_references(session: Session, net: dict[tuple[str, int], _Net]) -> None:
    """Rows added since that point at a row the undo would delete block it."""
    going: dict[str, set[int]] = {}
    for (table, row_id), row in net.items():
        if row.exists_after and not row.existed_before:
            going.setdefault(table, set()).add(row_id)
    for target_name, ids in going.items():
        target = Base.metadata.tables[target_name]
        for table in Base.metadata.sorted_tables:
            if not audit.audited(table):
                continue
            for fk in table.foreign_keys:
                if fk.column.table is not target:
                    continue
                own = going.get(table.name, set())
                for chunk in _chunks(sorted(ids)):
                    query = select(func.count()).select_from(table).where(fk.parent.in_(chunk))
                    if own:
                        query = query.where(table.c.id.not_in(own))
                    if session.connection().execute(query).scalar_one():
                        raise UndoConflict(UndoConflict.REFERENCED_SINCE, table.name)


def _in_dependency_order(tables: set[str]) -> list[Table]:
    return [table for table in Base.metadata.sorted_tables if table.name in tables]


def revert(session: Session, action_id: int) -> int:
    """Reverse the action's changes in the current transaction; returns the rows touched.

    Raises UndoConflict (and changes nothing) when it cannot be done safely.
    """
    action = session.get(AuditAction, action_id)
    if action is None or not action.undoable:
        raise UndoConflict(UndoConflict.NOT_UNDOABLE)
    if session.execute(select(AuditAction.id).where(AuditAction.undoes_id == action_id)).first():
        raise UndoConflict(UndoConflict.ALREADY_UNDONE)
    net = _net_effect(session, action_id)
    _check(session, net)
    mappers = _mappers()
    tables = {table for table, _row in net}
    # Rows it added go first, children before parents.
    for table in reversed(_in_dependency_order(tables)):
        ids = [r for (t, r), row in net.items() if t == table.name and not row.existed_before]
        audit.bulk_delete(session, mappers[table.name].class_, ids)
    # Rows it removed come back, parents before children.
    try:
        for table in _in_dependency_order(tables):
            mapper = mappers[table.name]
            keys = _comparable(mapper) | {"id"}
            rows = [
                {name: value for name, value in row.before.items() if name in keys}
                for (t, _r), row in net.items()
                if t == table.name and row.existed_before and not row.exists_after
            ]
            audit.bulk_insert(session, mapper.class_, rows)
        # Values it changed get their old ones.
        for (table, row_id), row in net.items():
            if row.existed_before and row.exists_after:
                mapper = mappers[table]
                obj = session.get(mapper.class_, row_id)
                for name in _comparable(mapper) & set(row.before):
                    setattr(obj, name, row.before[name])
        session.flush()
    except IntegrityError as error:  # e.g. a section it pointed at was removed since
        raise UndoConflict(UndoConflict.REFERENCED_SINCE) from error
    if not all(check(session) for check in _CHECKS):
        raise UndoConflict(UndoConflict.CHANGED_SINCE)
    return len(net)
