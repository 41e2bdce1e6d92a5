"""Addresses as PostNL wants them on an envelope, and one address per household.

Kept apart from the drawing so the rules are easy to test: name line; street, number
and addition; `2517 AK  DEN HAAG` (two spaces, town in capitals); the country on the
last line, in capitals, only when the address is not in the Netherlands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel import Locale

from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.i18n import _, babel_locale

if TYPE_CHECKING:
    from verenigingsbeheer.services.members import MemberRow


@dataclass(frozen=True)
class Addressee:
    """One label: the name line and the address lines below it."""

    name: str
    address: tuple[str, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        return (self.name, *self.address)


@dataclass(frozen=True)
class Addressees:
    """The labels to print, and the members left out because their address is missing."""

    labels: list[Addressee]
    skipped: list[str]  # full names, to tell the user


def address_lines(member: MemberRow) -> tuple[str, ...] | None:
    """The address below the name, or None when it is too incomplete to post."""
    if not (member.street.strip() and member.town.strip()):
        return None
    country = (member.country or "NL").strip().upper()
    postcode, town = member.postcode.strip(), member.town.strip().upper()
    if country == "NL":
        place = "  ".join(part for part in (postcode, town) if part)
        return (member.address, place)
    place = " ".join(part for part in (postcode, town) if part)
    return (member.address, place, country_name(country).upper())


def country_name(code: str) -> str:
    """ "BE" -> "België" in the user's language; the code itself when unknown."""
    return Locale.parse(babel_locale()).territories.get(code, code)


def addressees(members: Sequence[MemberRow], *, per_household: bool = False) -> Addressees:
    """One label per member, or per household (members sharing a household_id)."""
    groups: dict[tuple[str, int], list[MemberRow]] = {}
    for member in members:
        if per_household and member.household_id is not None:
            key = ("household", member.household_id)
        else:
            key = ("member", member.member_id)
        groups.setdefault(key, []).append(member)
    labels, skipped = [], []
    for group in groups.values():
        at = next((lines for m in group if (lines := address_lines(m)) is not None), None)
        if at is None:
            skipped += [member.name.full for member in group]
            continue
        labels.append(Addressee(household_name([m.name for m in group]), at))
    return Addressees(labels, skipped)


def household_name(names: Sequence[PersonName]) -> str:
    """ "Fam. Van der Berg" when all share a surname, else the names joined."""
    if len(names) == 1:
        return names[0].full
    surnames = {(n.tussenvoegsel.casefold(), n.last_name.casefold()) for n in names}
    if len(surnames) == 1:
        first = names[0]
        surname = " ".join(part for part in (first.tussenvoegsel, first.last_name) if part)
        # Without a first name before it, the tussenvoegsel takes a capital: "Van der Berg".
        surname = surname[:1].upper() + surname[1:]
        return _("The {surname} family").format(surname=surname)
    full = [name.full for name in names]
    return _("{names} and {last}").format(names=", ".join(full[:-1]), last=full[-1])
