"""The member form's list of board and committee functions, with add, change and remove."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.domain.member import Function
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.ui.dialogs.function_dialog import FunctionDialog


class FunctionsEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        today: dt.date,
        committees: list[str],
        run_dialog: Callable[[FunctionDialog], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._committees = committees
        self._run_dialog = run_dialog
        self._functions: list[Function] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Function"), _("Committee"), _("From"), _("Until")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.change())
        self.add_button = QPushButton(_("Add function…"))
        self.change_button = QPushButton(_("Change…"))
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setToolTip(
            _("Only for a mistake: a function that ended gets an 'until' date instead.")
        )
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.remove_button.clicked.connect(self.remove)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_read_only(self) -> None:
        for button in (self.add_button, self.change_button, self.remove_button):
            button.hide()
        self.table.doubleClicked.disconnect()

    def functions(self) -> tuple[Function, ...]:
        return tuple(self._functions)

    def set_functions(self, functions: tuple[Function, ...]) -> None:
        self._functions = sorted(functions, key=lambda f: (f.start_date, f.committee, f.title))
        self._show()

    def _show(self) -> None:
        self.table.setRowCount(len(self._functions))
        for row, function in enumerate(self._functions):
            until = format_date(function.end_date, "medium") if function.end_date else _("now")
            texts = (
                function.title,
                function.committee or _("Board"),
                format_date(function.start_date, "medium"),
                until,
            )
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update_buttons()

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _ask(self, function: Function | None) -> Function | None:
        dialog = FunctionDialog(self._today, self._committees, function, self)
        return dialog.function() if self._run_dialog(dialog) else None

    def add(self) -> None:
        function = self._ask(None)
        if function is not None:
            self.set_functions((*self._functions, function))
            self.changed.emit()

    def change(self) -> None:
        row = self._selected()
        if row is None:
            return
        function = self._ask(self._functions[row])
        if function is not None:
            others = self._functions[:row] + self._functions[row + 1 :]
            self.set_functions((*others, function))
            self.changed.emit()

    def remove(self) -> None:
        row = self._selected()
        if row is not None:
            self.set_functions(tuple(self._functions[:row] + self._functions[row + 1 :]))
            self.changed.emit()
