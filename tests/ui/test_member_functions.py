"""Board and committee functions, earlier memberships and the pass fields in the form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.conftest import DEMO_DATE
from verenigingsbeheer.services import member_records, members
from verenigingsbeheer.ui.models.members_table import COLUMN_KEYS


def open_members(controller):
    controller.window.show_page(1)
    return controller.window.current_page()


def first_without_function(page):
    return next(r for r in page.model.rows() if r.current and not r.functions)


def test_a_committee_function_added_in_the_form(controller, asker, qtbot):
    page = open_members(controller)
    row = first_without_function(page)
    page.select_member(row.member_id)

    def add_function(dialog):
        dialog.title.setCurrentText("")
        qtbot.keyClicks(dialog.title.lineEdit(), "Voorzitter")
        qtbot.keyClicks(dialog.committee.lineEdit(), "Muziekcommissie")
        dialog.start.clear()
        qtbot.keyClicks(dialog.start, "01-01-2026")
        qtbot.keyClicks(dialog.end, "31-12-2025")  # before the start: refused
        dialog.accept()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert dialog.problem.text() == "Voorzitter: het einde ligt vóór het begin."
        dialog.end.clear()
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    def edit(dialog):
        form = dialog.form
        dialog.show()
        form.setCurrentIndex(2)
        assert form.tabText(2) == "Functies"
        asker.dialog_steps.append(add_function)
        qtbot.mouseClick(form.functions.add_button, Qt.MouseButton.LeftButton)
        table = form.functions.table
        assert [table.item(0, c).text() for c in range(4)] == [
            "Voorzitter", "Muziekcommissie", "1 jan 2026", "nu",
        ]  # fmt: skip
        assert dialog.has_unsaved_changes()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(edit)
    page.edit_action.trigger()
    with controller.database.reading() as session:
        details = member_records.get_member(session, row.member_id).details
        board = members.current_board(session, DEMO_DATE)
        everyone = members.current_functions(session, DEMO_DATE)
    assert [(f.title, f.committee, f.start_date) for f in details.functions] == [
        ("Voorzitter", "Muziekcommissie", dt.date(2026, 1, 1))
    ]
    assert row.member_id not in {b.member_id for b in board}  # a committee, not the board
    assert everyone[-1].member_id == row.member_id and everyone[-1].committee
    shown = page.selected()
    assert shown.functions == "Voorzitter (Muziekcommissie)"
    column = COLUMN_KEYS.index("functions")
    index = page.table.selectionModel().selectedRows(column)[0]
    assert index.data() == "Voorzitter (Muziekcommissie)"


def test_a_function_ends_with_a_date_and_a_mistake_can_be_removed(controller, asker, qtbot):
    page = open_members(controller)
    chair = next(r for r in page.model.rows() if "Voorzitter" in r.functions)
    page.select_member(chair.member_id)

    def end_it(dialog):
        qtbot.keyClicks(dialog.end, "01-03-2026")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    def edit(dialog):
        editor = dialog.form.functions
        dialog.show()
        dialog.form.setCurrentIndex(2)
        editor.table.selectRow(0)
        asker.dialog_steps.append(end_it)
        qtbot.mouseClick(editor.change_button, Qt.MouseButton.LeftButton)
        assert editor.table.item(0, 3).text() == "1 mrt 2026"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(edit)
    page.edit_action.trigger()
    with controller.database.reading() as session:
        assert chair.member_id not in {
            b.member_id for b in members.current_board(session, DEMO_DATE)
        }
        details = member_records.get_member(session, chair.member_id).details
    assert details.functions[0].end_date == dt.date(2026, 3, 1)
    assert page.selected().functions == ""

    def remove(dialog):
        editor = dialog.form.functions
        editor.table.selectRow(0)
        qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
        assert editor.table.rowCount() == len(details.functions) - 1
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(remove)
    page.edit_action.trigger()
    with controller.database.reading() as session:
        after = member_records.get_member(session, chair.member_id).details.functions
    assert len(after) == len(details.functions) - 1


def test_earlier_memberships_are_shown(controller, asker, qtbot):
    page = open_members(controller)
    row = first_without_function(page)
    with controller.database.transaction() as session:
        member_records.end_membership(session, row.member_id, dt.date(2026, 1, 31), "Verhuisd")
        member_records.rejoin(session, row.member_id, dt.date(2026, 3, 1))
    page.refresh()
    page.select_member(row.member_id)
    seen = {}

    def look(dialog):
        seen["history"] = dialog.form.history.text()
        seen["since"] = dialog.form.fields["member_since"].text()
        return False

    asker.dialog_steps.append(look)
    page.edit_action.trigger()
    assert seen["history"].endswith("– 31 jan 2026 (Verhuisd)")
    assert seen["since"] == "01-03-2026"


def test_pass_number_and_date_are_typed_only_with_the_pass_ticked(controller, asker, qtbot):
    page = open_members(controller)
    row = next(r for r in page.model.rows() if r.current and not r.ooievaarspas)
    page.select_member(row.member_id)

    def step(dialog):
        form = dialog.form
        number = form.fields["ooievaarspas_number"]
        assert not number.isEnabled() and not form.fields["ooievaarspas_valid_until"].isEnabled()
        form.ooievaarspas.setChecked(True)
        assert number.isEnabled()
        qtbot.keyClicks(number, "123456")
        qtbot.keyClicks(form.fields["ooievaarspas_valid_until"], "31-12-2026")
        assert dialog.has_unsaved_changes()
        form.ooievaarspas.setChecked(False)  # no pass after all: greyed, nothing to save
        assert not number.isEnabled() and not dialog.has_unsaved_changes()
        form.ooievaarspas.setChecked(True)  # the typed number comes back with the pass
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(step)
    page.edit_action.trigger()
    with controller.database.reading() as session:
        details = member_records.get_member(session, row.member_id).details
    assert (details.ooievaarspas, details.ooievaarspas_number) == (True, "123456")
    assert details.ooievaarspas_valid_until == dt.date(2026, 12, 31)
