"""Registering attendance for the moment itself: by keyboard only, by mouse, availability
with a reason that stays on screen, read-only, and no reload per keystroke."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.attendance_data import TODAY, make_choir
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import attendance
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.dialogs.attendance import ATTENDANCE, AVAILABILITY, AttendanceDialog
from verenigingsbeheer.ui.models.attendance_table import NOTE_ROLE, ON_ROLE


@pytest.fixture
def choir(tmp_path: Path):
    made = make_choir(tmp_path / "koor.sqlite")
    yield made
    made.database.close()


def dialog_for(qtbot, choir, asker, activity_id: int, **context) -> AttendanceDialog:
    page_context = PageContext(choir.database, asker, today=lambda: TODAY, **context)
    dialog = AttendanceDialog(page_context, activity_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def saved(choir, activity_id: int) -> dict[str, tuple]:
    """first name -> (attendance, its reason, availability, its reason), from the file."""
    with choir.database.reading() as session:
        found = attendance.registration(session, activity_id)
    return {
        m.name.first_name: (m.attendance, m.attendance_reason, m.availability,
                            m.availability_reason)
        for m in found.members
    }  # fmt: skip


def heading_counts(dialog: AttendanceDialog, section: str) -> list[str]:
    """What the section's heading line shows under each status column."""
    model = dialog.model
    row = model.heading_row(section)
    return [
        model.index(row, column).data()
        for column, spec in enumerate(model.columns())
        if spec.status is not None
    ]


def current_name(dialog: AttendanceDialog) -> str | None:
    member = dialog.model.member_at(dialog.current_row())
    return member.name.first_name if member else None


def test_registering_a_rehearsal_by_keyboard_only(qtbot, choir, asker):
    first = choir.rehearsals[0]
    dialog = dialog_for(qtbot, choir, asker, first)
    table = dialog.table
    assert dialog.mode == ATTENDANCE  # the rehearsal lies behind us
    assert dialog.focusWidget() is table and current_name(dialog) == "Anna"
    actions_before = len(choir.database.actions)

    for key in (Qt.Key.Key_P, Qt.Key.Key_L, Qt.Key.Key_E, Qt.Key.Key_A):
        qtbot.keyClick(table, key)  # each mark moves on to the next person
    assert current_name(dialog) == "Kees"  # past the Bas heading
    assert heading_counts(dialog, "Sopraan") == ["1", "1", "0", "0"]
    assert heading_counts(dialog, "Tenor") == ["0", "0", "1", "1"]

    qtbot.keyClick(table, Qt.Key.Key_Up)  # onto the Bas heading: P is the whole section
    assert dialog.model.is_heading(dialog.current_row())
    qtbot.keyClick(table, Qt.Key.Key_P)
    assert heading_counts(dialog, "Bas") == ["2", "0", "0", "0"]

    for _step in range(2):
        qtbot.keyClick(table, Qt.Key.Key_Up)
    assert current_name(dialog) == "Piet"
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # a slip: cleared again
    assert heading_counts(dialog, "Tenor") == ["0", "0", "0", "1"]
    qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)  # with a reason
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "tandarts")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.focusWidget() is table and dialog.isVisible()  # Enter did not close the dialog

    assert saved(choir, first) == {
        "Anna": ("present", "", "unknown", ""),
        "Bep": ("late", "", "unknown", ""),
        "Piet": ("excused", "tandarts", "unknown", ""),
        "Jan": ("absent", "", "unknown", ""),
        "Kees": ("present", "", "unknown", ""),
        "Wim": ("present", "", "unknown", ""),
    }
    assert heading_counts(dialog, "Tenor") == ["0", "0", "1", "1"]
    assert dialog.totals.text() == _(
        "Total of {expected} expected: {present} present, {late} late, {excused} "
        "excused, {absent} absent, {open} not marked yet"
    ).format(expected=6, present=3, late=1, excused=1, absent=1, open=0)
    # every mark its own small transaction: nothing is lost when the laptop dies halfway
    assert len(choir.database.actions) - actions_before == 8


def test_the_mouse_marks_toggles_and_marks_a_section(qtbot, choir, asker):
    first = choir.rehearsals[0]
    dialog = dialog_for(qtbot, choir, asker, first)
    table, model = dialog.table, dialog.model

    def click(row: int, column: int) -> None:
        rect = table.visualRect(model.index(row, column))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    jan = model.row_of_member(choir.people["Jan"])
    late = model.column_of("late")
    click(jan, late)
    assert model.index(jan, late).data(ON_ROLE) and saved(choir, first)["Jan"][0] == "late"
    click(jan, late)  # the same button again takes the mark away
    assert saved(choir, first)["Jan"][0] is None
    click(model.heading_row("Tenor"), 1)  # the heading's "All present"
    assert [saved(choir, first)[name][0] for name in ("Piet", "Jan", "Anna")] == [
        "present", "present", None,
    ]  # fmt: skip
    dialog.everyone_button.click()  # only those not marked yet
    assert {value[0] for value in saved(choir, first).values()} == {"present"}
    assert not dialog.everyone_button.isEnabled()


def test_availability_with_a_reason_is_shown_but_never_copied(qtbot, choir, asker):
    concert = choir.concert
    dialog = dialog_for(qtbot, choir, asker, concert)
    assert dialog.mode == AVAILABILITY  # still to come
    assert dialog.model.sections() == ["Tenor", "Bas"]  # only those it is for
    table = dialog.table
    assert current_name(dialog) == "Piet"
    qtbot.keyClick(table, Qt.Key.Key_P)  # Piet comes
    qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.reason, "knieoperatie")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert saved(choir, concert)["Piet"][2:] == ("signed_up", "")
    assert saved(choir, concert)["Jan"][2:] == ("excused", "knieoperatie")

    jan = dialog.model.row_of_member(choir.people["Jan"])
    reason_column = len(dialog.model.columns()) - 1
    assert dialog.model.index(jan, reason_column).data() == "knieoperatie"  # on screen
    assert dialog.totals.text() == _(
        "Total of {expected} expected: {coming} coming, {excused} excused, {unknown} not known"
    ).format(expected=4, coming=1, excused=1, unknown=2)

    dialog.set_mode(ATTENDANCE)  # afterwards, the excuse is shown beside the marks
    before = dialog.model.index(jan, 1)
    assert before.data() == _("excused") and before.data(NOTE_ROLE) == "knieoperatie"
    assert "knieoperatie" in before.data(Qt.ItemDataRole.ToolTipRole)

    copied = dialog.copy_text()
    assert "Vries, Jan de\t" + _("excused") in copied
    assert "knieoperatie" not in copied
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == copied


def test_escape_in_the_reason_goes_back_without_saving_or_closing(qtbot, choir, asker):
    first = choir.rehearsals[0]
    dialog = dialog_for(qtbot, choir, asker, first)
    qtbot.keyClick(dialog.table, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.reason, "ziek")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.table
    assert saved(choir, first)["Anna"][:2] == ("excused", "")
    assert dialog.reason.text() == ""


def test_read_only_shows_everything_and_changes_nothing(qtbot, choir, asker):
    first = choir.rehearsals[0]
    with choir.database.transaction() as session:
        attendance.set_attendance(session, first, choir.people["Anna"], "excused", "griep")
    dialog = dialog_for(qtbot, choir, asker, first, read_only=True)
    assert dialog.warning.isVisible()
    assert current_name(dialog) == "Anna" and dialog.reason.text() == "griep"
    assert dialog.reason.isReadOnly()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_P, Qt.Key.Key_Up, Qt.Key.Key_Delete):
        qtbot.keyClick(dialog.table, key)
    rect = dialog.table.visualRect(dialog.model.index(dialog.model.heading_row("Bas"), 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not dialog.everyone_button.isEnabled()
    assert {name: value[0] for name, value in saved(choir, first).items()} == {
        "Anna": "excused", "Bep": None, "Piet": None, "Jan": None, "Kees": None, "Wim": None,
    }  # fmt: skip
    assert asker.errors == []


def test_two_hundred_members_are_marked_without_reloading(qtbot, tmp_path, asker, monkeypatch):
    choir = make_choir(tmp_path / "groot.sqlite", extra_members=194)
    try:
        dialog = dialog_for(qtbot, choir, asker, choir.rehearsals[0])
        assert len(dialog.model.members()) == 200
        reads, resets = [], []
        monkeypatch.setattr(attendance, "registration", lambda *a: reads.append(a))
        dialog.model.modelReset.connect(lambda: resets.append(True))
        started = time.perf_counter()
        for _step in range(20):
            qtbot.keyClick(dialog.table, Qt.Key.Key_P)
        per_key = (time.perf_counter() - started) / 20
        assert reads == [] and resets == []
        assert len(dialog.model.unmarked()) == 180
        assert per_key < 0.25, f"{per_key * 1000:.0f} ms per keystroke"
    finally:
        choir.database.close()
