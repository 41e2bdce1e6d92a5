"""Activities and season series as plain values, with their rules: which kinds there are,
what availability and attendance can be, which dates a series falls on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from verenigingsbeheer.i18n import N_, _

KINDS = {
    "rehearsal": N_("Rehearsal"),
    "sectional": N_("Sectional rehearsal"),
    "performance": N_("Performance"),
    "workshop": N_("Workshop"),
    "meeting": N_("Meeting"),
    "other": N_("Other"),
}
REHEARSAL_KINDS = ("rehearsal", "sectional")
# Before an activity: does the member come? After it: did they?
AVAILABILITY = {"unknown": N_("not known"), "signed_up": N_("coming"), "excused": N_("excused")}
ATTENDANCE = {
    "present": N_("present"),
    "late": N_("late"),
    "excused": N_("excused"),
    "absent": N_("absent"),
}
ATTENDED = ("present", "late")  # what counts towards a member's attendance percentage
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
            N_("Saturday"), N_("Sunday"))  # fmt: skip
MAX_SERIES_DAYS = 2 * 366


@dataclass(frozen=True)
class ActivityDetails:
    """What the activity form edits. No section ids means every section is expected."""

    kind: str
    title: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    place: str = ""
    section_ids: tuple[int, ...] = ()
    public: bool = False
    audience: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class SeriesRule:
    """ "Every Tuesday 20:00-22:15 from 1 September to 30 June", every week or fortnight."""

    weekday: int
    start_time: dt.time
    end_time: dt.time
    first_date: dt.date
    last_date: dt.date
    interval_weeks: int = 1
    skip_public_holidays: bool = True
    skip_school_holidays: bool = False


@dataclass(frozen=True)
class SkippedDate:
    day: dt.date
    why: str  # the holiday's name, as shown to the user


def kind_label(kind: str) -> str:
    return _(KINDS.get(kind, kind))


def default_title(kind: str) -> str:
    return kind_label(kind)


def validate_activity(details: ActivityDetails) -> dict[str, str]:
    """Problems per field, in the user's language; empty when all is well."""
    problems: dict[str, str] = {}
    if details.kind not in KINDS:
        problems["kind"] = _("Choose the kind of activity.")
    if not details.title.strip():
        problems["title"] = _("Enter a title, e.g. Repetitie.")
    elif len(details.title.strip()) > 200:
        problems["title"] = _("At most {n} characters.").format(n=200)
    if details.end_time <= details.start_time:
        problems["end_time"] = _("The end lies before the start.")
    if len(details.place.strip()) > 200:
        problems["place"] = _("At most {n} characters.").format(n=200)
    if details.audience is not None and details.audience < 0:
        problems["audience"] = _("The audience cannot be negative.")
    return problems


def validate_series(rule: SeriesRule, title: str) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = _("Enter a title, e.g. Repetitie.")
    if not 0 <= rule.weekday <= 6:
        problems["weekday"] = _("Choose a day of the week.")
    if rule.interval_weeks not in (1, 2):
        problems["interval_weeks"] = _("Every week or every fortnight.")
    if rule.end_time <= rule.start_time:
        problems["end_time"] = _("The end lies before the start.")
    if rule.last_date < rule.first_date:
        problems["last_date"] = _("The last day lies before the first.")
    elif (rule.last_date - rule.first_date).days > MAX_SERIES_DAYS:
        problems["last_date"] = _("A series runs for at most two years.")
    return problems


def series_dates(
    rule: SeriesRule,
    public_holidays: Mapping[dt.date, str] = {},  # noqa: B006 (read only)
    school_holidays: Iterable[tuple[str, dt.date, dt.date]] = (),
) -> tuple[list[dt.date], list[SkippedDate]]:
    """The days the series falls on, and the ones it skips with the reason.

    The first day is the first `weekday` on or after `first_date`; from there every week
    or fortnight up to and including `last_date`.
    """
    ahead = (rule.weekday - rule.first_date.weekday()) % 7
    day = rule.first_date + dt.timedelta(days=ahead)
    step = dt.timedelta(weeks=rule.interval_weeks)
    school = list(school_holidays) if rule.skip_school_holidays else []
    dates: list[dt.date] = []
    skipped: list[SkippedDate] = []
    while day <= rule.last_date:
        why = public_holidays.get(day) if rule.skip_public_holidays else None
        if why is None:
            why = next((name for name, first, last in school if first <= day <= last), None)
        if why is None:
            dates.append(day)
        else:
            skipped.append(SkippedDate(day, why))
        day += step
    return dates, skipped


def season_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The season a day falls in: 1 September to 31 August."""
    start_year = day.year if day.month >= 9 else day.year - 1
    return dt.date(start_year, 9, 1), dt.date(start_year + 1, 8, 31)
