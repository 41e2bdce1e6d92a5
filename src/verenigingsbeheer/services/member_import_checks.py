"""What the preview checks across rows: duplicates, member numbers, shared details.

Everything the file already holds is read once, so 10,000 rows need no query per row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Member, MembershipType, Person, Section
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.domain.person import PersonName, fold
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.households import household_labels
from verenigingsbeheer.services.member_import_rows import (
    ParsedRow,
    address_key,
    name_key,
    person_key,
)

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
    # (first, last) -> (member described, has a birth date), for "same name" notes
    names: dict[tuple, list[tuple[str, bool]]] = field(default_factory=dict)
    # folded household label (as the export writes it) -> (label, payer described or "")
    households: dict[str, tuple[str, str]] = field(default_factory=dict)


def household_key(text: str) -> str:
    """How household cells compare: case, accents and extra spaces ignored."""
    return fold(" ".join(text.split()))


_PERSON_KEY_FIELDS = (
    "first_name", "last_name", "tussenvoegsel", "date_of_birth", "email", "street",
    "house_number", "house_number_addition", "postcode", "town",
)  # fmt: skip


def load_existing(session: Session) -> Existing:
    found = Existing({}, set(), defaultdict(list), defaultdict(list), {}, {}, defaultdict(list))
    columns = [getattr(Person, name) for name in _PERSON_KEY_FIELDS]
    query = select(
        Member.member_number, Member.household_id, Member.pays_for_household, *columns
    ).join(Person, Person.id == Member.person_id)
    payers: dict[int, str] = {}
    for number, household_id, pays, *values in session.execute(query):
        details = MemberDetails(**dict(zip(_PERSON_KEY_FIELDS, values, strict=True)))
        name = PersonName(details.first_name, details.last_name, details.tussenvoegsel).full
        described = _("member {number} ({name})").format(number=number, name=name)
        found.numbers.add(number)
        if household_id is not None and pays:
            payers[household_id] = described
        key = person_key(details)
        if key is not None:
            found.people.setdefault(key, described)
        same_name = name_key(details)
        if same_name is not None:
            found.names[same_name].append((described, details.date_of_birth is not None))
        if details.email:
            found.emails[details.email.lower()].append(described)
        address = address_key(details)
        if address is not None:
            found.addresses[address].append(described)
    for model, target in ((Section, found.sections), (MembershipType, found.types)):
        for id_, name in session.execute(select(model.id, model.name)):
            target[name.lower()] = id_
    for id_, label in household_labels(session).items():
        found.households[household_key(label)] = (label, payers.get(id_, ""))
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
    _same_names(kept, existing, notes)
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
                notes[row.line].append(text.format(others=listed(nearest + members, total)))
    return notes


def _same_names(kept: list[ParsedRow], existing: Existing, notes: dict[int, list[str]]) -> None:
    """The same name where a birth date is missing on either side: maybe the same person,
    maybe not, so it is imported with a note instead of skipped as a duplicate."""
    in_file: dict[tuple, list[ParsedRow]] = defaultdict(list)
    for row in kept:
        key = name_key(row.details)
        if key is not None:
            in_file[key].append(row)
    for key, rows in in_file.items():
        on_file = existing.names.get(key, [])
        for row in rows:
            born = row.details.date_of_birth is not None
            others = [
                line_label(other.line)
                for other in rows
                if other is not row and not (born and other.details.date_of_birth is not None)
            ]
            others += [described for described, dated in on_file if not (born and dated)]
            if others:
                notes[row.line].append(
                    _(
                        "same name as {others}, but no date of birth to compare: check "
                        "whether this is the same person"
                    ).format(others=listed(others, len(others)))
                )


def household_checks(
    parsed: list[ParsedRow], duplicates: dict[int, str], existing: Existing
) -> dict[int, list[str]]:
    """One payer per household, also counting the households already in the file; a note
    for rows that join an existing household. Returns the notes per line."""
    payers = {key: payer for key, (_label, payer) in existing.households.items() if payer}
    notes: dict[int, list[str]] = defaultdict(list)
    for row in parsed:
        if not row.household or row.line in duplicates:
            continue
        key = household_key(row.household)
        if key in existing.households:
            notes[row.line].append(
                _("joins the existing household {name}").format(name=existing.households[key][0])
            )
        if not row.pays_for_household:
            continue
        if key in payers:
            row.add_problem(
                "pays_for_household",
                _("{payer} already pays for household {name}.").format(
                    payer=payers[key], name=row.household
                ),
            )
        else:
            payers[key] = line_label(row.line)
    return notes


def listed(others: list[str], total: int) -> str:
    """ "regel 4, regel 9" or "regel 4, regel 9, regel 12 en nog 40": a few, then a count."""
    shown = ", ".join(others[:MAX_OTHERS])
    if total <= MAX_OTHERS:
        return shown
    more = _("and {n} more").format(n=total - MAX_OTHERS)
    return f"{shown} {more}"
