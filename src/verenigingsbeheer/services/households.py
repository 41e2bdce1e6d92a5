"""Households: members at one address, one of whom pays (finance uses it later)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Household, Member, Person
from verenigingsbeheer.db.undo import register_check
from verenigingsbeheer.domain.person import PersonName, fold
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _

NEW = -1  # pass as household id to start a new household with this member


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    name: str
    members: tuple[str, ...]
    payer: str

    @property
    def label(self) -> str:
        """ "Berg: Anna van der Berg, Bram van der Berg" for a choice list."""
        return f"{self.name}: {', '.join(self.members)}"


def list_households(session: Session) -> list[HouseholdRow]:
    query = (
        select(Household.id, Household.name, Person.first_name, Person.tussenvoegsel,
               Person.last_name, Member.pays_for_household)
        .join(Member, Member.household_id == Household.id)
        .join(Person, Person.id == Member.person_id)
        .order_by(Household.name, Household.id, Member.member_number)
    )  # fmt: skip
    found: dict[int, dict] = {}
    for id_, name, first, tussen, last, pays in session.execute(query):
        entry = found.setdefault(id_, {"name": name, "members": [], "payer": ""})
        full = PersonName(first, last, tussen).full
        entry["members"].append(full)
        if pays:
            entry["payer"] = full
    return [
        HouseholdRow(id_, e["name"], tuple(e["members"]), e["payer"]) for id_, e in found.items()
    ]


def household_labels(session: Session) -> dict[int, str]:
    """household id -> a name that is unique in the file, as export and import use it:
    the household's name, or "Berg (2)" for the second household called Berg."""
    rows = session.execute(select(Household.id, Household.name).order_by(Household.id)).all()
    names = {id_: " ".join(name.split()) or _("Household {n}").format(n=id_) for id_, name in rows}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[fold(name)] = counts.get(fold(name), 0) + 1
    used = {fold(name) for name in names.values() if counts[fold(name)] == 1}
    labels: dict[int, str] = {}
    for id_, name in names.items():
        label, number = name, 1
        if counts[fold(name)] > 1:
            while fold(label) in used:
                number += 1
                label = f"{name} ({number})"
        used.add(fold(label))
        labels[id_] = label
    return labels


def household_of(session: Session, member_id: int) -> tuple[int | None, bool]:
    member = session.get(Member, member_id)
    if member is None:
        raise UserError(_("This member no longer exists."))
    return member.household_id, member.pays_for_household


def set_household(session: Session, member_id: int, household_id: int | None, pays: bool) -> None:
    """Put a member in a household (or none, or NEW); at most one payer per household."""
    member = session.get(Member, member_id)
    if member is None:
        raise UserError(_("This member no longer exists."))
    old = member.household_id
    if household_id == NEW:
        household = Household(name=member.person.last_name)
        session.add(household)
        session.flush()
        household_id = household.id
    elif household_id is not None and session.get(Household, household_id) is None:
        raise UserError(_("This household no longer exists."))
    member.household_id = household_id
    member.pays_for_household = bool(pays and household_id is not None)
    session.flush()
    if member.pays_for_household:
        for other in session.execute(
            select(Member).where(Member.household_id == household_id, Member.id != member_id)
        ).scalars():
            other.pays_for_household = False
    if old is not None and old != household_id:
        left = session.execute(select(func.count()).where(Member.household_id == old)).scalar_one()
        if not left:
            session.delete(session.get(Household, old))
    session.flush()


@register_check
def one_payer_each(session: Session) -> bool:
    """At most one member pays for each household (kept by `set_household`; an undo must
    not break it either)."""
    query = (
        select(Member.household_id)
        .where(Member.pays_for_household.is_(True), Member.household_id.is_not(None))
        .group_by(Member.household_id)
        .having(func.count() > 1)
    )
    return session.execute(query).first() is None
