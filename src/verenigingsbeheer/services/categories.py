"""Sections and membership types: the association's own lists, kept in order."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import (
    ActivitySection,
    Member,
    MembershipType,
    Section,
    SeriesSection,
)
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _

KINDS = {"section": Section, "type": MembershipType}


@dataclass(frozen=True, slots=True)
class Category:
    id: int
    name: str
    members: int


def list_categories(session: Session, kind: str) -> list[Category]:
    """Sections (`kind="section"`) or membership types (`"type"`), with member counts."""
    model = KINDS[kind]
    column = Member.section_id if model is Section else Member.membership_type_id
    used = select(column.label("id"), func.count(Member.id).label("n")).group_by(column).subquery()
    query = (
        select(model.id, model.name, func.coalesce(used.c.n, 0))
        .outerjoin(used, used.c.id == model.id)
        .order_by(model.sort_order, model.name)
    )
    return [Category(id_, name, int(n)) for id_, name, n in session.execute(query)]


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserError(_("Enter a name."))
    if len(name) > 60:
        raise UserError(_("At most {n} characters.").format(n=60))
    return name


def _taken(session: Session, model, name: str, except_id: int | None = None) -> bool:
    query = select(model.id).where(func.lower(model.name) == name.lower())
    if except_id is not None:
        query = query.where(model.id != except_id)
    return session.execute(query).first() is not None


def add_category(session: Session, kind: str, name: str) -> int:
    model = KINDS[kind]
    name = _clean(name)
    if _taken(session, model, name):
        raise UserError(_("'{name}' already exists.").format(name=name))
    highest = session.execute(select(func.max(model.sort_order))).scalar() or 0
    row = model(name=name, sort_order=highest + 1)
    session.add(row)
    session.flush()
    return row.id


def find_or_add(session: Session, kind: str, name: str) -> tuple[int, bool]:
    """The id for `name` (case-insensitive); (id, True) when it had to be added."""
    model = KINDS[kind]
    name = _clean(name)
    found = session.execute(select(model.id).where(func.lower(model.name) == name.lower())).scalar()
    if found is not None:
        return found, False
    return add_category(session, kind, name), True


def rename_category(session: Session, kind: str, category_id: int, name: str) -> None:
    model = KINDS[kind]
    name = _clean(name)
    if _taken(session, model, name, except_id=category_id):
        raise UserError(_("'{name}' already exists.").format(name=name))
    session.get(model, category_id).name = name
    session.flush()


def move_category(session: Session, kind: str, category_id: int, step: int) -> None:
    """Move one place up (-1) or down (+1) in the list."""
    model = KINDS[kind]
    rows = list(session.execute(select(model).order_by(model.sort_order, model.name)).scalars())
    index = next(i for i, row in enumerate(rows) if row.id == category_id)
    target = index + step
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    for order, row in enumerate(rows):
        row.sort_order = order
    session.flush()


def delete_category(session: Session, kind: str, category_id: int) -> None:
    """Only unused ones: a member never silently loses a section or type."""
    model = KINDS[kind]
    column = Member.section_id if model is Section else Member.membership_type_id
    in_use = session.execute(select(func.count()).where(column == category_id)).scalar_one()
    if in_use:
        raise UserError(
            _("{name} is still used by {n} members; give them another first.").format(
                name=session.get(model, category_id).name, n=in_use
            )
        )
    if model is Section:
        planned = session.execute(
            select(func.count()).where(ActivitySection.section_id == category_id)
        ).scalar_one()
        planned += session.execute(
            select(func.count()).where(SeriesSection.section_id == category_id)
        ).scalar_one()
        if planned:  # else its sectionals would silently expect everyone
            raise UserError(
                _("{name} is still expected at activities or series; change those first.").format(
                    name=session.get(model, category_id).name
                )
            )
    session.delete(session.get(model, category_id))
    session.flush()
