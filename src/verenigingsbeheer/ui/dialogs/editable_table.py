"""A small list to edit as a table, with Add, Remove and OK: the school holidays, the
volunteer tasks and the tax-free limits. A subclass reads the typed table in `read()`,
raising ValueError with a Dutch message on the first problem; OK shows that message and
stays open, so nothing half-typed is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label

KEY_ROLE = Qt.ItemDataRole.UserRole  # the record a line stands for (None: a new one)


class EditableTable(QDialog):
    def __init__(
        self,
        title: str,
        intro: str,
        headers: list[str],
        parent: QWidget | None,
        stretch: int = 0,
    ) -> None:
        super().__init__(parent)
        self.first_row_shown = 0  # a long list can open at the line that matters now
        self.setWindowTitle(title)
        self.resize(620, 440)
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add"))
        self.remove_button = QPushButton(_("Remove"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.problem = error_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if 0 < self.first_row_shown < self.table.rowCount():  # scrolls only once laid out
            self.table.scrollToItem(
                self.table.item(self.first_row_shown, 0),
                QAbstractItemView.ScrollHint.PositionAtTop,
            )

    def append(self, texts: list[str], key: object = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            item = QTableWidgetItem(texts[column] if column < len(texts) else "")
            if column == 0:
                item.setData(KEY_ROLE, key)
            self.table.setItem(row, column, item)
        return row

    def add_row(self) -> None:
        """A new empty line, its first cell open for typing."""
        row = self.append([])
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def cells(self) -> list[tuple[object, list[str]]]:
        """Each line's key and its texts, stripped."""
        return [
            (self.table.item(row, 0).data(KEY_ROLE),
             [self.table.item(row, c).text().strip() for c in range(self.table.columnCount())])
            for row in range(self.table.rowCount())
        ]  # fmt: skip

    def read(self) -> object:
        """The table as typed; ValueError with a Dutch message on the first problem."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.read()
        except ValueError as problem:
            self.problem.setText(str(problem))
            self.problem.setVisible(True)
            return
        super().accept()
