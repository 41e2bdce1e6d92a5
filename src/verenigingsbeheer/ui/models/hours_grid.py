"""The grid of volunteer hours: a line per person who can help and a column per day of a
week (one task) or per task of an activity, hours typed as Dutch users write them ("2,5"
or "2:30"). Edited freely, then saved in one go; a cell that is no time in quarters is
marked and blocks saving. The grid remembers what it was read for (task, activity), so
what is saved is what was typed, whatever the choosers show by then."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.volunteers import Helper

Index = QModelIndex | QPersistentModelIndex
Cell = tuple[int, dt.date, int]  # person id, day, task id
WRONG = QBrush(QColor("#fdecea"))
CHANGED = QBrush(QColor("#fff6d6"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class GridColumn:
    day: dt.date
    task_id: int
    heading: str


@dataclass(frozen=True)
class GridFor:
    """What the grid was read for: its week, and the task or activity it holds."""

    monday: dt.date
    task_id: int | None = None
    activity_id: int | None = None
    per_activity: bool = False


class HoursGridModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.read_for = GridFor(dt.date.today())
        self.columns: list[GridColumn] = []
        self.helpers: list[Helper] = []
        self.saved: dict[Cell, int] = {}
        self.minutes: dict[Cell, int] = {}
        self.wrong: dict[Cell, tuple[str, str]] = {}  # cell -> (text, problem)
        self.editable = True

    def set_grid(
        self,
        read_for: GridFor,
        columns: list[GridColumn],
        helpers: list[Helper],
        saved: dict[Cell, int],
    ) -> None:
        self.beginResetModel()
        self.read_for, self.columns, self.helpers = read_for, columns, helpers
        self.saved, self.minutes, self.wrong = dict(saved), dict(saved), {}
        self.endResetModel()

    @property
    def monday(self) -> dt.date:
        return self.read_for.monday

    @property
    def total_column(self) -> int:
        return len(self.columns)

    def key(self, index: Index) -> Cell:
        column = self.columns[index.column()]
        return self.helpers[index.row()].person_id, column.day, column.task_id

    # -- state ------------------------------------------------------------------------------
    def changes(self) -> dict[Cell, int]:
        """The cells that differ from what is saved (0: removed)."""
        keys = set(self.saved) | set(self.minutes)
        return {k: self.minutes.get(k, 0) for k in keys
                if self.minutes.get(k, 0) != self.saved.get(k, 0)}  # fmt: skip

    def dirty(self) -> bool:
        return bool(self.changes()) or bool(self.wrong)

    def problems(self) -> list[str]:
        headings = {(c.day, c.task_id): c.heading for c in self.columns}
        names = {h.person_id: h.label for h in self.helpers}
        return [
            f"{names.get(person, '')}, {headings.get((day, task), '')}: '{text}' – {problem}"
            for (person, day, task), (text, problem) in sorted(
                self.wrong.items(), key=lambda item: (item[0][1], item[0][2])
            )
        ]

    def total(self, row: int) -> int:
        person = self.helpers[row].person_id
        return sum(self.minutes.get((person, c.day, c.task_id), 0) for c in self.columns)

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.helpers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.columns else len(self.columns) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.helpers[section].label
        if section == self.total_column:
            return _("Total")
        return self.columns[section].heading

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() < self.total_column:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.column() == self.total_column:
            if role == Qt.ItemDataRole.DisplayRole:
                total = self.total(index.row())
                return rules.format_hours(total) if total else ""
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT
            return None
        key = self.key(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key in self.wrong:
                return self.wrong[key][0]
            minutes = self.minutes.get(key, 0)
            return rules.format_hours(minutes) if minutes else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            if key in self.wrong:
                return WRONG
            if self.minutes.get(key, 0) != self.saved.get(key, 0):
                return CHANGED
        if role == Qt.ItemDataRole.ToolTipRole and key in self.wrong:
            return self.wrong[key][1]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() >= self.total_column:
            return False
        key = self.key(index)
        text = str(value).strip()
        self.wrong.pop(key, None)
        if not text:
            self.minutes.pop(key, None)
        else:
            try:
                minutes = rules.parse_hours(text)
            except ValueError:
                minutes, problem = 0, _("Write the hours as 2,5 or 2:30.")
            else:
                problem = rules.validate_hours(minutes) if minutes else ""
            if problem:
                self.wrong[key] = (text, problem)
            elif minutes:
                self.minutes[key] = minutes
            else:
                self.minutes.pop(key, None)
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.total_column))
        return True
