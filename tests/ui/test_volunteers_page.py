"""The volunteers page with real widgets on a real file: a week of hours typed with the
keyboard and saved in one go, a wrong cell refused, unsaved hours not dropped, an
allowance over a limit asked about, a volunteer who is no member, and the overview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.attendance_data import TODAY, D, make_choir
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.services import allowances, volunteers
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.pages.volunteers.controller import VolunteersPage

MONDAY = D(2026, 12, 14)  # TODAY is Tuesday 15 December


@pytest.fixture
def choir(tmp_path: Path):
    made = make_choir(tmp_path / "koor.sqlite")
    yield made
    made.database.close()


@pytest.fixture
def page(qtbot, choir, asker) -> VolunteersPage:
    made = VolunteersPage(PageContext(choir.database, asker, today=lambda: TODAY))
    qtbot.addWidget(made)
    made.resize(1100, 700)
    made.show()
    qtbot.waitExposed(made)
    made.refresh()
    return made


def type_cell(qtbot, page, row: int, column: int, text: str) -> None:
    """Go to the cell, open it with F2, type and press Enter, as a user would."""
    table = page.week_table
    table.setFocus()
    table.setCurrentIndex(page.week_model.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    [editor] = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits an edit on Enter in its next turn


def test_a_week_of_hours_typed_by_keyboard_and_saved_at_once(qtbot, page, choir):
    page.task.setCurrentIndex(page.task.findText("Bar"))
    names = [h.name.first_name for h in page.week_model.helpers]
    anna, kees = names.index("Anna"), names.index("Kees")
    assert page.week_label.text() == "Week 51: 14 dec–20 dec 2026"
    type_cell(qtbot, page, anna, 0, "2,5")  # Monday
    type_cell(qtbot, page, anna, 5, "1:45")  # Saturday
    type_cell(qtbot, page, kees, 5, "3")
    assert page.week_model.index(anna, 7).data() == "4,25"  # the week's total
    with choir.database.reading() as session:
        assert volunteers.list_hours(session) == []  # nothing saved yet
    type_cell(qtbot, page, kees, 6, "1,1")  # not in quarters
    assert not page.save_week_button.isEnabled()
    assert "kwartier" in page.week_problem.text()
    type_cell(qtbot, page, kees, 6, "")  # cleared again
    assert page.save_week_button.isEnabled()
    qtbot.mouseClick(page.save_week_button, Qt.MouseButton.LeftButton)
    with choir.database.reading() as session:
        saved = {(r.name.first_name, r.date, r.task, r.minutes)
                 for r in volunteers.list_hours(session)}  # fmt: skip
    assert saved == {("Anna", MONDAY, "Bar", 150), ("Anna", D(2026, 12, 19), "Bar", 105),
                     ("Kees", D(2026, 12, 19), "Bar", 180)}  # fmt: skip
    assert not page.week_model.dirty()
    assert page.hours_model.rowCount() == 3


def test_unsaved_hours_are_not_dropped_without_asking(qtbot, page, choir, asker):
    type_cell(qtbot, page, 0, 1, "2")
    asker.save_answers_changes.append("cancel")
    qtbot.mouseClick(page.forward_button, Qt.MouseButton.LeftButton)
    assert page.week_model.monday == MONDAY and page.week_model.dirty()
    asker.save_answers_changes.append("save")
    assert page.can_leave()
    with choir.database.reading() as session:
        assert [r.minutes for r in volunteers.list_hours(session)] == [120]


def test_a_task_changed_over_unsaved_hours_keeps_them_with_the_task_they_were_typed_for(
    qtbot, page, choir, asker
):
    page.task.setCurrentIndex(page.task.findText("Bar"))
    type_cell(qtbot, page, 0, 0, "2")
    asker.save_answers_changes.append("cancel")
    page.task.setCurrentIndex(page.task.findText("Decorbouw"))
    assert page.task.currentText() == "Bar" and page.week_model.dirty()  # called off
    asker.save_answers_changes.append("save")
    page.task.setCurrentIndex(page.task.findText("Kostuums"))
    with choir.database.reading() as session:
        assert [(r.task, r.minutes) for r in volunteers.list_hours(session)] == [("Bar", 120)]
    assert page.task.currentText() == "Kostuums" and not page.week_model.dirty()


def test_the_hours_of_one_activity_typed_per_task(qtbot, page, choir):
    qtbot.mouseClick(page.per_activity, Qt.MouseButton.LeftButton)
    assert not page.task.isVisible()
    titles = [page.week_activity.itemText(n) for n in range(page.week_activity.count())]
    assert titles == ["di 15 dec Repetitie", "za 19 dec Kerstconcert"]
    assert page.week_activity.currentIndex() == 0  # the last one that has been by today
    page.week_activity.setCurrentIndex(1)
    headings = [page.week_model.headerData(c, Qt.Orientation.Horizontal)
                for c in range(page.week_model.columnCount())]  # fmt: skip
    bar, tickets = headings.index("Bar"), headings.index("Kaartverkoop")
    assert headings[-1] == "Totaal"
    names = [h.name.first_name for h in page.week_model.helpers]
    anna, kees = names.index("Anna"), names.index("Kees")
    type_cell(qtbot, page, anna, bar, "3")
    type_cell(qtbot, page, anna, tickets, "1,5")
    type_cell(qtbot, page, kees, bar, "2:15")
    assert page.week_model.index(anna, len(headings) - 1).data() == "4,5"
    qtbot.mouseClick(page.save_week_button, Qt.MouseButton.LeftButton)
    with choir.database.reading() as session:
        saved = {(r.name.first_name, r.date, r.task, r.minutes, r.activity)
                 for r in volunteers.list_hours(session)}  # fmt: skip
    concert = D(2026, 12, 19)
    assert saved == {("Anna", concert, "Bar", 180, "Kerstconcert"),
                     ("Anna", concert, "Kaartverkoop", 90, "Kerstconcert"),
                     ("Kees", concert, "Bar", 135, "Kerstconcert")}  # fmt: skip
    assert page.week_activity.currentText() == "za 19 dec Kerstconcert"
    assert {h.name.first_name for h in page.week_model.helpers[:2]} == {"Anna", "Kees"}
    qtbot.mouseClick(page.forward_button, Qt.MouseButton.LeftButton)  # 22 December: a rehearsal
    qtbot.mouseClick(page.forward_button, Qt.MouseButton.LeftButton)
    assert page.week_model.columnCount() == 0 and "Geen activiteiten" in page.grid_note.text()
    qtbot.mouseClick(page.per_week, Qt.MouseButton.LeftButton)
    assert page.task.isVisible() and page.week_activity.currentText() == "geen bepaalde activiteit"


def test_who_left_during_the_week_can_still_be_given_hours(qtbot, page, choir, asker):
    from verenigingsbeheer.services import member_records

    with choir.database.transaction() as session:
        member_records.end_membership(session, choir.people["Kees"], D(2026, 12, 16))
    page.refresh()
    assert "Kees" in [h.name.first_name for h in page.week_model.helpers]
    assert any("Kees" in label for _person, label in page.people())
    qtbot.mouseClick(page.forward_button, Qt.MouseButton.LeftButton)
    assert "Kees" not in [h.name.first_name for h in page.week_model.helpers]


def test_an_allowance_over_the_month_limit_is_asked_about(qtbot, page, choir, asker):
    anna = choir.people["Anna"]

    def pay(amount: str):
        def step(dialog) -> bool:
            dialog.person.setCurrentIndex(dialog.person.findData(anna))
            dialog.paid_on.set_date(D(2026, 12, 1))
            dialog.first_day.set_date(D(2026, 11, 1))
            dialog.last_day.set_date(D(2026, 11, 30))
            dialog.amount.setText(amount)
            found = dialog.show_check()
            assert bool(found) == (amount != "150,00")
            dialog.accept()
            return dialog.result() == 1

        return step

    asker.dialog_steps.append(pay("150,00"))
    page.new_allowance_action.trigger()
    asker.dialog_steps.append(pay("70,01"))  # 220,01 in November 2026
    asker.confirm_answers.append(False)
    page.new_allowance_action.trigger()
    assert "maandgrens" in asker.confirmed[-1]
    with choir.database.reading() as session:
        assert len(allowances.list_allowances(session)) == 1
    asker.dialog_steps.append(pay("70,01"))
    asker.confirm_answers.append(True)
    page.new_allowance_action.trigger()
    with choir.database.reading() as session:
        rows = allowances.list_allowances(session)
    assert [r.over_limit_accepted for r in rows] == [False, True]
    assert "boven de maandgrens" in page.near_limits.text()
    assert page.allowances_model.index(1, 5).data().startswith("⚠")


def test_an_allowance_in_a_year_without_limits_says_it_cannot_be_checked(qtbot, page, asker):
    def pay(dialog) -> bool:
        dialog.person.setCurrentIndex(0)
        dialog.amount.setText("500,00")
        dialog.paid_on.set_date(D(2027, 2, 1))
        dialog.first_day.set_date(D(2027, 1, 1))
        dialog.last_day.set_date(D(2027, 1, 31))
        assert dialog.show_check() == []
        assert "Geen belastingvrije grenzen bekend voor 2027" in dialog.warning.text()
        dialog.last_day.set_date(D(2026, 12, 31))
        dialog.first_day.set_date(D(2026, 12, 1))
        assert [e.kind for e in dialog.show_check()] == ["monthly"]  # 2026 is known
        assert "2027" in dialog.warning.text() and "maandgrens" in dialog.warning.text()
        return False

    asker.dialog_steps.append(pay)
    page.new_allowance_action.trigger()
    assert not asker.dialog_steps


def test_a_volunteer_who_is_no_member_helps_and_shows_in_the_overview(qtbot, page, choir, asker):
    def fill(dialog) -> bool:
        dialog.accept()
        assert "voornaam" in dialog.problem.text()
        qtbot.keyClicks(dialog.first_name, "Carla")
        qtbot.keyClicks(dialog.last_name, "Zwart")
        qtbot.keyClicks(dialog.email, "carla@example.nl")
        dialog.accept()
        return dialog.result() == 1

    asker.dialog_steps.append(fill)
    page.new_volunteer_action.trigger()
    assert page.volunteers_model.rowCount() == 1
    carla = page.volunteers_model.row_at(0).person_id

    def hours(dialog) -> bool:
        dialog.person.setCurrentIndex(dialog.person.findData(carla))
        dialog.task.setCurrentIndex(dialog.task.findText("Decorbouw"))
        dialog.date.set_date(D(2026, 12, 12))
        dialog.hours.setText("3,75")
        dialog.accept()
        return dialog.result() == 1

    asker.dialog_steps.append(hours)
    page.new_hours_action.trigger()
    page.overview_year.setValue(2026)
    assert "3,75 uur door 1 persoon, ter waarde van €\xa056,25" in page.overview_summary.text()
    assert "Zwart, Carla – 3,75 uur" in page.top_helpers.text()
    assert page.month_chart.data()[11][1] == 4  # December, rounded for the bar


def test_a_statement_is_printed_for_the_year_of_the_tab_it_was_chosen_on(page, choir, asker):
    from pypdf import PdfReader

    from verenigingsbeheer.services.allowances import AllowanceDetails

    anna = choir.people["Anna"]
    with choir.database.transaction() as session:
        allowances.save_allowance(
            session, AllowanceDetails(anna, D(2025, 6, 1), Money(5000), D(2025, 5, 1),
                                      D(2025, 5, 31)),
        )  # fmt: skip
    page.refresh()
    page.tabs.setCurrentIndex(3)
    page.allowance_year.setValue(2025)  # the overview still shows 2026
    page.allowances_table.setCurrentIndex(page.allowances_model.index(0, 0))
    page.statement_print_action.trigger()
    text = " ".join(p.extract_text() for p in PdfReader(asker.opened[-1]).pages)
    assert "2025" in text and "50,00" in text


def test_tasks_and_limits_typed_wrong_are_refused_in_the_dialog(qtbot, page, choir, asker):
    def tasks(dialog) -> bool:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        row = dialog.table.rowCount() - 1
        dialog.table.item(row, 1).setText("12,50")
        dialog.accept()
        assert dialog.problem.text() == "Elke taak heeft een naam nodig."
        dialog.table.item(row, 0).setText(" bar ")  # the same as "Bar"
        dialog.accept()
        assert dialog.problem.text() == "Twee taken hebben dezelfde naam."
        dialog.table.item(row, 0).setText("Grime")
        dialog.table.item(row, 1).setText("twaalf")
        dialog.accept()
        assert "Grime: schrijf de waarde als 12,50" in dialog.problem.text()
        dialog.table.item(row, 1).setText("-3")
        dialog.accept()
        assert dialog.problem.text() == "Een waarde kan niet negatief zijn."
        assert dialog.result() == 0
        dialog.table.item(row, 1).setText("17,50")
        dialog.accept()
        return dialog.result() == 1

    asker.dialog_steps.append(tasks)
    page.tasks_action.trigger()
    assert page.task.findText("Grime") >= 0
    with choir.database.reading() as session:
        assert {t.name: t.hourly_value for t in volunteers.tasks(session)}["Grime"] == Money(1750)

    def limits(dialog) -> bool:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        row = dialog.table.rowCount() - 1
        for column, text in enumerate(["2026", "6", "3,50", "230", "2300", "Belastingdienst"]):
            dialog.table.item(row, column).setText(text)
        dialog.accept()
        assert dialog.problem.text() == "Elk jaar één keer."
        dialog.table.item(row, 0).setText("twintig27")
        dialog.accept()
        assert "schrijf het jaar als 2027" in dialog.problem.text()
        dialog.table.item(row, 0).setText("1999")
        dialog.accept()
        assert "tussen 2000 en 2100" in dialog.problem.text()
        return False  # cancelled: nothing changes

    asker.dialog_steps.append(limits)
    page.limits_action.trigger()
    with choir.database.reading() as session:
        assert sorted(allowances.limits(session)) == [2025, 2026]


def test_read_only_types_nothing(qtbot, choir, asker):
    from verenigingsbeheer.ui.read_only import EditGuard

    page = VolunteersPage(PageContext(choir.database, asker, today=lambda: TODAY,
                                      read_only=True))  # fmt: skip
    qtbot.addWidget(page)
    guard = EditGuard(page)
    guard.add(page.editing_controls())
    guard.set_read_only(True)
    page.refresh()
    index = page.week_model.index(0, 0)
    assert not page.week_model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not page.new_hours_action.isEnabled() and page.overview_print_action.isEnabled()
