"""The printed activity lists: the season's schedule and the attendance report.

For the window's print buttons and the CLI's `report schedule|attendance` alike. Each reads
in the caller's Session, checks the choices (a UserError in Dutch when one is wrong) and
writes a PDF; ReportLab is imported only when a list is made. Without a period, the season
(1 September - 31 August) of `today` is printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import attendance_figures as figures
from verenigingsbeheer.services.activities import list_activities
from verenigingsbeheer.services.activity_exports import check_period
from verenigingsbeheer.services.member_reports import letterhead, section_order

REPORT_PARTS = ("member", "activity", "both")
# What the attendance report counts: rehearsals (sectionals included) or every kind.
KIND_CHOICES: dict[str, tuple[str, ...] | None] = {
    "rehearsals": rules.REHEARSAL_KINDS,
    "all": None,
}


@dataclass(frozen=True)
class AttendanceReportSize:
    """How much the report holds: members listed and activities counted."""

    members: int
    activities: int


def period_or_season(
    today: dt.date, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The period asked for, or the season of `today` when none is given."""
    check_period(start, end)
    if start is None or end is None:
        return rules.season_of(today)
    return start, end


def make_schedule(
    session: Session,
    path: Path,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> int:
    """The schedule for the notice board; returns the number of activities on it."""
    start, end = period_or_season(today, start, end)
    from verenigingsbeheer.outputs.pdf.schedule import write_schedule

    rows = list_activities(session, start, end)
    return write_schedule(path, letterhead(session, today), rows, start=start, end=end)


def make_attendance_report(
    session: Session,
    path: Path,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    by: str = "both",
    threshold: float = figures.DEFAULT_THRESHOLD,
    kinds: Sequence[str] | None = rules.REHEARSAL_KINDS,
) -> AttendanceReportSize:
    """Attendance per member, per activity or both; `threshold` a fraction (0.75: members
    below 75 % are marked); `kinds` None counts every kind of activity."""
    start, end = period_or_season(today, start, end)
    if by not in REPORT_PARTS:
        raise UserError(
            _("Unknown choice '{value}'; choose from: {choices}.").format(
                value=by, choices=", ".join(REPORT_PARTS)
            )
        )
    if not 0 <= threshold <= 1:
        raise UserError(_("The threshold lies between 0 and 100 %."))
    unknown = [kind for kind in kinds or () if kind not in rules.KINDS]
    if unknown:
        raise UserError(
            _("Unknown choice '{value}'; choose from: {choices}.").format(
                value=unknown[0], choices=", ".join(rules.KINDS)
            )
        )
    from verenigingsbeheer.outputs.pdf.attendance import AttendanceReport, write_attendance

    members = activities = None
    sections = {}
    if by in ("member", "both"):
        members = figures.member_figures(session, start, end, kinds)
    if by in ("activity", "both"):
        activities = figures.activity_figures(session, start, end, kinds)
        sections = figures.section_figures(session, start, end, kinds)
    report = AttendanceReport(
        start=start,
        end=end,
        kinds=tuple(kinds) if kinds is not None else None,
        threshold=threshold,
        members=members,
        activities=activities,
        sections=sections,
        section_order=section_order(session),
        overall=figures.overall(activities or ()),
    )
    write_attendance(path, letterhead(session, today), report)
    if activities is None:  # the member part alone: count what it is based on
        activities = figures.activity_figures(session, start, end, kinds)
    return AttendanceReportSize(len(members or ()), len(activities))
