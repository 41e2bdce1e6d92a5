"""The processing register (verwerkingsregister, art. 30 AVG): the association's own lines,
editable, printed together with what the program knows (the board, the retention period)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import ProcessingActivity
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.services import association, members, privacy


@dataclass(frozen=True)
class Activity:
    """One processing activity as the register editor shows it."""

    name: str
    purpose: str = ""
    legal_basis: str = ""
    data_subjects: str = ""
    data_categories: str = ""
    recipients: str = ""
    retention: str = ""
    security: str = ""


ACTIVITY_FIELDS = tuple(f.name for f in fields(Activity))
FIELD_LABELS = {
    "name": N_("Processing"),
    "purpose": N_("Purpose"),
    "legal_basis": N_("Legal basis"),
    "data_subjects": N_("Whose data"),
    "data_categories": N_("Which data"),
    "recipients": N_("Who has access"),
    "retention": N_("How long it is kept"),
    "security": N_("Security measures"),
}


def list_activities(session: Session) -> list[tuple[int, Activity]]:
    query = select(ProcessingActivity).order_by(
        ProcessingActivity.sort_order, ProcessingActivity.id
    )
    return [
        (row.id, Activity(**{name: getattr(row, name) for name in ACTIVITY_FIELDS}))
        for row in session.execute(query).scalars()
    ]


def _check(activity: Activity) -> Activity:
    tidy = Activity(**{name: value.strip() for name, value in asdict(activity).items()})
    if not tidy.name:
        raise ValidationFailed({"name": _("Enter the name of the processing.")})
    if len(tidy.name) > 100 or len(tidy.legal_basis) > 200:
        raise ValidationFailed({"name": _("At most {n} characters.").format(n=100)})
    return tidy


def save_activity(session: Session, activity_id: int | None, activity: Activity) -> int:
    """Add (id None) or change a line of the register; returns its id."""
    activity = _check(activity)
    if activity_id is None:
        order = session.execute(select(func.max(ProcessingActivity.sort_order))).scalar() or 0
        row = ProcessingActivity(sort_order=order + 1, **asdict(activity))
        session.add(row)
        audit.note(session, "edit", _("Processing register: line added"))
    else:
        row = session.get(ProcessingActivity, activity_id)
        if row is None:
            raise UserError(_("This line of the register no longer exists."))
        for name, value in asdict(activity).items():
            setattr(row, name, value)
        audit.note(session, "edit", _("Processing register changed"))
    session.flush()
    return row.id


def delete_activity(session: Session, activity_id: int) -> None:
    row = session.get(ProcessingActivity, activity_id)
    if row is not None:
        session.delete(row)
        audit.note(session, "edit", _("Processing register: line removed"))
        session.flush()


def make_register(session: Session, path: Path, today: dt.date) -> int:
    """The register as a PDF; returns the number of processing lines."""
    from verenigingsbeheer.outputs.pdf.register import RegisterHeader, write_register
    from verenigingsbeheer.services.member_reports import letterhead

    details = association.get_details(session)
    address = " ".join(p for p in (details.street, details.house_number) if p)
    place = "  ".join(p for p in (details.postcode, details.town) if p)
    board = [(row.title, row.name.full) for row in members.current_board(session, today)]
    header = RegisterHeader(
        controller=details.name,
        address=", ".join(p for p in (address, place) if p),
        kvk_number=details.kvk_number,
        board=tuple(board),
        retention_years=privacy.retention_years(session),
    )
    activities = [activity for _id, activity in list_activities(session)]
    write_register(path, letterhead(session, today), header, activities)
    return len(activities)
