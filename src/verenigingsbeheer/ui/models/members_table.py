"""Qt table model of member rows, and a proxy for instant, diacritics-blind search.

Display texts and sort keys are computed once in `set_rows`, so scrolling and sorting
10,000 members costs no Python work per cell beyond a list lookup.
"""

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
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class MembersTableModel(QAbstractTableModel):
    """Plain MemberRows in; nothing here touches the database."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._display: list[tuple] = []
        self._sort: list[tuple] = []
        self._search: list[str] = []

    def set_rows(self, rows: list[MemberRow]) -> None:
        """Rows as `members.list_members` gives them: sorted by name the Dutch way."""
        self.beginResetModel()
        dates: dict[dt.date, str] = {}

        def date_text(day: dt.date | None) -> str:
            if day is None:
                return ""
            if day not in dates:
                dates[day] = format_date(day, "medium")
            return dates[day]

        self._rows = list(rows)
        self._display = [
            (
                row.member_number,
                row.name.sorted_form,
                row.section,
                row.email,
                row.phone,
                date_text(row.member_since),
                date_text(row.member_until),
                row.functions,
            )
            for row in self._rows
        ]
        folded: dict[str, str] = {}

        def fold_cached(text: str) -> str:
            if text not in folded:
                folded[text] = fold(text)
            return folded[text]

        # The service delivers rows in Dutch name order, so the position is the name key.
        self._sort = [
            (
                row.member_number,
                position,
                fold_cached(row.section),
                row.email.lower(),
                row.phone,
                (row.member_since or dt.date.min).toordinal(),
                (row.member_until or dt.date.max).toordinal(),
                fold_cached(row.functions),
            )
            for position, row in enumerate(self._rows)
        ]
        self._search = [
            fold(f"{row.name.full} {row.email} {row.phone} {row.section} {row.member_number}")
            for row in self._rows
        ]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the precomputed keys (much faster than the proxy asking every cell)."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        keys = [key[column] for key in self._sort]
        order_of = sorted(
            range(len(keys)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        position = [0] * len(order_of)
        for new, old in enumerate(order_of):
            position[old] = new
        for name in ("_rows", "_display", "_sort", "_search"):
            values = getattr(self, name)
            setattr(self, name, [values[old] for old in order_of])
        before = self.persistentIndexList()
        after = [self.index(position[index.row()], index.column()) for index in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_at(self, row: int) -> MemberRow:
        return self._rows[row]

    def search_text(self, row: int) -> str:
        return self._search[row]

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[index.row()][index.column()]
        if role == SORT_ROLE:
            return self._sort[index.row()][index.column()]
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return RIGHT
        return None


class MemberFilterProxy(QSortFilterProxyModel):
    """Every word typed must occur somewhere in the row, ignoring case and accents."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts itself; the proxy only filters, keeping that order."""
        self._sorted = (column, order)
        self.sourceModel().sort(column, order)

    def resort(self) -> None:
        """Apply the last sort again, e.g. after new rows were loaded."""
        if self._sorted is not None:
            self.sourceModel().sort(*self._sorted)

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
        haystack = self.sourceModel().search_text(source_row)
        return all(word in haystack for word in self._words)
