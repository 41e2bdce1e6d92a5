"""Season series: plan one in a go, see which days it skips and why, change the rest of it
from a day on. Also the holidays a series may skip: public holidays from the `holidays`
package, school holidays from the association's own (editable) list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import (
    Activity,
    ActivitySeries,
    SchoolHoliday,
    SeriesSection,
    SeriesSkip,
)
from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.activities import ActivityDetails, SeriesRule, SkippedDate
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import _, language, ngettext
from verenigingsbeheer.services import bookings
from verenigingsbeheer.services.activities import _set_sections, create_activity


@dataclass(frozen=True)
class SeriesDetails:
    """What the series dialog edits. No section ids means every section is expected."""

    kind: str
    title: str
    rule: SeriesRule
    place: str = ""  # a place that is no known room
    section_ids: tuple[int, ...] = ()
    notes: str = ""
    room_id: int | None = None  # every occurrence booked in this room

    def occurrence(self, day: dt.date) -> ActivityDetails:
        return ActivityDetails(
            self.kind, self.title, day, self.rule.start_time, self.rule.end_time, self.place,
            self.section_ids, notes=self.notes,
        )  # fmt: skip


@dataclass(frozen=True)
class SeriesChange:
    changed: int
    added: int
    cancelled: int  # no longer on the new rule: cancelled, so calendars hear of it
    kept: int  # changed on their own before, or registered already: left as they were


@dataclass(frozen=True)
class SchoolHolidayRow:
    holiday_id: int | None
    name: str
    first_day: dt.date
    last_day: dt.date


# -- holidays ---------------------------------------------------------------------------------
def public_holidays(first: dt.date, last: dt.date) -> dict[dt.date, str]:
    """The Dutch public holidays between two days, named in the user's language."""
    import holidays

    names = "nl" if language() == "nl" else "en_US"
    found = holidays.country_holidays("NL", years=range(first.year, last.year + 1), language=names)
    return {day: name for day, name in found.items() if first <= day <= last}


def school_holidays(session: Session) -> list[SchoolHolidayRow]:
    query = select(SchoolHoliday).order_by(SchoolHoliday.first_day)
    return [
        SchoolHolidayRow(h.id, h.name, h.first_day, h.last_day)
        for h in session.execute(query).scalars()
    ]


def save_school_holidays(session: Session, rows: list[SchoolHolidayRow]) -> None:
    """Replace the list by `rows` (the editor's whole table), checked first."""
    for row in rows:
        if not row.name.strip():
            raise ValidationFailed({"name": _("Enter the name of the holiday.")})
        if row.last_day < row.first_day:
            raise ValidationFailed(
                {"last_day": _("{name}: the last day lies before the first.").format(name=row.name)}
            )
    existing = {h.id: h for h in session.execute(select(SchoolHoliday)).scalars()}
    kept = set()
    for row in rows:
        holiday = existing.get(row.holiday_id) if row.holiday_id is not None else None
        if holiday is None:
            holiday = SchoolHoliday()
            session.add(holiday)
        else:
            kept.add(holiday.id)
        holiday.name, holiday.first_day, holiday.last_day = (
            " ".join(row.name.split()), row.first_day, row.last_day
        )  # fmt: skip
    for holiday_id, holiday in existing.items():
        if holiday_id not in kept:
            session.delete(holiday)
    audit.note(session, "edit", _("School holidays changed"))
    session.flush()


def _school(session: Session) -> list[tuple[str, dt.date, dt.date]]:
    return [(h.name, h.first_day, h.last_day) for h in school_holidays(session)]


def school_holidays_known(session: Session, first: dt.date, last: dt.date) -> bool:
    """Whether the list holds a summer holiday for every season the period touches: if not,
    the board should add that year's holidays before skipping them."""
    summers = {h.first_day.year for h in school_holidays(session) if h.first_day.month in (6, 7)}
    seasons = {rules.season_of(first)[1].year, rules.season_of(last)[1].year}
    return seasons <= summers


# -- planning ---------------------------------------------------------------------------------
def preview(session: Session, rule: SeriesRule) -> tuple[list[dt.date], list[SkippedDate]]:
    """The days a series would take, and those it would skip (with the holiday's name)."""
    return rules.series_dates(
        rule, public_holidays(rule.first_date, rule.last_date), _school(session)
    )


def _check(details: SeriesDetails) -> None:
    problems = rules.validate_series(details.rule, details.title)
    problems.update(rules.validate_activity(details.occurrence(details.rule.first_date)))
    if problems:
        raise ValidationFailed(problems)


def plan_series(session: Session, details: SeriesDetails, *, on_conflict: str = "refuse") -> int:
    """Create the series and all its activities in the caller's transaction; returns its id.
    With a room, every occurrence is booked in it; `on_conflict` as for
    `bookings.book_series` (by default ConflictFound names every booking in the way)."""
    _check(details)
    rule = details.rule
    series = ActivitySeries(
        kind=details.kind,
        title=" ".join(details.title.split()),
        weekday=rule.weekday,
        interval_weeks=rule.interval_weeks,
        start_time=rule.start_time,
        end_time=rule.end_time,
        first_date=rule.first_date,
        last_date=rule.last_date,
        place="" if details.room_id else " ".join(details.place.split()),
        room_id=details.room_id,
        skip_public_holidays=rule.skip_public_holidays,
        skip_school_holidays=rule.skip_school_holidays,
        notes=details.notes.strip(),
        section_links=[SeriesSection(section_id=i) for i in sorted(set(details.section_ids))],
    )
    session.add(series)
    session.flush()
    dates, _skipped = preview(session, rule)
    if not dates:
        raise UserError(_("This series falls on no day at all; check the dates."))
    for day in dates:
        create_activity(session, details.occurrence(day), series_id=series.id)
    if details.room_id is not None:
        bookings.book_series(session, series.id, details.room_id, on_conflict=on_conflict)
    audit.note(
        session,
        "new",
        ngettext(
            "Series planned: {title}, {n} activity",
            "Series planned: {title}, {n} activities",
            len(dates),
        ).format(title=series.title, n=len(dates)),
        undoable=True,
    )
    return series.id


def get_series(session: Session, series_id: int) -> SeriesDetails:
    series = session.get(ActivitySeries, series_id)
    if series is None:
        raise UserError(_("This series no longer exists."))
    rule = SeriesRule(
        series.weekday, series.start_time, series.end_time, series.first_date,
        series.last_date, series.interval_weeks, series.skip_public_holidays,
        series.skip_school_holidays,
    )  # fmt: skip
    return SeriesDetails(
        series.kind, series.title, rule, series.place,
        tuple(link.section_id for link in series.section_links), series.notes,
        series.room_id,
    )  # fmt: skip


def _anchor(series: ActivitySeries, from_day: dt.date, weekday: int) -> dt.date:
    """Where the changed series starts counting: the first day the series fell on from
    `from_day` (so a fortnightly series keeps its rhythm), moved on to the new weekday."""
    step = 7 * series.interval_weeks
    ahead = (series.weekday - series.first_date.weekday()) % 7
    first = series.first_date + dt.timedelta(days=ahead)
    behind = max(0, (from_day - first).days)
    day = first + dt.timedelta(days=-(-behind // step) * step)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def preview_from(
    session: Session, series_id: int, from_day: dt.date, rule: SeriesRule
) -> tuple[list[dt.date], list[SkippedDate]]:
    """The days a series would take from `from_day` on when changed to `rule`."""
    series = session.get(ActivitySeries, series_id)
    if series is None:
        raise UserError(_("This series no longer exists."))
    anchor = _anchor(series, from_day, rule.weekday)
    return preview(session, replace(rule, first_date=anchor))


def change_series_from(
    session: Session,
    series_id: int,
    from_day: dt.date,
    details: SeriesDetails,
    *,
    accept_conflicts: bool = False,
) -> SeriesChange:
    """Change the rest of the series from `from_day` on to the new rule (time, place,
    sections, weekday, rhythm, end date).

    Each occurrence stands for a day of the series (its `series_date`, kept when it was
    moved); it is paired with the nearest day of the new rule and moved there, so it keeps
    its identity in calendars and what members said beforehand. Occurrences before that
    day, those changed, moved or cancelled on their own and those with attendance
    registered stay as they are and keep their place. One the new rule no longer falls on
    is cancelled (calendars hear of it); a day whose occurrence was deleted on its own
    stays empty. Room bookings follow (ConflictFound when a room is taken then, unless
    `accept_conflicts`); with another room, the changed occurrences are booked there."""
    _check(details)
    series = session.get(ActivitySeries, series_id)
    if series is None:
        raise UserError(_("This series no longer exists."))
    rule = replace(details.rule, first_date=series.first_date)
    if rule.last_date < from_day:
        raise ValidationFailed({"last_date": _("The last day lies before the first.")})
    anchor = _anchor(series, from_day, rule.weekday)
    days, _skipped = preview(session, replace(rule, first_date=anchor))
    period = 7 * rule.interval_weeks

    def nearest(day: dt.date) -> int:  # the new rule's day closest to `day`
        return ((day - anchor).days + period // 2) // period

    targets = {nearest(day): day for day in days if day >= from_day}
    skips = session.execute(
        select(SeriesSkip.slot_date).where(SeriesSkip.series_id == series_id)
    ).scalars()
    deleted = {nearest(day) for day in skips if day >= from_day}
    slot = func.coalesce(Activity.series_date, Activity.date)
    occurrences = session.execute(
        select(Activity)
        .where(Activity.series_id == series_id, slot >= from_day)
        .order_by(slot, Activity.id)
    ).scalars()
    groups: dict[int, list[Activity]] = {}
    for activity in occurrences:
        groups.setdefault(nearest(activity.series_date or activity.date), []).append(activity)

    had_room = series.room_id is not None
    _update_series(series, details, rule)
    changed = cancelled = kept = 0
    for place, found in groups.items():
        target = targets.pop(place, None)
        fixed = [a for a in found if a.detached or a.attendance]
        if fixed:  # changed on its own or held already: it keeps this day of the series
            kept += len(fixed)
            target = None
        for activity in (a for a in found if a not in fixed):
            if target is None:
                cancelled += 0 if activity.cancelled else 1
                activity.cancelled = True  # by the series: a later change may revive it
                continue
            occurrence = details.occurrence(target)
            for name in ("kind", "title", "date", "start_time", "end_time", "place", "notes"):
                setattr(activity, name, getattr(occurrence, name))
            activity.series_date, activity.cancelled = target, False
            _set_sections(activity, occurrence.section_ids)
            changed += 1
            target = None
    session.flush()
    for found in groups.values():
        for activity in found:
            if not activity.detached and not activity.attendance:
                _book(session, activity, details.room_id, accept_conflicts, had_room)
    added = 0
    for place, day in sorted(targets.items()):
        if place not in deleted:
            made = create_activity(session, details.occurrence(day), series_id=series_id)
            _book(session, session.get(Activity, made), details.room_id, accept_conflicts, False)
            added += 1
    audit.note(
        session,
        "edit",
        _("Series changed from {date}: {title}").format(
            date=from_day.strftime("%d-%m-%Y"), title=series.title
        ),
        undoable=True,
    )
    session.flush()
    return SeriesChange(changed, added, cancelled, kept)


def _book(
    session: Session, activity: Activity, room_id: int | None, accept: bool, had_room: bool
) -> None:
    """The series' room for one of its occurrences; without one, a booking the series
    made goes, and one made for this occurrence alone follows it. Cancelled or revived by
    the series, its booking is too."""
    if room_id is not None:
        bookings.place_activity(
            session, activity.id, room_id, accept_conflicts=accept, status_follows=True
        )
    elif had_room:
        bookings.place_activity(session, activity.id, None)
    else:
        bookings.follow(session, activity, accept_conflicts=accept, status_follows=True)


def _update_series(series: ActivitySeries, details: SeriesDetails, rule: SeriesRule) -> None:
    series.room_id = details.room_id
    for name, value in (
        ("kind", details.kind), ("title", " ".join(details.title.split())),
        ("weekday", rule.weekday), ("interval_weeks", rule.interval_weeks),
        ("start_time", rule.start_time), ("end_time", rule.end_time),
        ("last_date", rule.last_date),
        ("place", "" if details.room_id else " ".join(details.place.split())),
        ("skip_public_holidays", rule.skip_public_holidays),
        ("skip_school_holidays", rule.skip_school_holidays), ("notes", details.notes.strip()),
    ):  # fmt: skip
        setattr(series, name, value)
    wanted = set(details.section_ids)
    for link in list(series.section_links):
        if link.section_id not in wanted:
            series.section_links.remove(link)
    for section_id in sorted(wanted - {link.section_id for link in series.section_links}):
        series.section_links.append(SeriesSection(section_id=section_id))


def list_series(session: Session) -> list[tuple[int, str]]:
    """(id, "Repetitie: dinsdag 20:00–22:15, 1 sep 2026 – 30 jun 2027") for choosing one,
    the newest first."""
    from verenigingsbeheer.i18n.formatting import format_date

    found = []
    query = select(ActivitySeries).order_by(ActivitySeries.first_date.desc())
    for series in session.execute(query).scalars():
        every = _(rules.WEEKDAYS[series.weekday]).lower()
        text = _("{title}: {weekday} {start}–{end}, {first} – {last}").format(
            title=series.title, weekday=every, start=f"{series.start_time:%H:%M}",
            end=f"{series.end_time:%H:%M}", first=format_date(series.first_date, "d MMM y"),
            last=format_date(series.last_date, "d MMM y"),
        )  # fmt: skip
        found.append((series.id, text))
    return found
