"""What the preview checks across rows: duplicates, member numbers, shared details.

Everything the file already holds is read once, so 10,000 rows need no query per row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Member, MembershipType, Person, Section
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.member_import_rows import ParsedRow, address_key, person_key

MAX_OTHERS = 3  # a shared e-mail address names at most this many others


@dataclass
class Existing:
    """What the file already holds, read once: no query per row."""

    people: dict[tuple, str]
    numbers: set[int]
    emails: dict[str, list[str]]
    addresses: dict[tuple, list[str]]
    sections: dict[str, int]
    types: dict[str, int]


_PERSON_KEY_FIELDS = (
    "first_name", "last_name", "tussenvoegsel", "date_of_birth", "email", "street",
    "house_number", "house_number_addition", "postcode", "town",
)  # fmt: skip


def load_existing(session: Session) -> Existing:
    found = Existing({}, set(), defaultdict(list), defaultdict(list), {}, {})
    columns = [getattr(Person, name) for name in _PERSON_KEY_FIELDS]
    query = select(Member.member_number, *columns).join(Person, Person.id == Member.person_id)
    for number, *values in session.execute(query):
        details = MemberDetails(**dict(zip(_PERSON_KEY_FIELDS, values, strict=True)))
        name = PersonName(details.first_name, details.last_name, details.tussenvoegsel).full
        described = _("member {number} ({name})").format(number=number, name=name)
        found.numbers.add(number)
        key = person_key(details)
        if key is not None:
            found.people.setdefault(key, described)
        if details.email:
            found.emails[details.email.lower()].append(described)
        address = address_key(details)
        if address is not None:
            found.addresses[address].append(described)
    for model, target in ((Section, found.sections), (MembershipType, found.types)):
        for id_, name in session.execute(select(model.id, model.name)):
            target[name.lower()] = id_
    return found


def line_label(line: int) -> str:
    return _("line {line}").format(line=line)


def find_duplicates(parsed: list[ParsedRow], existing: Existing) -> dict[int, str]:
    """line -> what it duplicates; member numbers used twice become problems."""
    seen: dict[tuple, int] = {}
    numbers: dict[int, int] = {}
    duplicates: dict[int, str] = {}
    for row in parsed:
        key = person_key(row.details)
        if key is not None and key in existing.people:
            duplicates[row.line] = existing.people[key]
            continue
        if key is not None and key in seen:
            duplicates[row.line] = line_label(seen[key])
            continue
        if key is not None:
            seen[key] = row.line
        number = row.member_number
        if number is None:
            continue
        if number in existing.numbers:
            message = _("Member number {n} is already in use.").format(n=number)
        elif number in numbers:
            message = _("Member number {n} is also on line {other}.").format(
                n=number, other=numbers[number]
            )
        else:
            numbers[number] = row.line
            continue
        row.add_problem("member_number", message)
    return duplicates


def shared_details(
    parsed: list[ParsedRow], duplicates: dict[int, str], existing: Existing
) -> dict[int, list[str]]:
    """Notes for rows sharing an e-mail address or an address (couples, parents)."""
    emails: dict[str, list[int]] = defaultdict(list)
    addresses: dict[tuple, list[int]] = defaultdict(list)
    kept = [row for row in parsed if row.line not in duplicates]
    for row in kept:
        if row.details.email:
            emails[row.details.email.lower()].append(row.line)
        address = address_key(row.details)
        if address is not None:
            addresses[address].append(row.line)
    notes: dict[int, list[str]] = defaultdict(list)
    for row in kept:
        checks = (
            (row.details.email.lower() or None, emails, existing.emails,
             _("same e-mail address as {others}")),
            (address_key(row.details), addresses, existing.addresses,
             _("same address as {others}")),
        )  # fmt: skip
        for key, in_file, on_file, text in checks:
            if key is None:
                continue
            lines, members = in_file[key], on_file.get(key, [])
            total = len(lines) - 1 + len(members)
            if total:
                nearest = [line_label(n) for n in lines[: MAX_OTHERS + 1] if n != row.line]
                notes[row.line].append(text.format(others=_listed(nearest + members, total)))
    return notes


def _listed(others: list[str], total: int) -> str:
    """ "regel 4, regel 9" or "regel 4, regel 9, regel 12 en nog 40": a few, then a count."""
    shown = ", ".join(others[:MAX_OTHERS])
    if total <= MAX_OTHERS:
        return shown
    more = _("and {n} more").format(n=total - MAX_OTHERS)
    return f"{shown} {more}"
