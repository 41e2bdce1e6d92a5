"""Two small tables to edit on the volunteers page: the tasks with what an hour of each is
worth, and the tax-free limits of allowances per year with their source."""

from __future__ import annotations

from PySide6.QtWidgets import (
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

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.parsing import parse_money
from verenigingsbeheer.domain.volunteers import Limits
from verenigingsbeheer.i18n import _, language
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label

KEY_ROLE = 256  # Qt.ItemDataRole.UserRole


def decimal_text(amount: Money) -> str:
    """12,50 (or 12.50 in English): how an amount is typed back."""
    text = f"{amount.as_decimal():.2f}"
    return text.replace(".", ",") if language() == "nl" else text


class EditableTable(QDialog):
    """A small table to edit with Add and Remove, for tasks and limits."""

    def __init__(self, title: str, intro: str, headers: list[str], parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
        self.add_button.clicked.connect(lambda: self.append([""] * len(headers)))
        self.remove_button.clicked.connect(
            lambda: self.table.removeRow(self.table.currentRow())
            if self.table.currentRow() >= 0 else None
        )  # fmt: skip

    def append(self, texts: list[str], key: object = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(KEY_ROLE, key)
            self.table.setItem(row, column, item)

    def cells(self) -> list[tuple[object, list[str]]]:
        return [
            (self.table.item(row, 0).data(KEY_ROLE),
             [self.table.item(row, c).text().strip() for c in range(self.table.columnCount())])
            for row in range(self.table.rowCount())
        ]  # fmt: skip

    def refuse(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(True)


class TasksDialog(EditableTable):
    def __init__(self, tasks: list[tuple[int, str, Money]], parent: QWidget | None = None):
        super().__init__(
            _("Volunteer tasks"),
            _(
                "The tasks volunteers help with, and what an hour of each is worth: the value of "
                "volunteer work in a subsidy budget."
            ),  # fmt: skip
            [_("Task"), _("Value an hour (€)")],
            parent,
        )
        for task_id, name, value in tasks:
            self.append([name, decimal_text(value)], task_id)

    def rows(self) -> list[tuple[int | None, str, Money]]:
        """The table as typed; ValueError with a Dutch message on the first problem."""
        found = []
        for key, (name, value) in self.cells():
            try:
                amount = parse_money(value or "0")
            except ValueError:
                raise ValueError(_("{task}: write the value as 12,50.").format(task=name)) from None
            found.append((key, name, amount))
        return found

    def accept(self) -> None:
        try:
            rows = self.rows()
        except ValueError as problem:
            self.refuse(str(problem))
            return
        if any(not name for _key, name, _value in rows):
            self.refuse(_("Every task needs a name."))
            return
        super().accept()


class LimitsDialog(EditableTable):
    def __init__(self, limits: list[Limits], parent: QWidget | None = None):
        super().__init__(
            _("Tax-free limits"),
            _(
                "The Belastingdienst sets the tax-free limits of volunteer allowances each year. "
                "Add a new year when they are published, with where they come from."
            ),  # fmt: skip
            [
                _("Source"),
                _("Year"),
                _("Per hour, 21+"),
                _("Per hour, under 21"),
                _("Per month"),
                _("Per year"),
            ],  # fmt: skip
            parent,
        )
        for limit in sorted(limits, key=lambda item: item.year):
            amounts = (limit.hourly_adult, limit.hourly_young, limit.monthly, limit.yearly)
            self.append([limit.source, str(limit.year), *map(decimal_text, amounts)])

    def limits(self) -> list[Limits]:
        found = []
        for _key, (source, year, *amounts) in self.cells():
            try:
                money = [parse_money(text) for text in amounts]
                found.append(Limits(int(year), *money, source))
            except ValueError:
                raise ValueError(
                    _("Line {year}: write the year as 2027 and amounts as 5,75.").format(
                        year=year or "?"
                    )
                ) from None
        return found

    def accept(self) -> None:
        try:
            self.limits()
        except ValueError as problem:
            self.refuse(str(problem))
            return
        super().accept()
