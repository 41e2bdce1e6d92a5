"""The privacy page and the member page's privacy actions, driven as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.conftest import DEMO_DATE
from tests.ui.conftest import open_page
from verenigingsbeheer.services import members, privacy, register
from verenigingsbeheer.ui.pages.privacy.controller import PrivacyPage


def open_privacy(controller) -> PrivacyPage:
    return open_page(controller.window, PrivacyPage)


def test_shorter_retention_lists_former_members_and_anonymises_them(controller, asker, qtbot):
    page = open_privacy(controller)
    assert page.years.value() == 2 and page.due.rowCount() == 0
    assert not page.anonymise_button.isEnabled()
    page.years.setValue(1)
    page.years.editingFinished.emit()
    due = page.due.rowCount()
    assert due > 0 and page.anonymise_button.isEnabled()
    assert page.due_label.text().startswith(
        f"{due} oud-leden of oud-vrijwilligers zijn langer geleden vertrokken"
    )
    names = [page.due.item(row, 1).text() for row in range(due)]
    asker.confirm_answers.append(True)
    qtbot.mouseClick(page.anonymise_button, Qt.MouseButton.LeftButton)
    assert asker.confirmed[-1].startswith(f"{due} oud-leden of oud-vrijwilligers anonimiseren?")
    assert page.due.rowCount() == 0
    with controller.database.reading() as session:
        assert privacy.retention_years(session) == 1
        rows = members.list_members(session, DEMO_DATE, include_former=True)
    shown = {r.name.sorted_form for r in rows}
    assert not shown & set(names) and privacy.ANONYMOUS in shown


def test_the_register_is_edited_and_printed(controller, asker, qtbot, tmp_path: Path):
    page = open_privacy(controller)
    assert page.activities.rowCount() == 5

    def add(dialog):
        qtbot.keyClicks(dialog.fields["name"], "Kaartverkoop")
        qtbot.keyClicks(dialog.fields["purpose"], "Kaarten verkopen voor concerten")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(add)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.activities.rowCount() == 6
    assert page.activities.item(5, 0).text() == "Kaartverkoop"

    def empty_name(dialog):
        dialog.fields["name"].clear()
        dialog.accept()
        refused = dialog.result() != dialog.DialogCode.Accepted
        assert refused and dialog.problem.text() == "Vul de naam van de verwerking in."
        return False

    page.activities.selectRow(0)
    asker.dialog_steps.append(empty_name)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    page.activities.selectRow(4)
    asker.confirm_answers.append(True)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    with controller.database.reading() as session:
        names = [a.name for _id, a in register.list_activities(session)]
    assert names[0] == "Ledenadministratie" and "Subsidieaanvragen" not in names
    assert names[-1] == "Kaartverkoop"

    target = tmp_path / "register.pdf"
    asker.pdf_answers.append(target)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert asker.opened == [target]
    assert "Kaartverkoop" in "".join(p.extract_text() for p in PdfReader(target).pages)


def test_a_members_data_exported_and_a_former_member_forgotten(controller, asker, tmp_path, paths):
    window = controller.window
    window.show_page(1)
    page = window.current_page()
    row = next(r for r in page.model.rows() if r.current)
    page.select_member(row.member_id)
    asker.pdf_answers.append(tmp_path / "gegevens.pdf")
    page.person_data_action.trigger()
    data = json.loads((tmp_path / "gegevens.json").read_text(encoding="utf-8"))
    assert data["person"]["name"] == row.name.full
    assert row.name.full in PdfReader(tmp_path / "gegevens.pdf").pages[0].extract_text()
    assert asker.informed[-1][1].startswith("Opgeslagen: ")

    backups_before = list(paths.backup_dir.glob("*voor-anonimiseren*"))
    page.forget_action.trigger()  # a current member: refused at once, and said why
    assert "is nog lid" in asker.errors[-1][1]
    assert list(paths.backup_dir.glob("*voor-anonimiseren*")) == backups_before

    page.status.setCurrentIndex(page.status.findData("former"))
    former = next(r for r in page.model.rows() if not r.current)
    page.select_member(former.member_id)
    asker.confirm_answers.append(True)
    page.forget_action.trigger()
    assert asker.confirmed[-1].startswith(f"{former.name.full} vergeten?")
    assert page.selected().name.sorted_form == privacy.ANONYMOUS
    assert len(list(paths.backup_dir.glob("*voor-anonimiseren*"))) == len(backups_before) + 1


def test_the_mailing_list_leaves_out_members_without_newsletter_consent(
    controller, asker, tmp_path
):
    window = controller.window
    window.show_page(1)
    page = window.current_page()
    target = tmp_path / "mailing.csv"
    asker.spreadsheet_answers.append(target)
    page.mailing_action.trigger()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    with controller.database.reading() as session:
        rows = members.list_members(session, DEMO_DATE)
    expected = sum(1 for r in rows if r.newsletter_consent and r.email)
    assert lines[0] == "Naam;E-mail" and len(lines) == expected + 1 < len(rows) + 1
    assert "zijn weggelaten" in asker.informed[-1][1]
