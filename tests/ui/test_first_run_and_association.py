"""First run, File > New, and editing the association's details."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from tests.ui.conftest import page_index
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.services import association
from verenigingsbeheer.ui.pages.association.controller import AssociationPage
from verenigingsbeheer.ui.pages.dashboard.controller import DashboardPage
from verenigingsbeheer.ui.pages.members.controller import MembersPage


def fill_and_create(qtbot, name: str, iban: str = "", accept: bool = True):
    """A dialog step: type like a user, then press Create (or Cancel)."""

    def step(dialog):
        qtbot.keyClicks(dialog.form.name, name)
        if iban:
            qtbot.keyClicks(dialog.form.iban, iban)
        if not accept:
            dialog.reject()
            return False
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    return step


def test_first_run_creates_the_file_in_the_data_folder(make_controller, asker, qtbot, paths):
    asker.new_association_steps.append(
        fill_and_create(qtbot, "Toneelgroep Het Spui", iban="nl91 abna 0417 1643 00")
    )
    controller = make_controller()
    assert controller.start(None)
    created = paths.data_dir / "toneelgroep-het-spui.sqlite"
    assert created.exists()
    assert controller.database.path == created
    assert controller.window.windowTitle().startswith("Toneelgroep Het Spui")
    with controller.database.reading() as session:
        details = association.get_details(session)
    assert details.iban == "NL91ABNA0417164300"
    assert settings_store.load(paths.settings_file).last_file == created.resolve()


def test_cancelling_the_first_run_creates_nothing(make_controller, asker, qtbot, paths):
    asker.new_association_steps.append(fill_and_create(qtbot, "Koor", accept=False))
    controller = make_controller()
    assert controller.start(None) is False
    assert list(paths.data_dir.glob("*.sqlite")) == []
    assert controller.window is None


def test_the_dialog_will_not_create_with_invalid_input(make_controller, asker, qtbot, paths):
    seen = {}

    def step(dialog):
        qtbot.keyClicks(dialog.form.iban, "NL00 FOUT")
        seen["ok_enabled_without_name"] = dialog.ok_button.isEnabled()
        seen["iban_error"] = dialog.form.error_labels["iban"].text()
        qtbot.keyClicks(dialog.form.name, "Koor")
        seen["ok_enabled_bad_iban"] = dialog.ok_button.isEnabled()
        dialog.form.iban.clear()
        seen["ok_enabled_fixed"] = dialog.ok_button.isEnabled()
        dialog.reject()
        return False

    asker.new_association_steps.append(step)
    make_controller().start(None)
    assert seen == {
        "ok_enabled_without_name": False,
        "iban_error": "Dit IBAN klopt niet; controleer de letters en cijfers.",
        "ok_enabled_bad_iban": False,
        "ok_enabled_fixed": True,
    }


def test_the_dialog_refuses_an_existing_file(make_controller, asker, qtbot, paths, demo_path):
    seen = {}

    def step(dialog):
        qtbot.keyClicks(dialog.form.name, "Koor")
        dialog.path_edit.clear()
        qtbot.keyClicks(dialog.path_edit, str(demo_path))
        seen["problem"] = dialog.path_problem.text()
        seen["ok"] = dialog.ok_button.isEnabled()
        dialog.reject()
        return False

    asker.new_association_steps.append(step)
    make_controller().start(None)
    assert "bestaat al" in seen["problem"] and seen["ok"] is False


def test_file_new_switches_to_a_second_association(controller, asker, qtbot, paths, demo_path):
    asker.new_association_steps.append(fill_and_create(qtbot, "Haags Harmonieorkest"))
    controller.window.new_action.trigger()
    assert controller.database.path == paths.data_dir / "haags-harmonieorkest.sqlite"
    assert controller.window.windowTitle().startswith("Haags Harmonieorkest")
    assert demo_path.exists()
    recent = [a.text() for a in controller.window.recent_menu.actions()]
    assert recent == [str(demo_path.resolve())]


def test_editing_the_association_saves_valid_input_only(controller, asker, qtbot):
    window = controller.window
    window.show_page(page_index(window, AssociationPage))
    page = window.current_page()
    assert not page.save_button.isEnabled()
    page.form.postcode.clear()
    qtbot.keyClicks(page.form.postcode, "2517ak")
    page.form.kvk_number.clear()
    qtbot.keyClicks(page.form.kvk_number, "123")
    assert page.form.error_labels["kvk_number"].isVisible()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Niet opgeslagen" in page.status.text()
    with controller.database.reading() as session:
        assert association.get_details(session).kvk_number == "40412345"
    page.form.kvk_number.clear()
    qtbot.keyClicks(page.form.kvk_number, "12345678")
    page.form.name.clear()
    qtbot.keyClicks(page.form.name, "Residentie Cantorij")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Opgeslagen."
    with controller.database.reading() as session:
        details = association.get_details(session)
    assert (details.kvk_number, details.postcode, details.name) == (
        "12345678",
        "2517 AK",
        "Residentie Cantorij",
    )
    assert page.form.postcode.text() == "2517 AK"
    assert window.windowTitle().startswith("Residentie Cantorij –")


def test_leaving_with_unsaved_changes_asks_save_discard_or_cancel(controller, asker, qtbot):
    window = controller.window
    window.show_page(page_index(window, AssociationPage))
    page = window.current_page()
    qtbot.keyClicks(page.form.town, " Centrum")
    asker.save_answers_changes.append("cancel")
    assert window.show_page(page_index(window, MembersPage)) is False
    assert window.current_page() is page and page.form.town.text() == "Den Haag Centrum"
    assert "opslaan" in asker.confirmed[-1].lower()
    asker.save_answers_changes.append("save")
    window.show_page(page_index(window, MembersPage))
    assert isinstance(window.current_page(), MembersPage)
    with controller.database.reading() as session:
        assert association.get_details(session).town == "Den Haag Centrum"
    window.show_page(page_index(window, AssociationPage))
    qtbot.keyClicks(page.form.town, " Zuid")
    asker.save_answers_changes.append("discard")
    window.show_page(page_index(window, DashboardPage))
    with controller.database.reading() as session:
        assert association.get_details(session).town == "Den Haag Centrum"
    window.show_page(page_index(window, AssociationPage))
    assert page.form.town.text() == "Den Haag Centrum"


def test_closing_the_window_with_unsaved_changes_asks_too(controller, asker, qtbot):
    window = controller.window
    window.show_page(page_index(window, AssociationPage))
    page = window.current_page()
    qtbot.keyClicks(page.form.name, " Den Haag")
    asker.save_answers_changes.append("cancel")
    window.close()
    assert window.isVisible()
    asker.save_answers_changes.append("save")
    window.close()
    assert not window.isVisible()
    with controller.database.reading() as session:
        assert association.get_details(session).name.endswith("Cantorij Den Haag")


def test_an_invalid_edit_keeps_the_user_on_the_page(controller, asker, qtbot):
    window = controller.window
    window.show_page(page_index(window, AssociationPage))
    page = window.current_page()
    page.form.iban.clear()
    qtbot.keyClicks(page.form.iban, "NL12")
    asker.save_answers_changes.append("save")  # wants to save, but it is invalid
    assert window.show_page(page_index(window, DashboardPage)) is False
    assert window.current_page() is page
    assert window.sidebar.currentRow() == page_index(window, AssociationPage)
    assert "Niet opgeslagen" in page.status.text()


def test_a_logo_is_scaled_and_stored(controller, asker, qtbot, tmp_path: Path):
    image = QImage(800, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    logo = tmp_path / "logo.png"
    image.save(str(logo))
    window = controller.window
    window.show_page(page_index(window, AssociationPage))
    page = window.current_page()
    asker.logo_answers.append(logo)
    qtbot.mouseClick(page.form.logo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with sqlite3.connect(controller.database.path) as db:
        png = db.execute("SELECT logo_png FROM association").fetchone()[0]
    stored = QImage.fromData(png)
    assert (stored.width(), stored.height()) == (256, 128)
    asker.logo_answers.append(tmp_path / "geen-plaatje.txt")
    (tmp_path / "geen-plaatje.txt").write_text("tekst")
    qtbot.mouseClick(page.form.logo_button, Qt.MouseButton.LeftButton)
    assert "geen afbeelding" in page.form.error_labels["logo_png"].text()


def test_first_run_can_open_an_existing_file_instead(make_controller, asker, qtbot, demo_path):
    def step(dialog):
        assert dialog.open_existing_button.text() == "Bestaand bestand openen…"
        asker.open_answers.append(demo_path)
        qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.new_association_steps.append(step)
    controller = make_controller()
    assert controller.start(None)
    assert controller.database.path == demo_path
    assert controller.window.windowTitle().startswith("Haags Gemengd Koor")


def test_dashboard_numbers_are_formatted_in_dutch(make_controller, qtbot, tmp_path: Path):
    from tests.conftest import DEMO_DATE
    from verenigingsbeheer.services.demo import create_demo

    path = tmp_path / "groot.sqlite"
    create_demo(path, members=1200, seed=1, today=DEMO_DATE).close()
    controller = make_controller()
    controller.start(path)
    assert controller.window.current_page().current_card.value.text() == "1.200"


def test_a_bare_file_name_goes_into_the_data_folder(make_controller, asker, qtbot, paths):
    seen = {}

    def step(dialog):
        qtbot.keyClicks(dialog.form.name, "Koor")
        dialog.path_edit.clear()
        qtbot.keyClicks(dialog.path_edit, "mijn koor")
        seen["path"] = dialog.path()
        dialog.path_edit.clear()
        qtbot.keyClicks(dialog.path_edit, "/bestaat/niet/koor.sqlite")
        seen["problem"] = dialog.path_problem.text()
        seen["ok"] = dialog.ok_button.isEnabled()
        dialog.reject()
        return False

    asker.new_association_steps.append(step)
    make_controller().start(None)
    assert seen["path"] == paths.data_dir / "mijn koor.sqlite"
    assert "bestaat niet" in seen["problem"] and seen["ok"] is False
