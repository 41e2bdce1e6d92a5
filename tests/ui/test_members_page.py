"""The member page: search, filters, columns, and editing through the real form."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt

from tests.conftest import DEMO_DATE
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.services import member_records, members
from verenigingsbeheer.ui.models.members_table import COLUMN_KEYS


def open_members(controller):
    window = controller.window
    window.show_page(1)
    return window.current_page()


def shown_names(page) -> list[str]:
    column = COLUMN_KEYS.index("name")
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def select(page, qtbot, name: str) -> None:
    row = shown_names(page).index(name)
    rect = page.table.visualRect(page.proxy.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_header_counts_and_default_view(controller):
    page = open_members(controller)
    assert page.proxy.rowCount() == 40
    assert page.counts.text().startswith("40 huidige leden")
    assert "Sopraan 1:" in page.counts.text() and "Lid:" in page.counts.text()
    assert page.summary.text() == "40 van 45 personen getoond"


def test_search_ignores_accents_and_reaches_addresses(controller, qtbot):
    page = open_members(controller)
    qtbot.keyClicks(page.search, "boelens")
    names = shown_names(page)
    assert names and all("boelens" in n.lower().replace("ë", "e") for n in names)
    assert any("Boëlens" in n for n in names)
    page.search.clear()
    street = page.model.row_at(0).street
    qtbot.keyClicks(page.search, street.lower())
    assert 0 < page.proxy.rowCount() < 40


def test_filters_status_section_type_and_extras(controller, qtbot):
    page = open_members(controller)
    page.status.setCurrentIndex(page.status.findData("former"))
    assert page.proxy.rowCount() == 5
    page.status.setCurrentIndex(page.status.findData("all"))
    assert page.proxy.rowCount() == 45
    page.status.setCurrentIndex(page.status.findData("active"))
    page.section.setCurrentIndex(page.section.findData("Tenor"))
    tenors = page.proxy.rowCount()
    assert 0 < tenors < 40
    assert all(page.model.row_at(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).section
               == "Tenor" for r in range(tenors))  # fmt: skip
    page.section.setCurrentIndex(0)
    page.extra.setCurrentIndex(page.extra.findData("board"))
    assert page.proxy.rowCount() == 5
    page.extra.setCurrentIndex(page.extra.findData("iban"))
    without_iban = page.proxy.rowCount()
    with controller.database.reading() as session:
        expected = sum(1 for r in members.list_members(session, DEMO_DATE) if not r.iban)
    assert without_iban == expected


def test_chosen_columns_are_remembered(controller, paths):
    page = open_members(controller)
    town = COLUMN_KEYS.index("town")
    assert page.table.isColumnHidden(town)
    action = [a for a in page.columns_menu.actions() if a.text() == "Plaats"][0]
    action.trigger()
    assert not page.table.isColumnHidden(town)
    assert "town" in settings_store.load(paths.settings_file).member_columns


def test_edit_a_member_through_the_form(controller, asker, qtbot):
    page = open_members(controller)
    first = shown_names(page)[0]
    select(page, qtbot, first)
    member_id = page.selected().member_id
    seen = {}

    def step(dialog):
        form = dialog.form
        form.fields["phone"].clear()
        qtbot.keyClicks(form.fields["phone"], "070-3456789")
        form.fields["iban"].clear()
        qtbot.keyClicks(form.fields["iban"], "NL91 ABNA 0417 1643 01")  # wrong check digits
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.result() != dialog.DialogCode.Accepted
        seen["tab"] = form.tabText(form.currentIndex())
        seen["iban_error"] = form.errors["iban"].text()
        form.fields["iban"].clear()
        qtbot.keyClicks(form.fields["iban"], "NL91 ABNA 0417 1643 00")
        form.fields["postcode"].clear()
        qtbot.keyClicks(form.fields["postcode"], "2517ak")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(step)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen == {
        "refused": True,
        "tab": "Betaling en pas ⚠",
        "iban_error": "Dit IBAN klopt niet; controleer de letters en cijfers.",
    }
    with controller.database.reading() as session:
        details = member_records.get_member(session, member_id).details
    assert (details.phone, details.iban, details.postcode) == (
        "070-3456789",
        "NL91ABNA0417164300",
        "2517 AK",
    )
    assert page.selected().member_id == member_id


def test_cancelling_with_changes_asks_and_can_keep_editing(controller, asker, qtbot):
    page = open_members(controller)
    select(page, qtbot, shown_names(page)[3])
    member_id = page.selected().member_id
    with controller.database.reading() as session:
        before = member_records.get_member(session, member_id).details

    finished = []

    def step(dialog):
        dialog.finished.connect(finished.append)
        qtbot.keyClicks(dialog.form.fields["town"], "X")
        asker.save_answers_changes.extend(["cancel", "discard"])
        dialog.reject()  # asked; "cancel" keeps the dialog open
        finished.append("still open")
        dialog.reject()  # asked again; "discard" closes it
        return False

    asker.dialog_steps.append(step)
    page.edit_action.trigger()
    assert asker.confirmed[-2:] == ["De wijzigingen aan dit lid opslaan?"] * 2
    assert finished == ["still open", 0]  # closed (Rejected) only after "discard"
    with controller.database.reading() as session:
        assert member_records.get_member(session, member_id).details == before


def test_new_member_end_rejoin_and_delete(controller, asker, qtbot):
    page = open_members(controller)

    def fill(dialog):
        dialog.form.fields["first_name"].insert("Zoë")  # QTest types ASCII only
        qtbot.keyClicks(dialog.form.fields["tussenvoegsel"], "van 't")
        qtbot.keyClicks(dialog.form.fields["last_name"], "Aardenburg")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(fill)
    page.new_action.trigger()
    assert shown_names(page)[0] == "Aardenburg, Zoë van 't"
    assert page.selected().member_number == 46
    assert page.counts.text().startswith("41 huidige leden")

    def end(dialog):
        dialog.until.clear()
        qtbot.keyClicks(dialog.until, "31-12-2026")
        qtbot.keyClicks(dialog.notice, "01-04-2026")  # after today (7 March): refused
        qtbot.keyClicks(dialog.reason, "Verhuisd")
        dialog.accept()
        seen["notice"] = dialog.problem.text()
        dialog.notice.clear()
        qtbot.keyClicks(dialog.notice, "01-03-2026")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    seen = {}
    asker.dialog_steps.append(end)
    page.end_action.trigger()
    assert seen["notice"] == "Opzeggen kan niet in de toekomst."
    page.status.setCurrentIndex(page.status.findData("all"))
    row = next(r for r in page.model.rows() if r.name.last_name == "Aardenburg")
    page.select_member(row.member_id)
    assert row.member_until == dt.date(2026, 12, 31) and row.current
    # Still a member until the end of the year: not to be ended again, nor to rejoin.
    assert not page.end_action.isEnabled() and not page.rejoin_action.isEnabled()
    member_id = row.member_id
    with controller.database.transaction() as session:
        member_records.update_member(
            session,
            member_id,
            replace(member_records.get_member(session, member_id).details,
                    member_since=dt.date(2025, 1, 1), member_until=dt.date(2026, 2, 28),
                    notice_given_on=None),
            DEMO_DATE,
        )  # fmt: skip
    page.refresh()
    page.select_member(member_id)
    assert not page.end_action.isEnabled() and page.rejoin_action.isEnabled()

    asker.confirm_answers.append(True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Aardenburg" not in " ".join(shown_names(page))


def test_household_chosen_in_the_form(controller, asker, qtbot):
    from verenigingsbeheer.services import households

    page = open_members(controller)
    select(page, qtbot, shown_names(page)[0])
    member_id = page.selected().member_id

    def step(dialog):
        form = dialog.form
        dialog.show()
        form.setCurrentIndex(1)  # the membership tab
        assert not form.pays_for_household.isEnabled()
        form.household.setCurrentIndex(form.household.findData(households.NEW))
        qtbot.mouseClick(form.pays_for_household, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(step)
    page.edit_action.trigger()
    with controller.database.reading() as session:
        household, pays = households.household_of(session, member_id)
        labels = [h.label for h in households.list_households(session)]
    assert household is not None and pays
    assert any(page.selected().name.full in label for label in labels)
