"""Everything the association holds about one person, for a request for access (art. 15
AVG) and for data portability (art. 20): read generically from every table that points at
the person or their membership, so tables added later are included without extra code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.base import Base
from verenigingsbeheer.db.models import AuditAction, AuditEntry, Member, Person
from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.member import CONSENT_LABELS
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import association, history

# Shown to the person, so bookkeeping columns are left out.
_HIDDEN = {"id", "person_id", "member_id", "sort_order"}


@dataclass(frozen=True)
class DataGroup:
    """The rows of one table about the person, with values keyed by field name."""

    table: str
    rows: tuple[dict[str, object], ...]

    @property
    def label(self) -> str:
        labels = history.TABLE_LABELS
        return _(labels[self.table]) if self.table in labels else self.table


@dataclass(frozen=True)
class LoggedChange:
    at: dt.datetime
    who: str
    description: str
    record: str
    changes: tuple[tuple[str, str, str], ...]  # (field label, before, after)


@dataclass(frozen=True)
class PersonData:
    association: str
    made_on: dt.date
    person_id: int
    name: PersonName
    groups: tuple[DataGroup, ...]
    log: tuple[LoggedChange, ...] = field(default=())


def person_of_member(session: Session, member_number: int) -> int:
    """The person id of a member number; UserError when there is no such member."""
    person_id = session.execute(
        select(Member.person_id).where(Member.member_number == member_number)
    ).scalar()
    if person_id is None:
        raise UserError(_("There is no member with number {n}.").format(n=member_number))
    return person_id


def collect(session: Session, person_id: int, today: dt.date) -> PersonData:
    person = session.get(Person, person_id)
    if person is None:
        raise UserError(_("This person no longer exists."))
    member_id = session.execute(select(Member.id).where(Member.person_id == person_id)).scalar()
    mappers = {mapper.local_table.name: mapper for mapper in Base.registry.mappers}
    groups = []
    for table in Base.metadata.sorted_tables:
        if not audit.audited(table) or table.name == "association":
            continue
        if table.name == "persons":
            conditions = [table.c.id == person_id]
        elif table.name == "members":
            conditions = [table.c.person_id == person_id]
        else:  # every column that points at the person or their membership
            conditions = [
                fk.parent == (person_id if fk.column.table.name == "persons" else member_id)
                for fk in table.foreign_keys
                if fk.column.table.name == "persons"
                or (fk.column.table.name == "members" and member_id is not None)
            ]
        if not conditions:
            continue
        condition = or_(*conditions)
        mapper = mappers[table.name]
        columns = [column for _key, column in audit.columns_of(mapper)]
        rows = []
        for values in session.execute(select(*columns).where(condition)).mappings():
            named = history.with_names(session, mapper, dict(values))
            rows.append({k: v for k, v in named.items() if k not in _HIDDEN})
        if rows:
            groups.append(DataGroup(table.name, tuple(rows)))
    return PersonData(
        association=association.get_details(session).name,
        made_on=today,
        person_id=person_id,
        name=PersonName(person.first_name, person.last_name, person.tussenvoegsel),
        groups=tuple(groups),
        log=tuple(_logged(session, person_id)),
    )


def _logged(session: Session, person_id: int) -> list[LoggedChange]:
    query = (
        select(AuditAction, AuditEntry)
        .join(AuditEntry, AuditEntry.action_id == AuditAction.id)
        .where(AuditEntry.person_id == person_id)
        .order_by(AuditEntry.id)
    )
    changes = []
    for action, entry in session.execute(query):
        shown = history.changes_of_entry(session, entry)
        changes.append(
            LoggedChange(
                action.at,
                action.who,
                action.description or _(history.KIND_LABELS.get(action.kind, action.kind)),
                f"{shown.table_label}: {shown.operation_label}",
                tuple((label, before, after) for label, before, after in shown.shown()),
            )
        )
    return changes


def shown_value(table: str, name: str, value: object) -> str:
    """A stored value as the person reads it."""
    if table == "consents" and name == "kind" and value in CONSENT_LABELS:
        return _(CONSENT_LABELS[value])
    if table == "availability" and name == "status" and value in rules.AVAILABILITY:
        return _(rules.AVAILABILITY[value])
    if table == "attendance" and name == "status" and value in rules.ATTENDANCE:
        return _(rules.ATTENDANCE[value])
    return history.show(value, table, name)


def write_export(session: Session, person_id: int, path: Path, today: dt.date) -> PersonData:
    """The person's data as PDF (to read) or JSON (to take elsewhere), by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".json"):
        raise UserError(_("Choose a file name ending in .pdf or .json."))
    data = collect(session, person_id, today)
    if suffix == ".json":
        from verenigingsbeheer.outputs.person_json import write_person_json

        write_person_json(path, data)
    else:
        from verenigingsbeheer.outputs.pdf.person_data import write_person_data
        from verenigingsbeheer.services.member_reports import letterhead

        write_person_data(path, letterhead(session, today), data)
    return data
