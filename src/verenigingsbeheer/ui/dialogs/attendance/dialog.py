"""Registering who came (or, beforehand, who will come) while the rehearsal goes on.

One key or one click per person: the mark is saved at once in its own small transaction,
so nothing is lost when the laptop's battery dies halfway, and only that person's line and
section counts are repainted. Keys: Up/Down move, P present, L late, E excused (Shift+E
with a reason), A absent, Delete clears, R (or Enter) edits the reason; P on a section's
heading marks everyone of the section not marked yet as present.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_number
from verenigingsbeheer.services import attendance
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.dialogs.attendance.view import KEY_HINTS, AttendanceDialogView
from verenigingsbeheer.ui.models.attendance_table import (
    ATTENDANCE,
    AVAILABILITY,
    AttendanceTableModel,
)


class AttendanceDialog(AttendanceDialogView):
    """The expected members of one activity by section, with their marks.

    `mode` is ATTENDANCE ("attendance") or AVAILABILITY ("availability"); without it the
    dialog opens on availability for an activity still to come, else on attendance. In a
    read-only file everything is shown and nothing can be changed.
    """

    changed = Signal()  # after every saved mark

    def __init__(
        self,
        context: PageContext,
        activity_id: int,
        parent: QWidget | None = None,
        mode: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id = activity_id
        self.editable = not (context.read_only or context.database.read_only)
        with context.database.reading() as session:
            self.registration = attendance.registration(session, activity_id)
        found = self.registration
        if mode is None:
            mode = AVAILABILITY if found.date > context.today() else ATTENDANCE
        self.build(found, self.editable)
        self.model = AttendanceTableModel(self)
        self.model.editable = self.editable
        self.model.set_registration(found)
        self.table.setModel(self.model)

        self._reason_member: attendance.ExpectedMember | None = None
        self.tabs.currentChanged.connect(self._tab_changed)
        self.table.key_pressed.connect(self._key)
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_reason())
        self.reason.returnPressed.connect(self._reason_done)
        self.reason.editingFinished.connect(self._save_reason)
        self.reason.installEventFilter(self)
        self.everyone_button.clicked.connect(lambda: self.all_present(None))
        self.copy_button.clicked.connect(self.copy)
        self.close_button.clicked.connect(self.accept)
        self.tabs.setCurrentIndex(0 if mode == ATTENDANCE else 1)
        self._tab_changed(self.tabs.currentIndex())
        self.table.setFocus()

    # -- mode -------------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.model.mode

    def set_mode(self, mode: str) -> None:
        self.tabs.setCurrentIndex(0 if mode == ATTENDANCE else 1)

    def _tab_changed(self, index: int) -> None:
        row = max(self.table.currentIndex().row(), 0)
        self.model.set_mode(ATTENDANCE if index == 0 else AVAILABILITY)
        self._size_columns()
        self.everyone_button.setVisible(self.mode == ATTENDANCE)
        self.everyone_button.setEnabled(self.editable)
        self.hint.setText(_(KEY_HINTS[self.mode]))
        self.hint.setVisible(self.editable)
        if self.model.rowCount():
            first = row if self.model.member_at(row) else self.model.next_member_row(row)
            self.go_to(first if first is not None else 0)
        self._update_totals()

    def _size_columns(self) -> None:
        """Names and marks as wide as they need (within reason); the reason takes the rest."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        heading = header.fontMetrics()
        cells = self.table.fontMetrics()
        names = [m.name.sorted_form for m in self.registration.members]
        for column, spec in enumerate(self.model.columns()):
            title = heading.horizontalAdvance(
                self.model.headerData(column, Qt.Orientation.Horizontal)
            )
            if spec.kind == "name":
                longest = max((cells.horizontalAdvance(n) for n in names), default=0)
                width = min(max(longest + 24, title + 24, 150), 240)
            elif spec.kind == "before":
                width = max(title + 24, cells.horizontalAdvance(_("All present")) + 40, 165)
            else:
                width = max(title + 20, 80)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)

    # -- moving -----------------------------------------------------------------------------
    def go_to(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    # -- marking ----------------------------------------------------------------------------
    def _key(self, key: str) -> None:
        if key == "copy":
            self.copy()
            return
        row = self.current_row()
        if key == "reason":
            self.edit_reason()
            return
        if self.model.is_heading(row):
            if key == "P" and self.mode == ATTENDANCE:
                self.all_present(self.model.section_at(row))
                following = self.model.next_heading_row(row)
                if following is not None:
                    self.go_to(following)
            return
        if self.model.member_at(row) is None:
            return
        if key == "clear":
            self.mark(row, None)
            return
        statuses = {"P": "present", "L": "late", "E": "excused", "A": "absent"}
        if self.mode == AVAILABILITY:
            statuses = {"P": "signed_up", "E": "excused"}
        if key == "shift+E":
            if self.mark(row, "excused"):
                self.edit_reason()
        elif key in statuses and self.mark(row, statuses[key]):
            following = self.model.next_member_row(row)
            if following is not None:
                self.go_to(following)

    def _clicked(self, index) -> None:
        column = self.model.columns()[index.column()]
        row = index.row()
        if self.model.is_heading(row):
            if column.kind == "before" and self.mode == ATTENDANCE:
                self.all_present(self.model.section_at(row))
            return
        member = self.model.member_at(row)
        if member is None or column.status is None:
            return
        current = member.attendance if self.mode == ATTENDANCE else member.availability
        self.mark(row, None if current == column.status else column.status)

    def mark(self, row: int, status: str | None) -> bool:
        """Save one member's mark (None clears it; beforehand that is "not known"); True
        when it is saved or already so."""
        member = self.model.member_at(row)
        if member is None or not self.editable:
            return False
        if self.mode == ATTENDANCE:
            reason = member.attendance_reason if status == "excused" else ""
            if status == member.attendance:
                return True
            done = self._write(
                lambda s: attendance.set_attendance(
                    s, self.activity_id, member.member_id, status, reason
                )
            )
            if done:
                member.attendance, member.attendance_reason = status, reason
        else:
            status = status or "unknown"
            reason = member.availability_reason if status == "excused" else ""
            if status == member.availability:
                return True
            done = self._write(
                lambda s: attendance.set_availability(
                    s, self.activity_id, member.member_id, status, reason
                )
            )
            if done:
                member.availability, member.availability_reason = status, reason
        if done:
            self.model.member_changed(row)
            self._after_change()
        return done

    def all_present(self, section: str | None) -> int:
        """Everyone (of `section`, or all) not marked yet is present; returns how many."""
        todo = self.model.unmarked(section)
        if not todo or not self.editable or self.mode != ATTENDANCE:
            return 0
        if not self._write(lambda s: attendance.all_present(s, self.activity_id, section)):
            return 0
        for member in todo:
            member.attendance = "present"
        self.model.section_changed(section)
        self._after_change()
        return len(todo)

    def _write(self, action: Callable) -> bool:
        return self.context.write(self, action)

    def _after_change(self) -> None:
        self._update_totals()
        self._show_reason()
        self.changed.emit()

    # -- reasons ----------------------------------------------------------------------------
    def _excused(self, member: attendance.ExpectedMember | None) -> bool:
        if member is None:
            return False
        mark = member.attendance if self.mode == ATTENDANCE else member.availability
        return mark == "excused"

    def _reason_of(self, member: attendance.ExpectedMember) -> str:
        if self.mode == ATTENDANCE:
            return member.attendance_reason
        return member.availability_reason

    def _show_reason(self) -> None:
        member = self.model.member_at(self.current_row())
        excused = self._excused(member)
        self._reason_member = member if excused else None
        self.reason.blockSignals(True)
        self.reason.setText(self._reason_of(member) if excused else "")
        self.reason.blockSignals(False)
        self.reason.setEnabled(excused)
        self.reason.setReadOnly(not self.editable)
        self.reason_label.setEnabled(excused)

    def edit_reason(self) -> None:
        if self._reason_member is not None and self.editable:
            self.reason.setFocus()
            self.reason.selectAll()

    def _save_reason(self) -> None:
        member = self._reason_member
        if member is None or not self.editable or not self._excused(member):
            return
        text = self.reason.text().strip()
        if text == self._reason_of(member):
            return
        if self.mode == ATTENDANCE:
            done = self._write(
                lambda s: attendance.set_attendance(
                    s, self.activity_id, member.member_id, "excused", text
                )
            )
            if done:
                member.attendance_reason = text
        else:
            done = self._write(
                lambda s: attendance.set_availability(
                    s, self.activity_id, member.member_id, "excused", text
                )
            )
            if done:
                member.availability_reason = text
        if done:
            self.model.member_changed(self.model.row_of_member(member.member_id))
            self.changed.emit()

    def _reason_done(self) -> None:
        self._save_reason()
        self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.reason
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._show_reason()  # back to the saved text
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    # -- counts and copying -----------------------------------------------------------------
    def _update_totals(self) -> None:
        total = self.model.totals()
        n = format_number
        if self.mode == ATTENDANCE:
            text = _(
                "Total of {expected} expected: {present} present, {late} late, {excused} "
                "excused, {absent} absent, {open} not marked yet"
            ).format(
                expected=n(total.expected), present=n(total.present), late=n(total.late),
                excused=n(total.excused), absent=n(total.absent),
                open=n(total.expected - total.registered),
            )  # fmt: skip
        else:
            text = _(
                "Total of {expected} expected: {coming} coming, {excused} excused, "
                "{unknown} not known"
            ).format(
                expected=n(total.expected), coming=n(total.signed_up),
                excused=n(total.expected - total.signed_up - total.unknown),
                unknown=n(total.unknown),
            )  # fmt: skip
        self.totals.setText(text)
        self.everyone_button.setEnabled(self.editable and bool(self.model.unmarked()))

    def copy_text(self) -> str:
        return self.model.copy_text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.copy_text())


def open_attendance(
    context: PageContext, activity_id: int, parent: QWidget | None = None, mode: str | None = None
) -> bool:
    """Build the dialog and run it through the asker (tests fill it in); False when the
    activity no longer exists (said so) or nothing was changed."""
    from verenigingsbeheer.errors import UserError

    try:
        dialog = AttendanceDialog(context, activity_id, parent, mode)
    except UserError as error:
        context.asker.error(parent, _("Not done"), error.message)
        return False
    changed = []
    dialog.changed.connect(lambda: changed.append(True))
    context.asker.run_dialog(dialog)
    return bool(changed)
