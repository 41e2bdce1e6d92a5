"""The member list as a spreadsheet (CSV or XLSX) that the import reads back unchanged.

The headers are the import's field labels ("Lidnummer", "Voornaam" ...), so
`auto_mapping` maps every column back; dates stay dates for the writers to format.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Member, Person
from verenigingsbeheer.i18n import _
from verenigingsbeheer.outputs import tables
from verenigingsbeheer.services.member_import_mapping import EXPORT_FIELDS, field_label
from verenigingsbeheer.services.members import MemberRow, list_members

Value = str | int | dt.date | None
_EXTRA = ("initials", "mandate_reference", "mandate_signed_on", "ooievaarspas_number",
          "emergency_contact", "notes")  # fmt: skip


def export_headers() -> list[str]:
    """Lidnummer, Voornaam, Tussenvoegsel, Achternaam ... in the user's language."""
    return [field_label(field) for field in EXPORT_FIELDS]


def export_rows(
    session: Session, today: dt.date, *, include_former: bool = False
) -> list[list[Value]]:
    """Current members (or everyone), sorted as the member list: last name proper first."""
    members = list_members(session, today, include_former=include_former)
    members.sort(key=lambda row: (row.name.sort_key, row.member_number))
    extra = _extra_details(session)
    return [_values(member, extra.get(member.member_id, {})) for member in members]


def export_members(
    session: Session, path: Path, today: dt.date, *, include_former: bool = False
) -> int:
    """Write the file (.csv or .xlsx, by its name); returns the number of members in it."""
    tables.check_output(path)
    rows = export_rows(session, today, include_former=include_former)
    tables.write_table(path, export_headers(), rows)
    return len(rows)


def _extra_details(session: Session) -> dict[int, dict[str, object]]:
    """What the member list does not carry, for every member in one query."""
    query = select(
        Member.id,
        Person.initials,
        Member.mandate_reference,
        Member.mandate_signed_on,
        Member.ooievaarspas_number,
        Member.emergency_contact,
        Member.notes,
    ).join(Person, Person.id == Member.person_id)
    return {
        member_id: dict(zip(_EXTRA, values, strict=True))
        for member_id, *values in session.execute(query)
    }


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _values(member: MemberRow, extra: dict[str, object]) -> list[Value]:
    name = member.name
    values: dict[str, Value] = {
        "member_number": member.member_number,
        "first_name": name.first_name,
        "tussenvoegsel": name.tussenvoegsel,
        "last_name": name.last_name,
        "date_of_birth": member.date_of_birth,
        "street": member.street,
        "house_number": member.house_number,
        "house_number_addition": member.house_number_addition,
        "postcode": member.postcode,
        "town": member.town,
        "country": member.country,
        "phone": member.phone,
        "email": member.email,
        "iban": member.iban,
        "section": member.section,
        "membership_type": member.membership_type,
        "member_since": member.member_since,
        "member_until": member.member_until,
        "ooievaarspas": _yes_no(member.ooievaarspas),
        **extra,  # type: ignore[dict-item]
    }
    return [values[field] for field in EXPORT_FIELDS]
