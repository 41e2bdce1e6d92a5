"""The log page and Edit > Undo: a deleted member comes back, and the log says so."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import DEMO_DATE
from verenigingsbeheer.services import members
from verenigingsbeheer.ui.models.members_table import COLUMN_KEYS


def log_page_index() -> int:
    from verenigingsbeheer.ui.app_controller import PAGES
    from verenigingsbeheer.ui.pages.history.controller import HistoryPage

    return [page for page, _icon in PAGES].index(HistoryPage)


def shown_names(page) -> list[str]:
    column = COLUMN_KEYS.index("name")
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def test_a_deleted_member_comes_back_with_edit_undo(controller, asker, qtbot):
    window = controller.window
    assert not window.undo_action.isEnabled()
    window.show_page(1)
    page = window.current_page()
    victim = next(r for r in page.model.rows() if r.current and not r.functions)
    page.select_member(victim.member_id)
    asker.confirm_answers.append(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert victim.name.sorted_form not in shown_names(page)
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == (
        f"&Ongedaan maken: Lid verwijderd (lidnummer {victim.member_number})"
    )

    asker.confirm_answers.append(True)
    window.undo_action.trigger()
    assert asker.confirmed[-1].startswith(
        f"“Lid verwijderd (lidnummer {victim.member_number})” van "
    )
    assert victim.name.sorted_form in shown_names(page)
    assert not window.undo_action.isEnabled()
    with controller.database.reading() as session:
        back = {r.member_id for r in members.list_members(session, DEMO_DATE)}
    assert victim.member_id in back

    window.show_page(log_page_index())
    log = window.current_page()
    kinds = [log.model.index(r, 2).data() for r in range(log.model.rowCount())]
    assert kinds[:2] == ["Ongedaan maken", "Verwijderen"]
    assert log.model.index(1, 5).data() == "ongedaan gemaakt"
    log.select_action(log.model.row_at(1).action_id)
    fields = {log.changes.item(r, 2).text() for r in range(log.changes.rowCount())}
    assert {"Voornaam", "Achternaam", "Lidnummer"} <= fields
    records = {log.changes.item(r, 0).text().split()[0] for r in range(log.changes.rowCount())}
    assert {"Persoon", "Lid"} <= records
    assert not log.undo_button.isEnabled()


def test_the_log_filters_by_who_and_kind_and_undoes_from_the_list(controller, asker, qtbot):
    window = controller.window
    window.show_page(1)
    page = window.current_page()
    row = next(r for r in page.model.rows() if r.current and not r.functions)
    page.select_member(row.member_id)

    def end(dialog):
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(end)
    page.end_action.trigger()
    window.show_page(log_page_index())
    log = window.current_page()
    log.kind.setCurrentIndex(log.kind.findData("end"))
    assert log.model.rowCount() == 1
    assert log.model.index(0, 5).data() == "ongedaan te maken"
    log.who.setCurrentIndex(log.who.findData(controller.database.who))
    assert log.model.rowCount() == 1
    log.actions.selectRow(0)
    assert log.undo_button.isEnabled()
    asker.confirm_answers.append(True)
    qtbot.mouseClick(log.undo_button, Qt.MouseButton.LeftButton)
    log.kind.setCurrentIndex(0)
    assert log.model.index(0, 2).data() == "Ongedaan maken"
    window.show_page(1)
    assert next(r for r in page.model.rows() if r.member_id == row.member_id).current
