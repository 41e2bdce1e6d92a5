"""The Backups page, backups on open, restoring in the window and a damaged file on open."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.db.test_backups import damage, digest
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.db.backups import parse
from verenigingsbeheer.db.schema_version import SCHEMA_HEAD
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import backups
from verenigingsbeheer.settings import Settings
from verenigingsbeheer.ui.app_controller import PAGES
from verenigingsbeheer.ui.pages.backups import recovery
from verenigingsbeheer.ui.pages.backups.controller import BackupsPage


def open_backups(controller) -> BackupsPage:
    controller.window.show_page([page for page, _icon in PAGES].index(BackupsPage))
    page = controller.window.current_page()
    assert isinstance(page, BackupsPage)
    return page


def members_in(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM members").fetchone()[0]


def test_opening_a_changed_file_backs_it_up_and_the_page_lists_it(controller, paths):
    page = open_backups(controller)
    assert page.model.rowCount() == 1
    first = page.model.row_at(0)
    assert first.reason == "bij-openen" and first.path.parent == paths.backup_dir
    page.table.selectRow(0)
    shown = dict(
        (page.details.itemAt(row, page.details.ItemRole.LabelRole).widget().text(),
         page.details.itemAt(row, page.details.ItemRole.FieldRole).widget().text())
        for row in range(1, page.details.rowCount())
    )  # fmt: skip
    assert shown[_("Association")] == "Haags Gemengd Koor Residentie Cantorij"
    assert shown[_("Current members")] == "40" and shown[_("Schema version")] == SCHEMA_HEAD
    assert page.restore_button.isEnabled()


def test_make_a_backup_now(controller, qtbot):
    page = open_backups(controller)
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    assert {page.model.row_at(r).reason for r in range(2)} == {"bij-openen", "handmatig"}
    assert str(page.model.row_at(0).path) in page.status.text()


def test_restore_after_the_question_and_the_window_reopens(controller, asker, qtbot, demo_path):
    page = open_backups(controller)
    page.table.selectRow(0)
    from verenigingsbeheer.db.models import Member

    with controller.database.transaction() as session:
        session.delete(session.get(Member, 45))
    assert members_in(demo_path) == 44
    old_window = controller.window
    asker.confirm_answers.append(True)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    question = asker.confirmed[-1]
    warning = _(recovery.OTHER_ASSOCIATION).split("(")[0]
    assert "40" in question and warning not in question
    assert members_in(demo_path) == 45
    assert controller.window is not old_window and controller.database.path == demo_path
    title, message = asker.informed[-1]
    assert title == _("Restored") and "voor-terugzetten" in message
    page = open_backups(controller)
    assert {page.model.row_at(r).reason for r in range(page.model.rowCount())} >= {
        "bij-openen",
        "voor-terugzetten",
    }


def test_no_answer_restores_nothing(controller, asker, qtbot, demo_path):
    page = open_backups(controller)
    page.table.selectRow(0)
    before = digest(demo_path)
    asker.confirm_answers.append(False)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert digest(demo_path) == before and asker.informed == []


def test_a_backup_of_another_association_is_warned_about(controller, asker, qtbot, tmp_path, paths):
    from verenigingsbeheer.services.demo import create_demo

    other = tmp_path / "toneel" / "koor.sqlite"
    other.parent.mkdir()
    create_demo(other, members=3, seed=2).close()
    config = backups.config_for(Settings(), paths)
    made = backups.make_backup(other, "handmatig", config)
    foreign = parse(made)
    asker.confirm_answers.append(False)
    recovery.restore_chosen(open_backups(controller).context, None, foreign)
    warning = _(recovery.OTHER_ASSOCIATION).format(name="Haags Gemengd Koor Residentie Cantorij")
    assert asker.confirmed[-1].startswith(warning)


def test_encrypted_backups_and_the_passphrase_dialog(controller, asker, qtbot, paths):
    page = open_backups(controller)

    def cancel(dialog):
        return False

    asker.new_passphrase_steps.append(cancel)
    page.encrypt.setChecked(True)
    assert not page.encrypt.isChecked() and not controller.settings.backup_encrypted

    def type_twice(dialog):
        dialog.show()
        qtbot.keyClicks(dialog.first, "lang wachtwoord")
        qtbot.keyClicks(dialog.second, "lang wachtwoor")
        assert not dialog.ok.isEnabled() and dialog.problem.text()
        qtbot.keyClicks(dialog.second, "d")
        assert dialog.ok.isEnabled()
        return True

    asker.new_passphrase_steps.append(type_twice)
    page.encrypt.setChecked(True)
    assert controller.settings.backup_encrypted
    assert settings_store.load(paths.settings_file).backup_encrypted
    kept = backups.passphrase_file(paths)
    assert kept.read_text() == "lang wachtwoord"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert str(kept) in page.encrypt_note.text()
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert page.model.row_at(0).encrypted

    # A backup made with an earlier passphrase asks for it when restoring.
    backups.save_passphrase(paths, "een ander wachtwoord")
    page.table.selectRow(0)
    asker.confirm_answers.append(True)
    asker.passphrase_answers.append("lang wachtwoord")
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert asker.informed[-1][0] == _("Restored")


def test_a_wrong_typed_passphrase_is_said_and_the_file_reopened(
    controller, asker, qtbot, paths, demo_path
):
    backups.save_passphrase(paths, "lang wachtwoord")
    config = backups.config_for(Settings(backup_encrypted=True), paths)
    backups.make_backup(demo_path, "handmatig", config)
    backups.forget_passphrase(paths)
    page = open_backups(controller)
    page.refresh()
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).encrypted)
    page.table.selectRow(row)
    before = digest(demo_path)
    asker.confirm_answers.append(True)
    asker.passphrase_answers.append("fout wachtwoord")
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert asker.errors[-1][0] == _("Not restored")
    assert digest(demo_path) == before
    assert controller.database is not None and controller.window is not None


def test_choose_a_folder_and_a_missing_one_is_said(controller, asker, qtbot, tmp_path, paths):
    page = open_backups(controller)
    usb = tmp_path / "usb"
    usb.mkdir()
    asker.folder_answers.append(usb)
    qtbot.mouseClick(page.choose_folder_button, Qt.MouseButton.LeftButton)
    assert settings_store.load(paths.settings_file).backup_folder == str(usb)
    assert page.folder.text() == str(usb) and page.model.rowCount() == 0
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert len(list(usb.glob("*handmatig*"))) == 1
    shutil.rmtree(usb)  # the stick is pulled out
    page.refresh()
    assert page.folder_note.isVisibleTo(page) and str(usb) in page.folder_note.text()
    qtbot.mouseClick(page.default_folder_button, Qt.MouseButton.LeftButton)
    assert controller.settings.backup_folder == "" and not page.folder_note.isVisibleTo(page)


def test_rotation_numbers_are_saved(controller, paths):
    page = open_backups(controller)
    page.keep_daily.setValue(3)
    page.keep_monthly.setValue(24)
    loaded = settings_store.load(paths.settings_file)
    assert (loaded.backup_keep_daily, loaded.backup_keep_weekly) == (3, 4)
    assert loaded.backup_keep_monthly == 24


def test_check_the_file(controller, qtbot, demo_path):
    page = open_backups(controller)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    expected = _("{path} is sound: SQLite's full check found no errors.")
    assert page.status.text() == expected.format(path=demo_path)


def test_a_missing_backup_folder_is_said_on_open(make_controller, asker, demo_path, tmp_path):
    settings = Settings(backup_folder=str(tmp_path / "usb"))
    made = make_controller(settings)
    made.start(demo_path)
    assert str(tmp_path / "usb") in asker.informed[-1][1]


def test_a_damaged_file_on_open_offers_the_newest_good_backup(
    make_controller, asker, demo_path, paths
):
    first = make_controller()
    first.start(demo_path)
    first.shutdown()
    damage(demo_path)
    damaged = digest(demo_path)
    asker.confirm_answers.append(False)
    second = make_controller()
    assert second.open_file(demo_path) is False
    assert asker.errors[-1][0] == _("The file cannot be opened")
    assert digest(demo_path) == damaged
    asker.confirm_answers.append(True)
    third = make_controller()
    assert third.open_file(demo_path) is True
    assert str(demo_path) in asker.confirmed[-1] and "40" in asker.confirmed[-1]
    assert members_in(demo_path) == 45
    assert any("voor-terugzetten" in p.name for p in paths.backup_dir.iterdir())


def test_an_import_in_the_window_backs_up_first(controller, asker, qtbot, tmp_path, paths):
    from tests.ui.test_members_files import MESSY_CSV

    source = tmp_path / "leden.csv"
    source.write_bytes(MESSY_CSV.encode("utf-8"))
    controller.window.show_page(1)
    page = controller.window.current_page()

    def step(wizard):
        wizard.show()
        asker.spreadsheet_answers.append(source)
        qtbot.mouseClick(wizard.file_page.browse, Qt.MouseButton.LeftButton)
        wizard.next()
        wizard.next()
        qtbot.mouseClick(wizard.preview_page.skip_invalid, Qt.MouseButton.LeftButton)
        wizard.next()
        wizard.accept()
        return True

    asker.dialog_steps.append(step)
    page.import_action.trigger()
    [made] = paths.backup_dir.glob("*voor-import*")
    assert members_in(made) == 45 and members_in(controller.database.path) == 46


@pytest.mark.slow
def test_a_damaged_file_is_not_restored_while_someone_else_has_it_open(
    make_controller, asker, demo_path
):
    from tests.lock_holder import held_elsewhere

    first = make_controller()
    first.start(demo_path)
    first.shutdown()
    damage(demo_path)
    damaged = digest(demo_path)
    with held_elsewhere(demo_path):
        asker.file_in_use_answers.append("read_only")
        asker.confirm_answers.append(True)  # yes, restore the newest good backup
        made = make_controller()
        assert made.open_file(demo_path) is False
    assert asker.errors[-2][0] == _("Not restored") and "in gebruik" in asker.errors[-2][1]
    assert digest(demo_path) == damaged


def test_a_damaged_open_file_found_by_the_full_check_is_restored_on_request(
    controller, asker, qtbot, demo_path, paths
):
    page = open_backups(controller)
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)  # a good backup exists
    damage(demo_path)  # while the window has it open
    asker.confirm_answers.append(True)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert "De nieuwste goede reservekopie is van" in asker.confirmed[-1]
    assert members_in(demo_path) == 45  # the backup is back, and the window reopened it
    assert any("voor-terugzetten" in p.name for p in paths.backup_dir.iterdir())
    assert controller.database is not None and controller.database.path == demo_path
