"""The week grid of volunteer hours: a line per person who can help, a column per day,
hours typed as Dutch users write them ("2,5" or "2:30"). Edited freely, then saved for the
whole week in one go; a cell that is no time in quarters is marked and blocks saving."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.volunteers import Helper

Index = QModelIndex | QPersistentModelIndex
WRONG = QBrush(QColor("#fdecea"))
CHANGED = QBrush(QColor("#fff6d6"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class WeekHoursTableModel(QAbstractTableModel):
    DAYS = 7

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.monday = dt.date.today()
        self.helpers: list[Helper] = []
        self.saved: dict[tuple[int, dt.date], int] = {}
        self.minutes: dict[tuple[int, dt.date], int] = {}
        self.wrong: dict[tuple[int, dt.date], tuple[str, str]] = {}  # cell -> (text, problem)
        self.editable = True

    def set_week(
        self, monday: dt.date, helpers: list[Helper], saved: dict[tuple[int, dt.date], int]
    ) -> None:
        self.beginResetModel()
        self.monday, self.helpers = monday, helpers
        self.saved, self.minutes, self.wrong = dict(saved), dict(saved), {}
        self.endResetModel()

    def day(self, column: int) -> dt.date:
        return self.monday + dt.timedelta(days=column)

    def key(self, index: Index) -> tuple[int, dt.date]:
        return self.helpers[index.row()].person_id, self.day(index.column())

    # -- state ------------------------------------------------------------------------------
    def changes(self) -> dict[tuple[int, dt.date], int]:
        """The cells that differ from what is saved (0: removed)."""
        keys = set(self.saved) | set(self.minutes)
        return {k: self.minutes.get(k, 0) for k in keys
                if self.minutes.get(k, 0) != self.saved.get(k, 0)}  # fmt: skip

    def dirty(self) -> bool:
        return bool(self.changes()) or bool(self.wrong)

    def problems(self) -> list[str]:
        found = []
        for (person_id, day), (text, problem) in sorted(self.wrong.items(), key=lambda i: i[0][1]):
            name = next((h.label for h in self.helpers if h.person_id == person_id), "")
            found.append(f"{name}, {format_date(day, 'EEE d MMM')}: '{text}' – {problem}")
        return found

    def total(self, row: int) -> int:
        person = self.helpers[row].person_id
        return sum(self.minutes.get((person, self.day(c)), 0) for c in range(self.DAYS))

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.helpers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.DAYS + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.helpers[section].label
        if section == self.DAYS:
            return _("Week")
        return format_date(self.day(section), "EEE d MMM")

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() < self.DAYS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = index.column()
        if column == self.DAYS:
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
        if role != Qt.ItemDataRole.EditRole or index.column() >= self.DAYS:
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
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.DAYS))
        return True
