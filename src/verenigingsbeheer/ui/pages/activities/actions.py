"""What the activities page changes: new, edit, move, cancel and delete one activity; plan
a season and change the rest of a series; the school holidays. Each is one transaction
through `context.write`, after a dialog run through the asker (so tests fill it in); one
that may find its room taken goes through `context.write_insisting`, which asks."""

from __future__ import annotations

import datetime as dt

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.services import activities, bookings, rooms, series
from verenigingsbeheer.ui.dialogs.activity_dialog import ActivityDialog
from verenigingsbeheer.ui.dialogs.attendance import open_attendance
from verenigingsbeheer.ui.dialogs.move_dialog import MoveDialog
from verenigingsbeheer.ui.dialogs.school_holidays_dialog import SchoolHolidaysDialog
from verenigingsbeheer.ui.dialogs.series_dialog import SeriesDialog


def _places(page) -> list[str]:
    with page.context.database.reading() as session:
        return activities.known_places(session)


def _rooms(page) -> list[tuple[int, str]]:
    with page.context.database.reading() as session:
        return [(room.room_id, room.label) for room in rooms.list_rooms(session)]


def _when(row: activities.ActivityRow) -> str:
    return _("{title} on {date}").format(title=row.title, date=format_date(row.date, "full"))


def new_activity(page, day: dt.date | None = None, start: dt.time | None = None) -> None:
    context = page.context
    dialog = ActivityDialog(
        context.today(), page.sections, _places(page), rooms=_rooms(page), parent=page
    )
    dialog.set_day(day or page.anchor, start)
    if not context.asker.run_dialog(dialog):
        return
    details, room_id = dialog.details(), dialog.room_id()
    made: list[int] = []

    def create(session, accept: bool) -> None:
        made.append(activities.create_activity(session, details))
        if room_id is not None:
            bookings.place_activity(session, made[-1], room_id, accept_conflicts=accept)

    if context.write_insisting(page, create):
        page.show_activity(made[-1], details.date)


def edit_activity(page) -> None:
    row = page.selected()
    if row is None:
        return
    context = page.context
    title = None
    if row.series_id is not None:
        with context.database.reading() as session:
            title = series.get_series(session, row.series_id).title
    dialog = ActivityDialog(
        context.today(), page.sections, _places(page), row.details, rooms=_rooms(page),
        room_id=row.room_id, series_title=title, parent=page,
    )  # fmt: skip
    if not context.asker.run_dialog(dialog):
        return
    details, room_id = dialog.details(), dialog.room_id()
    if details == row.details and room_id == row.room_id:
        return

    def update(session, accept: bool) -> None:  # one check, on the room and times chosen
        activities.update_activity(
            session, row.activity_id, details, room=room_id, accept_conflicts=accept
        )

    if context.write_insisting(page, update):
        page.show_activity(row.activity_id, details.date)


def move_activity(page) -> None:
    row = page.selected()
    if row is None:
        return
    dialog = MoveDialog(page.context.today(), row, page)
    if not page.context.asker.run_dialog(dialog):
        return
    day, start, end = dialog.moved_to()
    if (day, start, end) == (row.date, row.start_time, row.end_time):
        return
    if page.context.write_insisting(
        page,
        lambda s, accept: activities.move_activity(
            s, row.activity_id, day, start, end, accept_conflicts=accept
        ),
    ):
        page.show_activity(row.activity_id, day)


def move_to(page, activity_id: int, day: dt.date, start: dt.time | None) -> None:
    """An activity dragged in the calendar: to another day (same times), or in the week
    also to another time (the same length)."""
    row = next((r for r in page.rows if r.activity_id == activity_id), None)
    if row is None or not page.move_action.isEnabled():
        return
    start = start or row.start_time
    length = dt.datetime.combine(day, row.end_time) - dt.datetime.combine(day, row.start_time)
    end = (dt.datetime.combine(day, start) + length).time()
    if page.context.write_insisting(
        page,
        lambda s, accept: activities.move_activity(
            s, activity_id, day, start, end, accept_conflicts=accept
        ),
    ):
        page.show_activity(activity_id, day)


def cancel_activity(page) -> None:
    """Cancel the chosen activity, or (when it is cancelled) let it take place after all."""
    row = page.selected()
    if row is None:
        return
    context = page.context
    if not row.cancelled and not context.asker.confirm(
        page,
        _("Cancel activity"),
        _(
            "Cancel {activity}? It stays in the calendar as cancelled, and calendars that "
            "imported the export show it as cancelled."
        ).format(activity=_when(row)),
    ):
        return
    if context.write_insisting(
        page,
        lambda s, accept: activities.cancel_activity(
            s, row.activity_id, not row.cancelled, accept_conflicts=accept
        ),
    ):
        page.refresh()


def delete_activity(page) -> None:
    row = page.selected()
    if row is None:
        return
    context = page.context
    if not row.has_attendance and not context.asker.confirm(
        page,
        _("Delete activity"),
        _(
            "Delete {activity}? Delete only what was entered by mistake; an activity that "
            "does not take place is better cancelled."
        ).format(activity=_when(row)),
    ):
        return
    # With attendance registered the service refuses, and says to cancel instead.
    if context.write(page, lambda s: activities.delete_activity(s, row.activity_id)):
        page.selected_id = None
        page.refresh()


def open_registration(page) -> None:
    row = page.selected()
    if row is not None:
        open_attendance(page.context, row.activity_id, page)
        page.refresh()


# -- series -----------------------------------------------------------------------------------
def _series_dialog(page, series_id: int | None = None, **kwargs) -> SeriesDialog:
    """The series dialog: planning a new series, or with `series_id` changing one (its
    preview then counts from the day chosen, keeping the series' rhythm)."""
    database = page.context.database

    def preview(rule):
        with database.reading() as session:
            if series_id is None:
                return series.preview(session, rule)
            return series.preview_from(session, series_id, rule.first_date, rule)

    def known(first: dt.date, last: dt.date) -> bool:
        with database.reading() as session:
            return series.school_holidays_known(session, first, last)

    editable = not (page.context.read_only or database.read_only)
    return SeriesDialog(
        page.context.today(), page.sections, _places(page), preview, known,
        edit_holidays=(lambda: edit_school_holidays(page)) if editable else None,
        rooms=_rooms(page), parent=page, **kwargs,
    )  # fmt: skip


def plan_series(page) -> None:
    context = page.context
    dialog = _series_dialog(page)
    if not context.asker.run_dialog(dialog):
        return
    details = dialog.details()
    made: list[int] = []
    if not context.write_many_bookings(
        page,
        lambda s, on_conflict: made.append(series.plan_series(s, details, on_conflict=on_conflict)),
    ):
        return
    planned = len(dialog.preview_dates)
    unbooked = 0
    if details.room_id is not None:  # left out where the room was taken
        with context.database.reading() as session:
            found = activities.list_activities(session, include_cancelled=False)
        unbooked = sum(1 for r in found if r.series_id == made[-1] and r.room_id is None)
    context.asker.inform(
        page,
        _("Season planned"),
        ngettext(
            "{title}: {n} activity planned, the first on {date}.",
            "{title}: {n} activities planned, the first on {date}.",
            planned,
        ).format(
            title=details.title,
            n=format_number(planned),
            date=format_date(dialog.preview_dates[0], "full"),
        )  # fmt: skip
        + (
            " "
            + ngettext(
                "{n} of them has no room yet: it was taken then.",
                "{n} of them have no room yet: it was taken then.",
                unbooked,
            ).format(n=format_number(unbooked))
            if unbooked
            else ""
        ),
    )
    page.anchor = dialog.preview_dates[0]
    page.refresh()


def change_series(page) -> None:
    row = page.selected()
    if row is None or row.series_id is None:
        return
    context = page.context
    with context.database.reading() as session:
        current = series.get_series(session, row.series_id)
    dialog = _series_dialog(page, row.series_id, current=current, from_day=row.slot)
    if not context.asker.run_dialog(dialog):
        return
    details, from_day = dialog.details(), dialog.change_from()
    done: list[series.SeriesChange] = []

    def change(session, accept: bool) -> None:
        done.append(
            series.change_series_from(
                session, row.series_id, from_day, details, accept_conflicts=accept
            )
        )

    if not context.write_insisting(page, change):
        return
    result = done[-1]
    parts = [
        ngettext("{n} activity changed", "{n} activities changed", result.changed),
        ngettext("{n} added", "{n} added", result.added),
        ngettext("{n} cancelled", "{n} cancelled", result.cancelled),
    ]
    counts = (result.changed, result.added, result.cancelled)
    text = ", ".join(p.format(n=format_number(n)) for p, n in zip(parts, counts, strict=True))
    if result.kept:
        text += ". " + ngettext(
            "{n} activity changed on its own or registered already was left as it was.",
            "{n} activities changed on their own or registered already were left as they were.",
            result.kept,
        ).format(n=format_number(result.kept))
    context.asker.inform(page, _("Series changed"), text)
    page.refresh()


def edit_school_holidays(page) -> None:
    context = page.context
    with context.database.reading() as session:
        rows = series.school_holidays(session)
    dialog = SchoolHolidaysDialog(context.today(), rows, page)
    if context.asker.run_dialog(dialog):
        holidays = dialog.read()
        context.write(page, lambda s: series.save_school_holidays(s, holidays))
