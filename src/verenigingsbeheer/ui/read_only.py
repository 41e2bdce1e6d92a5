"""Read-only mode: everything that changes data switched off at once, and kept off.

Each page lists its editing controls in `editing_controls()` (actions and widgets that
change the file; viewing, searching, exporting and printing stay out of it). The main
window hands them to an EditGuard. An action joins a disabled QActionGroup, so the page's
own logic (`setEnabled(True)` on a selection) cannot switch it on again; a widget is
switched off again whenever something enables it, except that a text field is made
read-only instead, so its text stays easy to read and to copy. A page needs nothing else,
although `context.read_only` tells it when it wants to say more. Set it once per window.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)


class EditGuard(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions = QActionGroup(self)
        self._actions.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self._widgets: list[QWidget] = []
        self.read_only = False

    def add(self, controls: Iterable[QAction | QWidget]) -> None:
        for control in controls:
            if isinstance(control, QAction):
                self._actions.addAction(control)
            else:
                self._widgets.append(control)
                control.installEventFilter(self)
                if self.read_only:
                    _switch_off(control)

    def controls(self) -> list[QAction | QWidget]:
        return [*self._actions.actions(), *self._widgets]

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._actions.setEnabled(not read_only)
        if read_only:
            for widget in self._widgets:
                _switch_off(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.read_only
            and event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QWidget)
            and not isinstance(watched, TEXT_FIELDS)
            and watched.isEnabled()
        ):
            watched.setEnabled(False)
        return False


def _switch_off(widget: QWidget) -> None:
    if isinstance(widget, TEXT_FIELDS):
        widget.setReadOnly(True)
    else:
        widget.setEnabled(False)
