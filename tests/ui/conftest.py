"""UI fixtures: a scripted asker and a running AppController on a demo file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DEMO_DATE
from verenigingsbeheer.paths import Paths
from verenigingsbeheer.settings import Settings


class ScriptedAsker:
    """Answers the UI's questions from queues the test fills; records what was asked.

    A question the test did not expect fails the test instead of hanging it.
    """

    def __init__(self) -> None:
        self.confirm_answers: list[bool] = []
        self.choose_answers: list[str | None] = []
        self.choices: list[tuple[str, list[str]]] = []
        self.confirmed: list[str] = []
        self.save_answers_changes: list[str] = []
        self.errors: list[tuple[str, str, str]] = []
        self.open_answers: list[Path | None] = []
        self.new_association_steps: list[Callable] = []
        self.logo_answers: list[Path | None] = []
        self.settings_answers: list[str | None] = []
        self.save_answers: list[Path | None] = []
        self.dialog_steps: list[Callable] = []
        self.dialogs: list = []
        self.opened: list[Path] = []
        self.spreadsheet_answers: list[Path | None] = []
        self.pdf_answers: list[Path | None] = []
        self.export_answers: list[Path | None] = []
        self.informed: list[tuple[str, str]] = []
        self.file_in_use_answers: list[str] = []
        self.file_in_use_asked: list[tuple[str, bool]] = []
        self.folder_answers: list[Path | None] = []
        self.new_passphrase_steps: list[Callable] = []
        self.passphrase_answers: list[str | None] = []

    def _next(self, queue: list, what: str):
        if not queue:
            raise AssertionError(f"unexpected question: {what}")
        return queue.pop(0)

    def confirm(self, parent, title, question):
        self.confirmed.append(question)
        return self._next(self.confirm_answers, f"confirm: {question}")

    def choose(self, parent, title, question, options):
        """Answered with an option's key (or None: cancelled); records what was offered."""
        self.choices.append((question, [key for key, _text in options]))
        answer = self._next(self.choose_answers, f"choose: {question}")
        assert answer is None or answer in [key for key, _text in options], answer
        return answer

    def save_changes(self, parent, question):
        self.confirmed.append(question)
        return self._next(self.save_answers_changes, f"save_changes: {question}")

    def error(self, parent, title, message, details=""):
        self.errors.append((title, message, details))

    def open_path(self, parent, folder):
        return self._next(self.open_answers, "open_path")

    def save_path(self, parent, suggested):
        return self._next(self.save_answers, "save_path")

    def new_association(self, parent, folder):
        """Build the real dialog and let the test's step fill it in, as a user would."""
        from verenigingsbeheer.ui.dialogs.new_association import NewAssociationDialog

        step = self._next(self.new_association_steps, "new_association")
        dialog = NewAssociationDialog(folder, self, parent)
        accepted = step(dialog)
        return dialog.result_value() if accepted else None

    def choose_logo(self, parent):
        return self._next(self.logo_answers, "choose_logo")

    def settings(self, parent, language):
        return self._next(self.settings_answers, "settings")

    def run_dialog(self, dialog):
        """The test's next step fills the real dialog with qtbot and returns accepted."""
        step = self._next(self.dialog_steps, f"dialog: {dialog.windowTitle()}")
        self.dialogs.append(dialog)
        return bool(step(dialog))

    def open_document(self, path):
        self.opened.append(path)

    def inform(self, parent, title, message):
        self.informed.append((title, message))

    def pdf_path(self, parent, suggested):
        return self._next(self.pdf_answers, "pdf_path")

    def export_path(self, parent, title, suggested, kind):
        return self._next(self.export_answers, f"export_path: {title}")

    def spreadsheet_path(self, parent, save, suggested):
        return self._next(self.spreadsheet_answers, "spreadsheet_path")

    def file_in_use(self, parent, message, can_take_over):
        """Answered with "read_only", "take_over" or "cancel"; records (message, offered)."""
        self.file_in_use_asked.append((message, can_take_over))
        answer = self._next(self.file_in_use_answers, f"file_in_use: {message}")
        assert answer != "take_over" or can_take_over, "take-over was not offered"
        return answer

    def choose_folder(self, parent, title, start):
        return self._next(self.folder_answers, f"choose_folder: {title}")

    def new_passphrase(self, parent):
        """The real dialog, filled in by the test's step (which returns accepted)."""
        from verenigingsbeheer.ui.dialogs.passphrase_dialog import PassphraseDialog

        step = self._next(self.new_passphrase_steps, "new_passphrase")
        dialog = PassphraseDialog(parent)
        self.dialogs.append(dialog)
        return dialog.passphrase() if step(dialog) else None

    def passphrase(self, parent, name):
        return self._next(self.passphrase_answers, f"passphrase: {name}")


@pytest.fixture
def asker() -> ScriptedAsker:
    return ScriptedAsker()


@pytest.fixture
def make_controller(qtbot, paths: Paths, asker: ScriptedAsker):
    """Build an AppController; it is shut down and its window closed after the test."""
    from verenigingsbeheer.ui.app_controller import AppController

    made = []

    def make(settings: Settings | None = None, today: dt.date = DEMO_DATE):
        controller = AppController(paths, settings or Settings(), asker, today=lambda: today)
        controller.apply_language()
        made.append(controller)
        return controller

    yield make
    for controller in made:
        if controller.window is not None:
            controller.window.hide()
            controller.window.deleteLater()
        controller.shutdown()


@pytest.fixture
def controller(make_controller, demo_path: Path, qtbot):
    """A controller showing the demo file's main window."""
    made = make_controller()
    made.start(demo_path)
    qtbot.waitExposed(made.window)
    return made


def page_index(window, page_class) -> int:
    """The sidebar row of the page of this class (pages are added in PAGES order)."""
    for index, page in enumerate(window.pages()):
        if isinstance(page, page_class):
            return index
    raise AssertionError(f"no {page_class.__name__} in the window")


def open_page(window, page_class):
    """Show the window's page of this class (by type, so adding a page moves nothing)."""
    for index, page in enumerate(window.pages()):
        if isinstance(page, page_class):
            window.show_page(index)
            return page
    raise AssertionError(f"no {page_class.__name__} in the window")
