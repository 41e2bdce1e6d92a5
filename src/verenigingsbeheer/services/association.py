"""Reading and changing the association's own details."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Association
from verenigingsbeheer.domain.association import AssociationDetails, normalise, validate
from verenigingsbeheer.errors import ValidationFailed

_FIELDS = [field.name for field in fields(AssociationDetails)]


def _row(session: Session) -> Association:
    return session.execute(select(Association).order_by(Association.id)).scalar_one()


def get_details(session: Session) -> AssociationDetails:
    row = _row(session)
    return AssociationDetails(**{name: getattr(row, name) for name in _FIELDS})


def file_uid(session: Session) -> str:
    return _row(session).file_uid


def update_details(session: Session, details: AssociationDetails) -> AssociationDetails:
    """Save valid details; invalid ones raise ValidationFailed and change nothing."""
    problems = validate(details)
    if problems:
        raise ValidationFailed(problems)
    details = normalise(details)
    row = _row(session)
    for name in _FIELDS:
        setattr(row, name, getattr(details, name))
    session.flush()
    return details
