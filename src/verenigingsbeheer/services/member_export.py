"""The member list as a spreadsheet (CSV or XLSX) that the import reads back unchanged.

The headers are the import's field labels ("Lidnummer", "Voornaam" ...), so
`auto_mapping` maps every column back; dates stay dates for the writers to format.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Consent, Member, MembershipPeriod, Person
from verenigingsbeheer.i18n import _
from verenigingsbeheer.outputs import tables
from verenigingsbeheer.services.households import household_labels
from verenigingsbeheer.services.member_import_mapping import (
    CONSENT_FIELDS,
    EXPORT_FIELDS,
    field_label,
)
from verenigingsbeheer.services.members import MemberRow, list_members

Value = str | int | dt.date | None
_EXTRA = ("initials", "mandate_reference", "mandate_signed_on", "ooievaarspas_number",
          "ooievaarspas_valid_until", "emergency_contact", "notes", "pays")  # fmt: skip


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
    households = household_labels(session)
    return [_values(member, dict(extra[member.member_id]), households) for member in members]


def export_members(
    session: Session, path: Path, today: dt.date, *, include_former: bool = False
) -> int:
    """Write the file (.csv or .xlsx, by its name); returns the number of members in it."""
    tables.check_output(path)
    rows = export_rows(session, today, include_former=include_former)
    tables.write_table(path, export_headers(), rows)
    return len(rows)


def _extra_details(session: Session) -> dict[int, dict[str, object]]:
    """What the member list does not carry, for every member in a few queries."""
    query = select(
        Member.id,
        Person.initials,
        Member.mandate_reference,
        Member.mandate_signed_on,
        Member.ooievaarspas_number,
        Member.ooievaarspas_valid_until,
        Member.emergency_contact,
        Member.notes,
        Member.pays_for_household,
    ).join(Person, Person.id == Member.person_id)
    extra = {
        member_id: dict(zip(_EXTRA, values, strict=True))
        for member_id, *values in session.execute(query)
    }
    periods = select(
        MembershipPeriod.member_id, MembershipPeriod.notice_given_on, MembershipPeriod.end_reason
    ).order_by(MembershipPeriod.member_id, MembershipPeriod.start_date)
    for member_id, notice, reason in session.execute(periods):  # the latest period wins
        extra[member_id].update(notice_given_on=notice, end_reason=reason)
    consents = select(
        Consent.member_id, Consent.kind, Consent.given_on, Consent.given_by_parent
    ).order_by(Consent.member_id, Consent.kind)
    for member_id, kind, given_on, parent in session.execute(consents):
        extra[member_id][f"consent_{kind}"] = given_on
        parents = extra[member_id].setdefault("parents", [])
        if parent.strip() and parent.strip() not in parents:
            parents.append(parent.strip())
    return extra


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _values(member: MemberRow, extra: dict[str, object], households: dict[int, str]) -> list[Value]:
    name = member.name
    household = households.get(member.household_id, "") if member.household_id else ""
    consents = {field: extra.pop(field, None) for field in CONSENT_FIELDS}
    parents: list[str] = extra.pop("parents", [])  # type: ignore[assignment]
    pays = extra.pop("pays")
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
        **consents,  # type: ignore[dict-item]
        # Different parents for one member's consents are rare; all of them are kept.
        "consent_parent": " / ".join(parents),
        "household": household,
        "pays_for_household": _yes_no(bool(pays)) if household else "",
        **extra,  # type: ignore[dict-item]
    }
    return [values[field] for field in EXPORT_FIELDS]


def export_mailing(session: Session, path: Path, today: dt.date) -> int:
    """The newsletter's mailing list: name and e-mail of the current members who consented
    to the newsletter (the others are left out, as the AVG requires); returns how many."""
    tables.check_output(path)
    rows = [
        [member.name.full, member.email]
        for member in list_members(session, today)
        if member.newsletter_consent and member.email
    ]
    tables.write_table(path, [_("Name"), _("E-mail")], rows)
    return len(rows)
