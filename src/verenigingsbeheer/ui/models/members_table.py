"""Qt table model of member rows, and a proxy for instant, diacritics-blind search."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from verenigingsbeheer.domain.person import fold
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.members import MemberRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    N_("No."),
    N_("Name"),
    N_("Section"),
    N_("E-mail"),
    N_("Phone"),
    N_("Member since"),
    N_("Member until"),
    N_("Function"),
)
Index = QModelIndex | QPersistentModelIndex


class MembersTableModel(QAbstractTableModel):
    """Plain MemberRows in; nothing here touches the database."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._search: list[str] = []
        self._dates: dict[dt.date, str] = {}

    def set_rows(self, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [
            fold(
                " ".join((row.name.full, row.email, row.phone, row.section, str(row.member_number)))
            )
            for row in self._rows
        ]
        self._dates = {}
        self.endResetModel()

    def row_at(self, row: int) -> MemberRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section])
        return None

    def _date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        text = self._dates.get(day)
        if text is None:
            text = self._dates[day] = format_date(day, "medium")
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.member_number,
                row.name.sorted_form,
                row.section,
                row.email,
                row.phone,
                self._date(row.member_since),
                self._date(row.member_until),
                row.functions,
            )[column]
        if role == SORT_ROLE:
            return (
                row.member_number,
                "\x1f".join(row.name.sort_key),
                row.section,
                fold(row.email),
                row.phone,
                (row.member_since or dt.date.min).toordinal(),
                (row.member_until or dt.date.max).toordinal(),
                row.functions,
            )[column]
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MemberFilterProxy(QSortFilterProxyModel):
    """Every word typed must occur somewhere in the row, ignoring case and accents."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        haystack = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE)
        return all(word in haystack for word in self._words)
