"""Sections and membership types: add, rename, reorder and remove, each change saved at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import categories
from verenigingsbeheer.ui.widgets.field_marks import error_label

ID_ROLE = Qt.ItemDataRole.UserRole


class CategoryList(QWidget):
    def __init__(self, kind: str, database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.database = database
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        add_row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(_("New name"))
        self.add_button = QPushButton(_("Add"))
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        buttons = QHBoxLayout()
        self.rename_button = QPushButton(_("Rename"))
        self.up_button = QPushButton(_("Up"))
        self.down_button = QPushButton(_("Down"))
        self.delete_button = QPushButton(_("Delete"))
        for button in (self.rename_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.problem = error_label()
        layout.addWidget(self.problem)
        self.add_button.clicked.connect(self.add)
        self.new_name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.up_button.clicked.connect(
            lambda: self._act(lambda s, i: categories.move_category(s, self.kind, i, -1))
        )
        self.down_button.clicked.connect(
            lambda: self._act(lambda s, i: categories.move_category(s, self.kind, i, 1))
        )
        self.delete_button.clicked.connect(
            lambda: self._act(lambda s, i: categories.delete_category(s, self.kind, i))
        )
        self.reload()

    def reload(self, select: int | None = None) -> None:
        with self.database.reading() as session:
            rows = categories.list_categories(session, self.kind)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(_("{name} ({n} members)").format(name=row.name, n=row.members))
            item.setData(ID_ROLE, row.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, row.name)
            self.list.addItem(item)
            if row.id == select:
                self.list.setCurrentItem(item)

    def names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in
                range(self.list.count())]  # fmt: skip

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def _run(self, action: Callable, select: int | None) -> bool:
        try:
            with self.database.transaction() as session:
                result = action(session)
        except UserError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return False
        self.problem.hide()
        self.reload(select if select is not None else result)
        return True

    def _act(self, action: Callable) -> None:
        selected = self._selected()
        if selected is not None:
            self._run(lambda s: action(s, selected), selected)

    def add(self) -> None:
        name = self.new_name.text()
        if self._run(lambda s: categories.add_category(s, self.kind, name), None):
            self.new_name.clear()

    def rename(self) -> None:
        selected = self._selected()
        if selected is not None and self.new_name.text().strip():
            name = self.new_name.text()
            if self._run(lambda s: categories.rename_category(s, self.kind, selected, name),
                         selected):  # fmt: skip
                self.new_name.clear()


class CategoriesDialog(QDialog):
    def __init__(self, database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sections and membership types"))
        self.setMinimumSize(460, 420)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.sections = CategoryList("section", database)
        self.types = CategoryList("type", database)
        self.tabs.addTab(self.sections, _("Sections"))
        self.tabs.addTab(self.types, _("Membership types"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
