"""The activities page with real widgets on a real file: the month, week and agenda views,
filters, and every change a board member makes there (new, edit, move, cancel, delete,
plan a season, change the rest of a series, school holidays), by mouse and by keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.ui.attendance_data import TODAY, D, T, make_choir
from verenigingsbeheer.services import activities, attendance
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.dialogs.activity_dialog import ActivityDialog
from verenigingsbeheer.ui.dialogs.series_dialog import SeriesDialog
from verenigingsbeheer.ui.pages.activities.controller import ActivitiesPage
from verenigingsbeheer.ui.pages.activities.view import AGENDA, MONTH, WEEK


@pytest.fixture
def choir(tmp_path: Path):
    made = make_choir(tmp_path / "koor.sqlite")
    yield made
    made.database.close()


def make_page(qtbot, choir, asker, **context) -> ActivitiesPage:
    page = ActivitiesPage(PageContext(choir.database, asker, today=lambda: TODAY, **context))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


@pytest.fixture
def page(qtbot, choir, asker) -> ActivitiesPage:
    return make_page(qtbot, choir, asker)


def in_file(choir, **filters) -> list[activities.ActivityRow]:
    with choir.database.reading() as session:
        return activities.list_activities(session, **filters)


def on(choir, day: dt.date) -> list[activities.ActivityRow]:
    return [row for row in in_file(choir) if row.date == day]


def click_activity(qtbot, calendar, activity_id: int, double: bool = False) -> None:
    rect = calendar.activity_rect(activity_id)
    assert rect is not None, "the activity is not drawn"
    point = rect.center().toPoint()
    if double:
        qtbot.mouseDClick(calendar, Qt.MouseButton.LeftButton, pos=point)
    else:
        qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=point)


def test_the_month_shows_the_activities_and_moves_through_time(qtbot, page, choir):
    assert page.mode == MONTH and page.period_label.text() == "december 2026"
    shown = {row.date for row in page.month.activities()}
    assert {D(2026, 12, 1), D(2026, 12, 8), D(2026, 12, 15), D(2026, 12, 19)} <= shown
    page.month.repaint()
    concert = choir.concert
    click_activity(qtbot, page.month, concert)
    assert page.selected_id == concert
    assert "Kerstconcert" in page.details.text() and "Kloosterkerk" in page.details.text()
    assert "Tenor, Bas" in page.details.text()

    qtbot.mouseClick(page.forward_button, Qt.MouseButton.LeftButton)
    assert page.period_label.text() == "januari 2027" and page.month.activities() == []
    assert "Geen activiteiten" in page.summary.text()
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert page.period_label.text() == "december 2026"

    qtbot.mouseClick(page.view_button(WEEK), Qt.MouseButton.LeftButton)
    assert page.mode == WEEK and page.period_label.text() == "Week 51: 14–20 dec 2026"
    assert {row.date for row in page.week.activities()} == {D(2026, 12, 15), D(2026, 12, 19)}
    qtbot.mouseClick(page.view_button(AGENDA), Qt.MouseButton.LeftButton)
    assert page.period_label.text() == "Seizoen 2026–2027"
    assert page.model.rowCount() == 5  # four rehearsals and the concert


def test_filters_by_kind_and_section(qtbot, page, choir):
    page.show_view(AGENDA)
    page.kind.setCurrentIndex(page.kind.findData("performance"))
    assert [page.model.row_at(n).title for n in range(page.model.rowCount())] == ["Kerstconcert"]
    page.kind.setCurrentIndex(0)
    page.section.setCurrentIndex(page.section.findText("Sopraan"))
    titles = {page.model.row_at(n).title for n in range(page.model.rowCount())}
    assert titles == {"Repetitie"}  # the concert is for tenors and basses only
    page.section.setCurrentIndex(page.section.findText("Bas"))
    assert page.model.rowCount() == 5


def test_a_new_activity_by_double_clicking_a_day(qtbot, page, choir, asker):
    def fill(dialog: ActivityDialog) -> bool:
        assert dialog.date.date() == D(2026, 12, 17)
        dialog.kind.setCurrentIndex(dialog.kind.findData("sectional"))
        assert dialog.title.text() == "Groepsrepetitie"  # follows the kind until typed
        qtbot.keyClicks(dialog.title, " mannen")
        dialog.start.set_time(T(22))
        dialog.end.set_time(T(21))
        dialog.accept()
        assert "vóór het begin" in dialog.problems["end_time"].text()
        dialog.start.set_time(T(19, 30))
        dialog.end.set_time(T(21, 30))
        dialog.sections.some.setChecked(True)
        dialog.accept()
        assert "minstens één sectie" in dialog.problems["sections"].text()
        for n in range(dialog.sections.list.count()):
            item = dialog.sections.list.item(n)
            if item.text() in ("Tenor", "Bas"):
                item.setCheckState(Qt.CheckState.Checked)
        qtbot.keyClicks(dialog.place.text, "Zuiderstrandtheater")
        dialog.accept()
        return dialog.result() == 1

    asker.dialog_steps.append(fill)
    page.month.repaint()
    cell = page.month._cell(2, 3)  # the third week's Thursday: 17 December
    qtbot.mouseDClick(page.month, Qt.MouseButton.LeftButton, pos=cell.center().toPoint())
    [made] = on(choir, D(2026, 12, 17))
    assert (made.kind, made.title, made.start_time, made.place) == (
        "sectional", "Groepsrepetitie mannen", T(19, 30), "Zuiderstrandtheater")  # fmt: skip
    assert made.section_names == ("Tenor", "Bas")
    assert page.selected_id == made.activity_id
    assert made.activity_id in {row.activity_id for row in page.month.activities()}


def test_editing_and_moving_one_occurrence_leaves_the_series(qtbot, page, choir, asker):
    second = choir.rehearsals[1]  # 8 December

    def edit(dialog: ActivityDialog) -> bool:
        assert "reeks" in dialog.findChild(type(dialog.audience_label)).text().lower()
        dialog.notes.setPlainText("Met pianist")
        dialog.accept()
        return True

    def move(dialog) -> bool:
        dialog.date.set_date(D(2026, 12, 10))
        dialog.start.set_time(T(19))
        dialog.end.set_time(T(21))
        dialog.accept()
        return True

    click_activity(qtbot, page.month, second)
    asker.dialog_steps.append(edit)
    page.month.setFocus()
    qtbot.keyClick(page.month, Qt.Key.Key_Return)  # Enter edits the chosen activity
    row = next(r for r in in_file(choir) if r.activity_id == second)
    assert row.notes == "Met pianist" and row.detached
    asker.dialog_steps.append(move)
    page.move_action.trigger()
    row = next(r for r in in_file(choir) if r.activity_id == second)
    assert (row.date, row.start_time, row.end_time) == (D(2026, 12, 10), T(19), T(21))
    assert page.selected_id == second and "Met pianist" in page.details.text()
    page.show_view(AGENDA)
    at = page.model.row_of(second)
    assert page.model.index(at, 6).data() == "Apart gewijzigd"


def test_cancel_and_take_place_after_all(qtbot, page, choir, asker):
    last = choir.rehearsals[-1]
    page.select_activity(last)
    asker.confirm_answers.append(False)
    page.cancel_action.trigger()
    assert not next(r for r in in_file(choir) if r.activity_id == last).cancelled
    asker.confirm_answers.append(True)
    page.cancel_action.trigger()
    assert next(r for r in in_file(choir) if r.activity_id == last).cancelled
    assert page.cancel_action.text() == "Gaat toch door"
    assert "Afgelast" in page.details.text()
    page.cancel_action.trigger()  # no question to undo a cancellation
    assert not next(r for r in in_file(choir) if r.activity_id == last).cancelled


def test_delete_asks_and_is_refused_once_attendance_was_registered(qtbot, page, choir, asker):
    first, second = choir.rehearsals[:2]
    with choir.database.transaction() as session:
        attendance.set_attendance(session, first, choir.people["Anna"], "present")
    page.refresh()
    page.select_activity(first)
    page.delete_action.trigger()  # no question: the service refuses and says why
    assert "gelast haar af" in asker.errors[-1][1]
    assert first in {r.activity_id for r in in_file(choir)}
    page.select_activity(second)
    asker.confirm_answers.append(True)
    qtbot.keyClick(page.month, Qt.Key.Key_Delete)
    assert second not in {r.activity_id for r in in_file(choir)}
    assert page.selected_id is None


def test_planning_a_season_in_one_dialog(qtbot, page, choir, asker):
    def plan(dialog: SeriesDialog) -> bool:
        dialog.kind.setCurrentIndex(dialog.kind.findData("sectional"))
        dialog.title.setText("Mannenrepetitie")
        dialog.weekday.setCurrentIndex(3)  # Thursday
        dialog.interval.setCurrentIndex(1)  # every other week
        dialog.start.set_time(T(19, 30))
        dialog.end.set_time(T(21))
        dialog.first_date.set_date(D(2027, 1, 10))
        dialog.last_date.set_date(D(2027, 6, 30))
        dialog.skip_school.setChecked(True)
        dialog._refresh()
        assert dialog.preview_dates[0] == D(2027, 1, 14)
        skipped = [dialog.dates.item(n).text() for n in range(dialog.dates.count())]
        assert any("Voorjaarsvakantie" in text for text in skipped)
        assert dialog.summary.text().startswith(f"{len(dialog.preview_dates)} data")
        dialog.accept()
        return dialog.result() == 1

    asker.dialog_steps.append(plan)
    page.series_action.trigger()
    made = [r for r in in_file(choir) if r.title == "Mannenrepetitie"]
    dialog = asker.dialogs[-1]
    assert [r.date for r in made] == dialog.preview_dates
    assert all(r.date.weekday() == 3 and r.kind == "sectional" for r in made)
    assert D(2027, 2, 25) not in {r.date for r in made}  # spring holiday (voorjaarsvakantie)
    assert asker.informed[-1][0] == "Seizoen gepland"
    assert page.period_label.text() == "januari 2027"


def test_changing_the_rest_of_the_series_from_a_date(qtbot, page, choir, asker):
    third = choir.rehearsals[2]  # 15 December

    def change(dialog: SeriesDialog) -> bool:
        assert dialog.from_day.date() == D(2026, 12, 15)
        assert dialog.first_date.isReadOnly()
        dialog.start.set_time(T(19, 45))
        qtbot.keyClicks(dialog.place.text, "Nieuwe Kerk")
        dialog.accept()
        return dialog.result() == 1

    page.select_activity(third)
    asker.dialog_steps.append(change)
    page.change_series_action.trigger()
    times = {r.date: (r.start_time, r.place) for r in in_file(choir, kind="rehearsal")}
    assert times[D(2026, 12, 8)] == (T(20), "")
    assert times[D(2026, 12, 15)] == times[D(2026, 12, 22)] == (T(19, 45), "Nieuwe Kerk")
    assert "2 activiteiten gewijzigd" in asker.informed[-1][1]


def test_school_holidays_are_edited_in_their_own_dialog(qtbot, page, choir, asker):
    def edit(dialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        top = dialog.table.item(dialog.table.rowAt(0), 0)
        assert top.text() == "Kerstvakantie"  # opens at this year's holidays, not at 2024
        assert dialog.table.item(dialog.table.rowAt(0), 1).text() == "19-12-2026"
        dialog.add_row()
        row = dialog.table.rowCount() - 1
        dialog.table.item(row, 0).setText("Studiedag")
        dialog.table.item(row, 1).setText("05-02-2027")
        dialog.table.item(row, 2).setText("04-02-2027")
        dialog.accept()
        assert "ligt vóór de eerste" in dialog.problem.text()
        dialog.table.item(row, 2).setText("05-02-2027")
        dialog.accept()
        return dialog.result() == 1

    asker.dialog_steps.append(edit)
    page.holidays_action.trigger()
    from verenigingsbeheer.services import series

    with choir.database.reading() as session:
        names = {h.name: (h.first_day, h.last_day) for h in series.school_holidays(session)}
    assert names["Studiedag"] == (D(2027, 2, 5), D(2027, 2, 5))


def test_keys_move_through_the_days_and_months(qtbot, page, choir):
    page.month.setFocus()
    page.month.select_day(D(2026, 12, 29))
    qtbot.keyClick(page.month, Qt.Key.Key_Down)  # a week on: into January
    assert page.period_label.text() == "januari 2027" and page.month.selected_day == D(2027, 1, 5)
    qtbot.keyClick(page.month, Qt.Key.Key_Up)
    assert page.period_label.text() == "december 2026"
    page.month.select_day(D(2026, 12, 18))
    qtbot.keyClick(page.month, Qt.Key.Key_Right)
    assert page.selected_id == choir.concert  # the day's first activity is chosen


def test_read_only_shows_everything_and_changes_nothing(qtbot, choir, asker):
    from verenigingsbeheer.ui.read_only import EditGuard

    page = make_page(qtbot, choir, asker, read_only=True)
    guard = EditGuard(page)
    guard.add(page.editing_controls())
    guard.set_read_only(True)
    page.select_activity(choir.concert)
    assert not page.edit_action.isEnabled() and not page.new_action.isEnabled()
    assert page.attendance_action.isEnabled()
    page.month.repaint()

    click_activity(qtbot, page.month, choir.concert, double=True)  # nothing asked
    qtbot.mouseDClick(page.month, Qt.MouseButton.LeftButton, pos=QPoint(600, 500))
    assert asker.dialogs == []


def test_calendar_export_of_one_section_and_the_season(qtbot, page, choir, asker, tmp_path):
    from icalendar import Calendar

    def choose(dialog) -> bool:
        dialog.section.setCurrentIndex(dialog.section.findText("Sopraan"))
        assert dialog.season.isChecked()  # the season shown, unless chosen otherwise
        dialog.accept()
        return dialog.result() == 1

    target = tmp_path / "sopraan.ics"
    asker.dialog_steps.append(choose)
    asker.export_answers.append(target)
    page.export_action.trigger()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Repetitie"] * 4  # no concert
    assert "4 activiteiten geëxporteerd" in asker.informed[-1][1]

    def other_period(dialog) -> bool:
        dialog.other.setChecked(True)
        dialog.since.set_date(D(2026, 12, 20))
        dialog.until.set_date(D(2026, 12, 10))
        dialog.accept()
        assert "vóór de eerste" in dialog.problem.text()
        dialog.until.set_date(D(2026, 12, 31))
        dialog.accept()
        return dialog.result() == 1

    asker.dialog_steps.append(other_period)
    asker.export_answers.append(target)
    page.export_action.trigger()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert {e.decoded("DTSTART").date() for e in events} == {D(2026, 12, 22)}


def test_the_schedule_opens_as_a_pdf(qtbot, page, choir, asker):
    from pypdf import PdfReader

    page.print_action.trigger()
    [made] = asker.opened
    text = "".join(p.extract_text() for p in PdfReader(made).pages)
    assert "Kerstconcert" in text and "december 2026" in text.lower()


def drag(qtbot, calendar, activity_id: int, to: QPoint) -> None:
    start = calendar.activity_rect(activity_id).center().toPoint()
    qtbot.mousePress(calendar, Qt.MouseButton.LeftButton, pos=start)
    for step in (0.25, 0.5, 1.0):  # the mouse travels, as a hand would move it
        at = start + (to - start) * step
        event_pos = QPoint(int(at.x()), int(at.y()))
        move = QMouseEvent(
            QMouseEvent.Type.MouseMove, event_pos, calendar.mapToGlobal(event_pos),
            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(calendar, move)
    qtbot.mouseRelease(calendar, Qt.MouseButton.LeftButton, pos=to)


def test_dragging_moves_an_occurrence_to_another_day_and_time(qtbot, page, choir):
    second = choir.rehearsals[1]  # Tuesday 8 December, 20:00-22:00
    page.month.repaint()
    thursday = page.month._cell(1, 3).center().toPoint()  # 10 December
    drag(qtbot, page.month, second, thursday)
    row = next(r for r in in_file(choir) if r.activity_id == second)
    assert (row.date, row.start_time, row.end_time, row.detached) == (
        D(2026, 12, 10), T(20), T(22), True)  # fmt: skip

    page.show_view(WEEK)
    page.week.set_week(D(2026, 12, 10))
    page.anchor = D(2026, 12, 10)
    page.refresh()
    rect = page.week.activity_rect(second)
    hour = page.week._y(21 * 60) - page.week._y(20 * 60)
    to = QPoint(int(page.week._column(4).center().x()), int(rect.center().y() - hour))
    drag(qtbot, page.week, second, to)  # to Friday, an hour earlier
    row = next(r for r in in_file(choir) if r.activity_id == second)
    assert (row.date, row.start_time, row.end_time) == (D(2026, 12, 11), T(19), T(21))


def test_no_dragging_in_a_read_only_file(qtbot, choir, asker):
    from verenigingsbeheer.ui.read_only import EditGuard

    page = make_page(qtbot, choir, asker, read_only=True)
    guard = EditGuard(page)
    guard.add(page.editing_controls())
    guard.set_read_only(True)
    page.month.repaint()
    drag(qtbot, page.month, choir.rehearsals[1], page.month._cell(1, 3).center().toPoint())
    assert [r.date for r in in_file(choir, kind="rehearsal")][1] == D(2026, 12, 8)
