"""The main window on a demo file, driven with clicks and keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from tests.ui.conftest import page_index
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.ui.app_controller import PAGES
from verenigingsbeheer.ui.pages.activities.controller import ActivitiesPage
from verenigingsbeheer.ui.pages.association.controller import AssociationPage
from verenigingsbeheer.ui.pages.attendance.controller import AttendancePage
from verenigingsbeheer.ui.pages.backups.controller import BackupsPage
from verenigingsbeheer.ui.pages.dashboard.controller import DashboardPage
from verenigingsbeheer.ui.pages.history.controller import HistoryPage
from verenigingsbeheer.ui.pages.members.controller import MembersPage
from verenigingsbeheer.ui.pages.privacy.controller import PrivacyPage
from verenigingsbeheer.ui.pages.rooms.controller import RoomsPage
from verenigingsbeheer.ui.pages.volunteers.controller import VolunteersPage


def visible_texts(widget) -> set[str]:
    texts = {label.text() for label in widget.findChildren(QLabel) if label.isVisible()}
    texts |= {button.text() for button in widget.findChildren(QPushButton) if button.isVisible()}
    texts |= {action.text() for action in widget.menuBar().actions()}
    return texts


def test_title_status_bar_and_dashboard(controller, demo_path: Path):
    window = controller.window
    assert window.windowTitle() == "Haags Gemengd Koor Residentie Cantorij – Verenigingsbeheer"
    assert str(demo_path) in window.file_label.text()
    assert window.file_label.text().startswith("Bestand:")
    dashboard = window.current_page()
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.current_card.value.text() == "40"
    assert [label for label, _ in dashboard.sections_chart.data()] == [
        "Sopraan 1",
        "Sopraan 2",
        "Alt 1",
        "Alt 2",
        "Tenor",
        "Bas",
    ]
    assert sum(count for _, count in dashboard.sections_chart.data()) == 40
    titles = [title for title, _name in dashboard.board_rows()]
    assert titles[:3] == ["Voorzitter", "Secretaris", "Penningmeester"] and len(titles) == 5


def test_every_page_by_click(controller, qtbot):
    window = controller.window
    sidebar = window.sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == [
        "Overzicht",
        "Leden",
        "Activiteiten",
        "Aanwezigheid",
        "Zalen",
        "Vrijwilligers",
        "Vereniging",
        "Privacy",
        "Reservekopieën",
        "Logboek",
    ]
    order = [page_class for page_class, _icon in PAGES]
    for expected in [MembersPage, AssociationPage, PrivacyPage, BackupsPage, HistoryPage,
                     AttendancePage, ActivitiesPage, RoomsPage, VolunteersPage,
                     DashboardPage]:  # fmt: skip
        row = order.index(expected)
        rect = sidebar.visualItemRect(sidebar.item(row))
        qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert isinstance(window.current_page(), expected)
        assert sidebar.currentRow() == row


def test_every_page_by_shortcut(controller, qtbot):
    window = controller.window
    window.activateWindow()
    order = [page_class for page_class, _icon in PAGES]
    for expected in [MembersPage, ActivitiesPage, AttendancePage, RoomsPage, VolunteersPage,
                     AssociationPage, PrivacyPage, BackupsPage, HistoryPage,
                     DashboardPage]:  # fmt: skip
        key = Qt.Key(Qt.Key.Key_0.value + (order.index(expected) + 1) % 10)
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert isinstance(window.current_page(), expected)
    assert len(window.page_actions) == len(PAGES) == window.stack.count()


def test_members_sorted_by_last_name_ignoring_tussenvoegsel(controller):
    window = controller.window
    window.show_page(page_index(window, MembersPage))
    page = window.current_page()
    shown = [
        page.model.row_at(page.proxy.mapToSource(page.proxy.index(i, 0)).row())
        for i in range(page.proxy.rowCount())
    ]
    keys = [row.name.sort_key for row in shown]
    assert keys == sorted(keys)
    assert any(row.name.tussenvoegsel for row in shown)


def test_switching_to_english_changes_visible_labels(controller, asker, qtbot, paths):
    before = visible_texts(controller.window)
    assert {"&Bestand", "huidige leden", "Zaterdag 7 maart 2026"} <= before
    asker.settings_answers.append("en")
    controller.window.settings_action.trigger()
    window = controller.window
    qtbot.waitExposed(window)
    after = visible_texts(window)
    assert "&File" in after and "&Bestand" not in after
    assert "current members" in after and "huidige leden" not in after
    assert "Saturday, 7 March 2026" in after
    sidebar = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sidebar == [
        "Dashboard", "Members", "Activities", "Attendance", "Rooms", "Volunteers",
        "Association", "Privacy", "Backups",
        "Log",
    ]  # fmt: skip
    assert settings_store.load(paths.settings_file).language == "en"
    # and back to Dutch
    asker.settings_answers.append("nl")
    window.settings_action.trigger()
    assert "&Bestand" in visible_texts(controller.window)


def test_qt_standard_dialog_texts_are_translated_too(controller):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


def test_window_geometry_is_remembered(make_controller, demo_path: Path, qtbot):
    first = make_controller()
    first.start(demo_path)
    first.window.resize(700, 520)
    first.window.move(QPoint(40, 30))
    first.window.close()
    assert not first.window.isVisible()
    second = make_controller()
    second.start(demo_path)
    qtbot.waitExposed(second.window)
    assert (second.window.width(), second.window.height()) == (700, 520)


def test_recent_files_menu_and_last_file(
    make_controller, demo_path: Path, tmp_path: Path, paths, asker
):
    from verenigingsbeheer.services.demo import create_demo

    other = tmp_path / "toneel.sqlite"
    create_demo(other, members=3, seed=2).close()
    controller = make_controller()
    controller.start(demo_path)
    assert controller.open_file(other)
    actions = [a.text() for a in controller.window.recent_menu.actions()]
    assert actions == [str(demo_path.resolve())]
    controller.window.recent_menu.actions()[0].trigger()
    assert controller.database.path == demo_path
    # a later start without --db opens the last-used file directly
    controller.shutdown()  # the program was closed (and let go of the file)
    again = make_controller(settings_store.load(paths.settings_file))
    assert again.start(None)
    assert again.database.path.resolve() == demo_path.resolve()


def test_open_reports_a_bad_file_in_dutch_and_keeps_the_current_one(
    controller, asker, tmp_path: Path, demo_path: Path
):
    bad = tmp_path / "rommel.sqlite"
    bad.write_bytes(b"dit is geen database" * 50)
    asker.open_answers.append(bad)
    controller.window.open_action.trigger()
    assert asker.errors and "geen Verenigingsbeheer-bestand" in asker.errors[-1][1]
    assert controller.database.path == demo_path
    assert bad.read_bytes() == b"dit is geen database" * 50


def test_the_member_list_is_read_while_the_dashboard_shows(controller, qtbot):
    window = controller.window
    members_page = window.pages()[1]
    assert isinstance(window.current_page(), DashboardPage)
    qtbot.waitUntil(lambda: members_page.model.rowCount() == 45, timeout=5000)
    generation = controller.database.generation
    window.show_page(page_index(window, MembersPage))
    assert members_page.proxy.rowCount() == 40  # current members, read ahead
    assert controller.database.generation == generation
