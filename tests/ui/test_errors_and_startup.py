"""Unexpected errors reach the user in Dutch and the log; --quit-after-show for smoke tests."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.logs import configure_logging
from verenigingsbeheer.services import association
from verenigingsbeheer.ui.error_reporter import ErrorReporter


def test_a_failed_action_is_rolled_back_logged_and_explained(controller, asker, paths):
    configure_logging(paths)
    reporter = ErrorReporter(asker, lambda: controller.window)
    try:
        with controller.database.transaction() as session:
            details = association.get_details(session)
            association.update_details(
                session, AssociationDetails(**{**details.__dict__, "name": "Half Koor"})
            )
            raise KeyError("kapot halverwege")
    except KeyError:
        reporter.handle(*sys.exc_info())
    title, message, details_text = asker.errors[-1]
    assert title == "Onverwachte fout"
    assert "teruggedraaid" in message and "veilig" in message
    assert "KeyError" in details_text and "kapot halverwege" in details_text
    assert "kapot halverwege" in paths.log_file.read_text(encoding="utf-8")
    with controller.database.reading() as session:
        assert association.get_details(session).name == "Haags Gemengd Koor Residentie Cantorij"


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_goes_to_the_reporter(qtbot, asker):
    reporter = ErrorReporter(asker, lambda: None)
    saved = sys.excepthook
    reporter.install()
    try:
        button = QPushButton("Klik")
        qtbot.addWidget(button)

        def broken() -> None:
            raise ZeroDivisionError("door nul")

        button.clicked.connect(broken)
        button.click()
    finally:
        sys.excepthook = saved
    assert reporter.count == 1
    assert "ZeroDivisionError" in asker.errors[-1][2]


def test_the_error_dialog_copies_its_details(qtbot):
    from PySide6.QtGui import QGuiApplication

    from verenigingsbeheer.ui.dialogs.error_dialog import ErrorDialog

    dialog = ErrorDialog("Onverwachte fout", "Er ging iets mis.", "Traceback: regel 1")
    qtbot.addWidget(dialog)
    assert dialog.copy_button.text() == "Details kopiëren"
    dialog.copy_button.click()
    assert "Traceback: regel 1" in QGuiApplication.clipboard().text()


def run_app(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VERENIGINGSBEHEER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "verenigingsbeheer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.slow
def test_quit_after_show_exits_zero_on_a_demo_file(demo_path: Path, tmp_path: Path):
    result = run_app("--db", str(demo_path), "--quit-after-show", home=tmp_path / "h")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_quit_after_show_fails_when_start_up_raised(demo_path: Path, tmp_path: Path):
    with sqlite3.connect(demo_path) as db:  # a file whose association row went missing
        db.execute("DELETE FROM association")
    result = run_app("--db", str(demo_path), "--quit-after-show", home=tmp_path / "h")
    assert result.returncode == 1
    assert "NoResultFound" in (tmp_path / "h" / "log" / "verenigingsbeheer.log").read_text()


@pytest.mark.slow
def test_the_window_with_a_missing_file_exits_2(tmp_path: Path):
    missing = tmp_path / "typo.sqlite"
    result = run_app("--db", str(missing), "--quit-after-show", home=tmp_path / "h")
    assert result.returncode == 2
    assert "Bestand niet gevonden" in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()


@pytest.mark.slow
def test_quit_after_show_on_a_first_start_paints_the_dialog_and_creates_nothing(tmp_path: Path):
    home = tmp_path / "h"
    result = run_app("--quit-after-show", home=home)
    assert result.returncode == 0, result.stderr
    assert not list((home / "data").glob("*.sqlite"))


def test_the_window_explains_a_bad_file_in_a_dialog_too(asker, paths, tmp_path: Path, capsys):
    from verenigingsbeheer.app import run_gui

    missing = tmp_path / "weg.sqlite"
    assert run_gui(db=missing, paths=paths, asker=asker) == 2
    assert asker.errors[-1][1].startswith("Bestand niet gevonden")
    assert "Bestand niet gevonden" in capsys.readouterr().err
    assert not missing.exists()
