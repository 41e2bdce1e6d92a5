"""The audit log for the board: what was changed, by whom and when; undo of the last
destructive actions (delete, end of membership, import) made in this program session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.base import Base
from verenigingsbeheer.db.models import AuditAction, AuditEntry
from verenigingsbeheer.db.undo import UndoConflict, revert
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import N_, _

# Table names as the board knows them; a later table shows its own name until added here.
TABLE_LABELS = {
    "association": N_("Association"),
    "persons": N_("Person"),
    "members": N_("Member"),
    "membership_periods": N_("Membership period"),
    "board_functions": N_("Function"),
    "consents": N_("Consent"),
    "sections": N_("Section"),
    "membership_types": N_("Membership type"),
    "households": N_("Household"),
}
KIND_LABELS = {
    "edit": N_("Change"),
    "new": N_("New"),
    "delete": N_("Delete"),
    "end": N_("End of membership"),
    "rejoin": N_("Rejoin"),
    "import": N_("Import"),
    "undo": N_("Undo"),
}
OPERATION_LABELS = {"insert": N_("added"), "update": N_("changed"), "delete": N_("removed")}


@dataclass(frozen=True)
class ActionRow:
    action_id: int
    at: dt.datetime
    who: str
    kind: str
    description: str
    rows: int
    undoable: bool
    undone: bool

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS[self.kind]) if self.kind in KIND_LABELS else self.kind


@dataclass(frozen=True)
class Change:
    """One row of an action: what it is, what happened, and the values that changed."""

    table: str
    row_id: int
    operation: str
    values: tuple[tuple[str, object, object], ...]  # (field, before, after)

    @property
    def table_label(self) -> str:
        return _(TABLE_LABELS[self.table]) if self.table in TABLE_LABELS else self.table

    @property
    def operation_label(self) -> str:
        return _(OPERATION_LABELS[self.operation])


def list_actions(
    session: Session,
    *,
    kind: str | None = None,
    who: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 500,
) -> list[ActionRow]:
    """The newest actions first, filtered; each with its number of rows."""
    undo = aliased(AuditAction)
    rows = (
        select(AuditEntry.action_id, func.count().label("n"))
        .group_by(AuditEntry.action_id)
        .subquery()
    )
    query = (
        select(AuditAction, func.coalesce(rows.c.n, 0), undo.id)
        .outerjoin(rows, rows.c.action_id == AuditAction.id)
        .outerjoin(undo, undo.undoes_id == AuditAction.id)
        .order_by(AuditAction.id.desc())
        .limit(limit)
    )
    if kind:
        query = query.where(AuditAction.kind == kind)
    if who:
        query = query.where(AuditAction.who == who)
    if since:
        query = query.where(AuditAction.at >= dt.datetime.combine(since, dt.time.min))
    if until:
        query = query.where(AuditAction.at <= dt.datetime.combine(until, dt.time.max))
    return [
        ActionRow(a.id, a.at, a.who, a.kind, a.description, n, a.undoable, undone is not None)
        for a, n, undone in session.execute(query)
    ]


def people_who_changed(session: Session) -> list[str]:
    query = select(AuditAction.who).distinct().order_by(AuditAction.who)
    return [name for name in session.execute(query).scalars() if name]


def changes_of(session: Session, action_id: int) -> list[Change]:
    mappers = {mapper.local_table.name: mapper for mapper in Base.registry.mappers}
    entries = session.execute(
        select(AuditEntry).where(AuditEntry.action_id == action_id).order_by(AuditEntry.id)
    ).scalars()
    changes = []
    for entry in entries:
        mapper = mappers.get(entry.table_name)
        old = audit.loads(mapper, entry.old_values) if mapper else {}
        new = audit.loads(mapper, entry.new_values) if mapper else {}
        names = [name for name in (new or old) if name != "id"]
        values = tuple((name, old.get(name), new.get(name)) for name in names)
        changes.append(Change(entry.table_name, entry.row_id, entry.operation, values))
    return changes


def last_undoable(session: Session, candidates: Sequence[int]) -> ActionRow | None:
    """The newest of `candidates` (this session's actions) that can still be undone."""
    if not candidates:
        return None
    for row in list_actions(session, limit=len(candidates) + 50):
        if row.action_id in candidates and row.undoable and not row.undone:
            return row
    return None


_REFUSALS = {
    UndoConflict.NOT_UNDOABLE: N_("This action cannot be undone."),
    UndoConflict.ALREADY_UNDONE: N_("This action has already been undone."),
    UndoConflict.CHANGED_SINCE: N_(
        "It cannot be undone any more: what it changed has been changed again since."
    ),
    UndoConflict.REFERENCED_SINCE: N_(
        "It cannot be undone any more: later records depend on what it added."
    ),
    UndoConflict.TAKEN_SINCE: N_(
        "It cannot be undone any more: what it removed has been replaced since."
    ),
}


def undo(session: Session, action_id: int) -> int:
    """Reverse the action in the caller's transaction (a new action in the log)."""
    original = session.get(AuditAction, action_id)
    try:
        rows = revert(session, action_id)
    except UndoConflict as refused:
        raise UserError(_(_REFUSALS[refused.reason])) from refused
    audit.note(
        session,
        "undo",
        _("Undone: {action}").format(action=original.description),
        undoes_id=action_id,
    )
    return rows
