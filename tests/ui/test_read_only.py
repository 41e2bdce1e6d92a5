"""One writer at a time in the window: the lock, the question, read-only mode, conflict copies."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.lock_holder import dead_pid, held_elsewhere
from tests.ui.conftest import open_page
from verenigingsbeheer.db import lock
from verenigingsbeheer.db.lock import Holder, lock_path, read_lock
from verenigingsbeheer.errors import ReadOnlyFile
from verenigingsbeheer.ui.app_controller import PAGES
from verenigingsbeheer.ui.pages.association.controller import AssociationPage
from verenigingsbeheer.ui.pages.history.controller import HistoryPage


def someone_else(data_file: Path, **changes) -> Holder:
    """A lock file of another program (a live one unless `changes` say otherwise)."""
    moment = lock.now()
    fields = {
        "host": "LAPTOP-JAN",
        "user": "jan",
        "pid": 4242,
        "since": moment - dt.timedelta(hours=2),
        "heartbeat": moment,
        "token": "theirs",
        **changes,
    }
    holder = Holder(**fields)
    lock_path(data_file).write_text(holder.to_json(), encoding="utf-8")
    return holder


def members_page(controller):
    controller.window.show_page(1)
    return controller.window.current_page()


def editable(window) -> list:
    """The editing controls a user could still use: none, in read-only mode."""
    controls = [c for page in window.pages() for c in page.editing_controls()]
    controls.append(window.undo_action)
    return [
        c for c in controls if c.isEnabled() and not (hasattr(c, "isReadOnly") and c.isReadOnly())
    ]


def test_every_page_says_what_edits(controller):
    assert len(controller.window.pages()) == len(PAGES)
    for page in controller.window.pages():
        assert isinstance(page.editing_controls(), list), type(page).__name__


def test_opening_a_file_takes_its_lock_and_closing_lets_go(make_controller, demo_path, qtbot):
    made = make_controller()
    made.start(demo_path)
    holder = read_lock(demo_path)
    assert holder.pid == os.getpid() and holder == made.lock_keeper.lock.holder
    assert not made.window.read_only_banner.isVisible()
    assert made.window.close()
    assert read_lock(demo_path) is None


def test_switching_files_lets_go_of_the_old_one(controller, tmp_path, demo_path):
    from verenigingsbeheer.services.demo import create_demo

    other = tmp_path / "toneel.sqlite"
    create_demo(other, members=3, seed=2).close()
    assert controller.open_file(other)
    assert read_lock(demo_path) is None and read_lock(other).pid == os.getpid()
    assert controller.open_file(other)  # the same file again keeps its lock
    assert read_lock(other).pid == os.getpid()
    controller.shutdown()
    assert read_lock(other) is None


def test_a_file_that_cannot_be_opened_leaves_no_lock(controller, tmp_path, asker):
    broken = tmp_path / "kapot.sqlite"
    broken.write_bytes(b"no database at all")
    assert not controller.open_file(broken)
    assert asker.errors and not lock_path(broken).exists()


def test_the_heartbeat_is_refreshed(controller, demo_path, monkeypatch):
    later = read_lock(demo_path).heartbeat + dt.timedelta(minutes=1)
    monkeypatch.setattr(lock, "now", lambda: later)
    controller.lock_keeper.beat()
    assert read_lock(demo_path).heartbeat == later
    assert controller.lock_keeper._timer.isActive()
    assert controller.lock_keeper._timer.interval() == 60_000


def test_a_file_in_use_opens_read_only_with_everything_that_edits_switched_off(
    make_controller, demo_path, asker, qtbot, tmp_path
):
    theirs = someone_else(demo_path)
    asker.file_in_use_answers.append("read_only")
    made = make_controller()
    assert made.start(demo_path)
    qtbot.waitUntil(made.window.isActiveWindow)  # so that its shortcuts work
    [(question, offered)] = asker.file_in_use_asked
    assert not offered  # a live lock is never offered to take over
    since = f"{theirs.since.astimezone():%H:%M}"
    assert "jan" in question and "LAPTOP-JAN" in question and since in question
    window = made.window
    assert window.read_only_banner.isVisible()
    banner = window.read_only_banner.text()
    assert "jan" in banner and "LAPTOP-JAN" in banner and since in banner
    assert made.database.read_only and read_lock(demo_path) == theirs

    page = members_page(made)
    page.table.selectRow(0)
    assert page.selected() is not None
    assert editable(window) == []
    assert page.export_action.isEnabled() and page.print_action.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # no question: nothing happens
    assert asker.confirmed == [] and asker.dialogs == []
    looked = []

    def look(dialog):  # Enter and double-click show the member, only to look at
        form = dialog.form
        looked.append(
            (dialog.view_only, dialog.save_button.isVisible(), form.fields["email"].isReadOnly(),
             form.section.isEnabled(), form.functions.add_button.isVisible(),
             dialog.windowTitle().endswith("(alleen lezen)"))
        )  # fmt: skip
        dialog.show()
        form.fields["email"].setText("x@y.nl")  # even so, nothing can be saved
        dialog.accept()
        assert dialog.isVisible() and not dialog.has_unsaved_changes()
        dialog.reject()
        return False

    asker.dialog_steps.extend([look, look])
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    page.table.doubleClicked.emit(page.proxy.index(0, 1))
    assert looked == [(True, False, True, False, False, True)] * 2
    assert asker.confirmed == []
    assert page.selected() is not None
    qtbot.keyClicks(page.search, "boelens")  # searching still works
    assert 0 < page.proxy.rowCount() < 40
    target = tmp_path / "leden.csv"
    asker.spreadsheet_answers.append(target)
    page.export_action.trigger()  # exporting still works
    assert target.exists()
    details = open_page(window, AssociationPage)
    name = details.form.name.text()
    qtbot.keyClicks(details.form.name, " (kopie)")  # the details can be read, not changed
    assert details.form.name.text() == name and not details.has_unsaved_changes()
    for number in range(len(PAGES)):  # every page, after it refreshed itself
        window.show_page(number)
        assert editable(window) == []
    with pytest.raises(ReadOnlyFile), made.database.transaction():
        pass
    made.shutdown()
    assert read_lock(demo_path) == theirs  # never removes someone else's lock


def test_cancel_opens_nothing(make_controller, demo_path, asker):
    theirs = someone_else(demo_path)
    asker.file_in_use_answers.append("cancel")
    made = make_controller()
    assert not made.start(demo_path)
    assert made.window is None and read_lock(demo_path) == theirs


def test_a_lock_left_by_a_dead_program_here_is_offered_and_taken_over(
    make_controller, demo_path, asker
):
    someone_else(demo_path, host=lock.this_host(), pid=dead_pid())
    asker.file_in_use_answers.append("take_over")
    made = make_controller()
    assert made.start(demo_path)
    [(question, offered)] = asker.file_in_use_asked
    assert offered and "jan" in question and lock.this_host() in question
    assert read_lock(demo_path) == made.lock_keeper.lock.holder
    assert not made.database.read_only
    assert not made.window.read_only_banner.isVisible()
    assert members_page(made).new_action.isEnabled()


def test_a_silent_lock_of_another_computer_may_be_taken_over_or_only_looked_at(
    make_controller, demo_path, asker
):
    long_ago = lock.now() - dt.timedelta(hours=5)
    theirs = someone_else(demo_path, heartbeat=long_ago)
    asker.file_in_use_answers.append("read_only")
    made = make_controller()
    assert made.start(demo_path)
    [(question, offered)] = asker.file_in_use_asked
    assert offered and f"{long_ago.astimezone():%H:%M}" in question  # the last sign of life
    assert made.window.read_only_banner.isVisible()
    assert read_lock(demo_path) == theirs


def test_a_lock_that_changed_while_the_question_was_open_is_asked_about_again(
    make_controller, demo_path, asker
):
    long_ago = lock.now() - dt.timedelta(hours=5)
    someone_else(demo_path, heartbeat=long_ago)
    made = make_controller()

    def answer_after_they_came_back(parent, message, can_take_over):
        asker.file_in_use_asked.append((message, can_take_over))
        if len(asker.file_in_use_asked) == 1:
            someone_else(demo_path)  # the laptop woke up and refreshed its lock meanwhile
            return "take_over"
        return "read_only"

    asker.file_in_use = answer_after_they_came_back
    assert made.start(demo_path)
    assert [offered for _q, offered in asker.file_in_use_asked] == [True, False]
    assert made.database.read_only and read_lock(demo_path).token == "theirs"


def test_a_folder_without_write_permission_offers_read_only(
    make_controller, demo_path, asker, monkeypatch
):
    from verenigingsbeheer.services import locking

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(lock_path(demo_path)))

    monkeypatch.setattr(locking, "acquire", refuse)
    asker.file_in_use_answers.append("read_only")
    made = make_controller()
    assert made.start(demo_path)
    [(question, offered)] = asker.file_in_use_asked
    assert not offered and "koor.sqlite.lock" in question
    assert made.database.read_only and made.window.read_only_banner.isVisible()


def test_when_the_lock_is_taken_over_the_window_becomes_read_only(controller, demo_path, asker):
    page = members_page(controller)
    victim = next(r for r in page.model.rows() if r.current and not r.functions)
    page.select_member(victim.member_id)
    asker.confirm_answers.append(True)
    page.delete_action.trigger()
    assert controller.window.undo_action.isEnabled()
    theirs = someone_else(demo_path)  # they found us silent and took the file over
    controller.lock_keeper.beat()
    title, message = asker.informed[-1]
    assert "jan" in message and "LAPTOP-JAN" in message
    window = controller.window
    assert window.read_only_banner.isVisible() and "jan" in window.read_only_banner.text()
    assert editable(window) == []
    log = open_page(window, HistoryPage)
    log.select_action(log.model.row_at(0).action_id)  # the delete, undoable before
    assert not log.undo_button.isEnabled()
    controller.shutdown()
    assert read_lock(demo_path) == theirs


@pytest.mark.slow
def test_a_file_held_by_another_process_is_opened_read_only(make_controller, demo_path, asker):
    with held_elsewhere(demo_path) as other:
        asker.file_in_use_answers.append("read_only")
        made = make_controller()
        assert made.start(demo_path)
        assert made.database.read_only
        assert str(lock.user_name()) in made.window.read_only_banner.text()
        made.shutdown()
        assert read_lock(demo_path).pid == other.pid


def test_conflict_copies_are_explained_when_a_file_is_opened(make_controller, demo_path, asker):
    copy = demo_path.with_name("koor (conflicted copy 2026-03-01).sqlite")
    copy.write_bytes(demo_path.read_bytes())
    made = make_controller()
    made.start(demo_path)
    [(_title, message)] = asker.informed
    assert copy.name in message
    assert made.open_file(copy)
    assert "koor.sqlite" in asker.informed[-1][1]


def test_nothing_is_written_once_the_lock_is_taken_over(controller, demo_path, asker, qtbot):
    """Before its next heartbeat the window already notices: the commit checks the lock."""
    page = members_page(controller)
    victim = next(r for r in page.model.rows() if r.current and not r.functions)
    page.select_member(victim.member_id)
    theirs = someone_else(demo_path)
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    asker.confirm_answers.append(True)
    page.delete_action.trigger()  # refused: the lock is theirs now
    title, message = asker.errors[-1][:2]
    assert "jan" in message and hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    qtbot.waitUntil(lambda: controller.database.read_only, timeout=3000)
    qtbot.waitUntil(lambda: controller.window.read_only_banner.isVisible(), timeout=3000)
    assert read_lock(demo_path) == theirs
