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
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import format_date, format_money
from verenigingsbeheer.services import households  # noqa: F401  (its undo check)

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
    "activities": N_("Activity"),
    "activity_series": N_("Series"),
    "activity_sections": N_("Section of an activity"),
    "series_sections": N_("Section of a series"),
    "series_skips": N_("Day deleted from a series"),
    "availability": N_("Availability"),
    "attendance": N_("Attendance"),
    "school_holidays": N_("School holiday"),
    "venues": N_("Venue"),
    "rooms": N_("Room"),
    "bookings": N_("Booking"),
    "volunteer_tasks": N_("Volunteer task"),
    "volunteers": N_("Volunteer"),
    "volunteer_hours": N_("Volunteer hours"),
    "allowances": N_("Volunteer allowance"),
    "allowance_limits": N_("Tax-free limits"),
    "processing_activities": N_("Processing register"),
}
KIND_LABELS = {
    "edit": N_("Change"),
    "new": N_("New"),
    "delete": N_("Delete"),
    "end": N_("End of membership"),
    "rejoin": N_("Rejoin"),
    "import": N_("Import"),
    "undo": N_("Undo"),
    "anonymise": N_("Anonymised"),
    "forget": N_("Forgotten"),
    "cancel": N_("Cancelled"),
    "attendance": N_("Attendance"),
    "restore": N_("Restored"),
}
OPERATION_LABELS = {"insert": N_("added"), "update": N_("changed"), "delete": N_("removed")}
# Field names as the forms call them; keys of later tables show as they are until added.
FIELD_LABELS = {
    "first_name": N_("First name"), "tussenvoegsel": N_("Tussenvoegsel"),
    "last_name": N_("Last name"), "initials": N_("Initials"), "email": N_("E-mail"),
    "phone": N_("Phone"), "date_of_birth": N_("Date of birth"), "street": N_("Street"),
    "house_number": N_("House number"), "house_number_addition": N_("Addition"),
    "postcode": N_("Postcode"), "town": N_("Town"), "country": N_("Country"),
    "iban": N_("IBAN"), "mandate_reference": N_("Mandate reference"),
    "mandate_signed_on": N_("Mandate signed on"), "section_id": N_("Section"),
    "membership_type_id": N_("Membership type"), "ooievaarspas": N_("Ooievaarspas"),
    "ooievaarspas_number": N_("Pass number"), "ooievaarspas_valid_until": N_("Pass valid until"),
    "emergency_contact": N_("Emergency contact"), "household_id": N_("Household"),
    "pays_for_household": N_("Pays for the household"), "notes": N_("Notes"),
    "member_number": N_("Member number"), "person_id": N_("Person"), "member_id": N_("Member"),
    "start_date": N_("From"), "end_date": N_("Until"), "end_reason": N_("Reason for leaving"),
    "notice_given_on": N_("Notice given on"), "title": N_("Function"),
    "committee": N_("Committee"), "kind": N_("Kind"), "given_on": N_("Given on"),
    "given_by_parent": N_("By parent"), "name": N_("Name"), "sort_order": N_("Order"),
    "kvk_number": N_("KvK number"), "creditor_id": N_("Creditor ID"),
    "financial_year_start_month": N_("Financial year starts in"),
    "created_at": N_("Created"), "last_member_number": N_("Highest member number"),
    "anonymised_on": N_("Anonymised on"), "birth_year": N_("Year of birth"),
    "retention_years": N_("Retention period (years)"),
}  # fmt: skip


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

    def shown(self) -> list[tuple[str, str, str]]:
        """(field label, before, after) as text for the board to read."""
        return [
            (
                field_label(name, self.table),
                show(old, self.table, name),
                show(new, self.table, name),
            )
            for name, old, new in self.values
        ]

    @property
    def table_label(self) -> str:
        return _(TABLE_LABELS[self.table]) if self.table in TABLE_LABELS else self.table

    @property
    def operation_label(self) -> str:
        return _(OPERATION_LABELS[self.operation])


# Where one attribute name means something else in a table of its own.
TABLE_FIELD_LABELS = {
    ("activities", "title"): N_("Title"),
    ("activity_series", "title"): N_("Title"),
    ("activities", "kind"): N_("Kind of activity"),
    ("availability", "status"): N_("Coming"),
    ("attendance", "status"): N_("Attendance"),
    ("availability", "reason"): N_("Reason"),
    ("attendance", "reason"): N_("Reason"),
    ("activities", "date"): N_("Date"),
    ("activities", "start_time"): N_("Start"),
    ("activities", "end_time"): N_("End"),
    ("activities", "place"): N_("Place"),
    ("activities", "cancelled"): N_("Cancelled"),
    ("activities", "audience"): N_("Audience"),
    ("activities", "public"): N_("Public"),
    ("activities", "series_date"): N_("Day in the series"),
    ("activity_series", "room_id"): N_("Room"),
    ("bookings", "room_id"): N_("Room"),
    ("bookings", "activity_id"): N_("Activity"),
    ("bookings", "purpose"): N_("Purpose"),
    ("bookings", "date"): N_("Date"),
    ("bookings", "start_time"): N_("Start"),
    ("bookings", "end_time"): N_("End"),
    ("bookings", "status"): N_("Status"),
    ("bookings", "cost"): N_("Cost"),
    ("bookings", "cost_agreed"): N_("Cost agreed"),
    ("bookings", "invoiced"): N_("Invoiced"),
    ("bookings", "paid"): N_("Paid"),
    ("bookings", "conflict_accepted"): N_("Double booking accepted"),
    ("rooms", "venue_id"): N_("Venue"),
    ("rooms", "capacity"): N_("Capacity"),
    ("rooms", "hourly_rate"): N_("Rent per hour"),
    ("rooms", "fixed_rate"): N_("Fixed rate per booking"),
    ("rooms", "piano"): N_("Piano"),
    ("rooms", "stage"): N_("Stage"),
    ("rooms", "mirror_wall"): N_("Mirror wall"),
    ("rooms", "step_free"): N_("Step-free access"),
    ("rooms", "buffer_before"): N_("Set-up time (minutes)"),
    ("rooms", "buffer_after"): N_("Clearing time (minutes)"),
    ("venues", "contact_person_id"): N_("Contact person"),
    ("volunteer_tasks", "name"): N_("Task"),
    ("volunteer_tasks", "hourly_value"): N_("Value an hour"),
    ("volunteers", "since"): N_("Volunteer since"),
    ("volunteer_hours", "date"): N_("Date"),
    ("volunteer_hours", "task_id"): N_("Task"),
    ("volunteer_hours", "minutes"): N_("Minutes"),
    ("volunteer_hours", "activity_id"): N_("Activity"),
    ("volunteer_hours", "note"): N_("Note"),
    ("allowances", "paid_on"): N_("Paid on"),
    ("allowances", "amount"): N_("Amount"),
    ("allowances", "first_day"): N_("From"),
    ("allowances", "last_day"): N_("Until"),
    ("allowances", "hourly_rate"): N_("Rate per hour"),
    ("allowances", "over_limit_accepted"): N_("Over a limit, on purpose"),
    ("allowances", "note"): N_("Note"),
    ("allowance_limits", "year"): N_("Year"),
    ("allowance_limits", "hourly_adult"): N_("Per hour, 21+"),
    ("allowance_limits", "hourly_young"): N_("Per hour, under 21"),
    ("allowance_limits", "monthly"): N_("Per month"),
    ("allowance_limits", "yearly"): N_("Per year"),
    ("allowance_limits", "source"): N_("Source"),
    ("series_skips", "slot_date"): N_("Date"),
    ("series_skips", "series_id"): N_("Series"),
    ("activities", "activity_id"): N_("Activity"),
    ("availability", "activity_id"): N_("Activity"),
    ("attendance", "activity_id"): N_("Activity"),
}


def field_label(name: str, table: str = "") -> str:
    label = TABLE_FIELD_LABELS.get((table, name)) or FIELD_LABELS.get(name)
    return _(label) if label else name


# Amounts kept as whole cents, shown as money.
MONEY_FIELDS = {
    ("bookings", "cost"), ("rooms", "hourly_rate"), ("rooms", "fixed_rate"),
    ("volunteer_tasks", "hourly_value"), ("allowances", "amount"),
    ("allowances", "hourly_rate"), ("allowance_limits", "hourly_adult"),
    ("allowance_limits", "hourly_young"), ("allowance_limits", "monthly"),
    ("allowance_limits", "yearly"),
}  # fmt: skip


def show(value: object, table: str = "", name: str = "") -> str:
    """A logged value as text: dates the Dutch way, yes/no, money, nothing for empty."""
    if value is None:
        return ""
    if (table, name) in MONEY_FIELDS and isinstance(value, int):
        return format_money(Money(value))
    if value is True or value is False:
        return _("yes") if value else _("no")
    if isinstance(value, dt.datetime):
        return f"{format_date(value.date(), 'short')} {value:%H:%M}"
    if isinstance(value, dt.date):
        return format_date(value, "short")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


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
    """The rows of one action; ids of sections, types and households shown by name."""
    entries = session.execute(
        select(AuditEntry).where(AuditEntry.action_id == action_id).order_by(AuditEntry.id)
    ).scalars()
    return [changes_of_entry(session, entry) for entry in entries]


def changes_of_entry(session: Session, entry: AuditEntry) -> Change:
    """One logged row; empty values when anonymisation wiped them."""
    mapper = _mappers().get(entry.table_name)
    old = audit.loads(mapper, entry.old_values) if mapper else {}
    new = audit.loads(mapper, entry.new_values) if mapper else {}
    names = [name for name in (new or old) if name != "id"]
    if mapper is not None:
        old, new = with_names(session, mapper, old), with_names(session, mapper, new)
    values = tuple((name, old.get(name), new.get(name)) for name in names)
    return Change(entry.table_name, entry.row_id, entry.operation, values)


def _mappers() -> dict:
    return {mapper.local_table.name: mapper for mapper in Base.registry.mappers}


def with_names(session: Session, mapper, values: dict) -> dict:
    """Replace the id in a foreign-key field by the name of what it points at, if named."""
    named = dict(values)
    for key, column in audit.columns_of(mapper):
        if values.get(key) is None or not column.foreign_keys:
            continue
        target = next(iter(column.foreign_keys)).column.table
        if "name" in target.c:
            found = session.execute(
                select(target.c.name).where(target.c.id == values[key])
            ).scalar()
            if found:
                named[key] = found
    return named


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
