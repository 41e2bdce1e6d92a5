"""Qt table model of member rows, and a proxy for instant search and filters.

Cell texts are made when the view asks for them (only the visible ones), sort keys per
column when the user sorts, and which rows pass the filters in one Python pass per change
(the proxy then only looks the answer up): 10,000 members stay quick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
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

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _date(day: dt.date | None) -> str:
    return format_date(day, "medium") if day else ""


def _ordinal(day: dt.date | None, missing: dt.date) -> int:
    return (day or missing).toordinal()


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # msgid, translated when shown
    text: Callable[[MemberRow], Any]
    sort: Callable[[MemberRow], Any]
    visible: bool = True
    width: int = 100


COLUMNS: tuple[Column, ...] = (
    Column("number", N_("No."), lambda r: r.member_number, lambda r: r.member_number, True, 50),
    Column("name", N_("Name"), lambda r: r.name.sorted_form, lambda r: 0, True, 190),
    Column("section", N_("Section"), lambda r: r.section, lambda r: fold(r.section), True, 85),
    Column("type", N_("Membership type"), lambda r: r.membership_type,
           lambda r: fold(r.membership_type), True, 95),
    Column("address", N_("Address"), lambda r: r.address, lambda r: fold(r.address), False, 180),
    Column("postcode", N_("Postcode"), lambda r: r.postcode, lambda r: r.postcode, False, 70),
    Column("town", N_("Town"), lambda r: r.town, lambda r: fold(r.town), False, 90),
    Column("phone", N_("Phone"), lambda r: r.phone, lambda r: r.phone, True, 100),
    Column("email", N_("E-mail"), lambda r: r.email, lambda r: r.email.lower(), True, 190),
    Column("birth", N_("Date of birth"), lambda r: _date(r.date_of_birth),
           lambda r: _ordinal(r.date_of_birth, dt.date.max), False, 95),
    Column("since", N_("Member since"), lambda r: _date(r.member_since),
           lambda r: _ordinal(r.member_since, dt.date.min), False, 95),
    Column("until", N_("Member until"), lambda r: _date(r.member_until),
           lambda r: _ordinal(r.member_until, dt.date.max), False, 95),
    Column("functions", N_("Function"), lambda r: r.functions, lambda r: fold(r.functions),
           True, 120),
    Column("iban", N_("IBAN"), lambda r: r.iban, lambda r: r.iban, False, 170),
    Column("pass", N_("Ooievaarspas"), lambda r: _("yes") if r.ooievaarspas else "",
           lambda r: not r.ooievaarspas, False, 80),
    Column("photos", N_("Photos"), lambda r: "" if r.photo_consent else _("no consent"),
           lambda r: r.photo_consent, True, 80),
)  # fmt: skip
COLUMN_KEYS = tuple(column.key for column in COLUMNS)


class MembersTableModel(QAbstractTableModel):
    """Plain MemberRows in; nothing here touches the database."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._by_name: list[MemberRow] = []  # as the service gave them: Dutch name order
        self._name_order: dict[int, int] | None = None  # made on the first sort back
        self._in_name_order = True
        self._cells: dict[tuple[int, int], Any] = {}
        self._search: list[str] | None = None  # made on the first search

    def set_rows(self, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self._rows = self._by_name = list(rows)
        self._name_order = None
        self._in_name_order = True
        self._cells = {}
        self._search = None
        self.endResetModel()

    def row_at(self, row: int) -> MemberRow:
        return self._rows[row]

    def rows(self) -> list[MemberRow]:
        return list(self._rows)

    def current_rows(self) -> list[MemberRow]:
        """The rows in their present order. The model replaces this list when it changes
        (a load or a sort) and never alters it in place, so callers may cache on it."""
        return self._rows

    def search_texts(self) -> list[str]:
        """Each row's search text, in the present order; made when first needed (a
        keystroke), so opening the page does not pay for it."""
        if self._search is None:
            self._search = [row.search_text for row in self._rows]
        return self._search

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on one column's keys, computed now (the proxy would ask every cell)."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        by_name = COLUMNS[column].key == "name"
        if by_name and not descending and self._in_name_order:
            return  # already so: fresh from the service
        self._in_name_order = by_name and not descending
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows = self._rows
        if by_name:
            # The service delivers Dutch name order; keep it instead of computing it again.
            if self._name_order is None:
                self._name_order = {id(row): n for n, row in enumerate(self._by_name)}
            name_order = self._name_order
            permutation = sorted(
                range(len(rows)), key=lambda i: name_order[id(rows[i])], reverse=descending
            )
        else:
            key = COLUMNS[column].sort
            keys = [key(row) for row in rows]
            permutation = sorted(range(len(rows)), key=keys.__getitem__, reverse=descending)
        position = [0] * len(permutation)
        for new, old in enumerate(permutation):
            position[old] = new
        self._rows = [rows[old] for old in permutation]
        if self._search is not None:
            self._search = [self._search[old] for old in permutation]
        self._cells = {}
        after = [self.index(position[index.row()], index.column()) for index in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), index.column())
            text = self._cells.get(key)
            if text is None:
                text = self._cells[key] = COLUMNS[index.column()].text(self._rows[index.row()])
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not self._rows[index.row()].current:
            from PySide6.QtGui import QColor

            return QColor("#777777")  # former members in grey
        return None


@dataclass(frozen=True)
class Filters:
    status: str = "active"  # active | former | all
    section: str | None = None
    membership_type: str | None = None
    board_only: bool = False
    pass_only: bool = False
    missing: str = ""  # "" | email | iban | mandate


def accepts(row: MemberRow, filters: Filters) -> bool:
    """The filter rule for one member, shared by the proxy and its tests."""
    if filters.status == "active" and not row.current:
        return False
    if filters.status == "former" and row.current:
        return False
    if filters.section is not None and row.section != filters.section:
        return False
    if filters.membership_type is not None and row.membership_type != filters.membership_type:
        return False
    if filters.board_only and not row.is_board:
        return False
    if filters.pass_only and not row.ooievaarspas:
        return False
    if filters.missing == "email" and row.email:
        return False
    if filters.missing == "iban" and row.iban:
        return False
    return not (filters.missing == "mandate" and row.has_mandate)


class MemberFilterProxy(QSortFilterProxyModel):
    """Every word typed must occur in the row (case and accents ignored), and the filters hold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._filters = Filters()
        self._sorted: tuple[int, Qt.SortOrder] | None = None
        self._source: MembersTableModel | None = None
        self._accepted: list[bool] = []
        self._accepted_for: list[MemberRow] | None = None  # the row list they were made for

    def setSourceModel(self, model: MembersTableModel) -> None:  # type: ignore[override]
        self._source = model
        self._accepted_for = None
        super().setSourceModel(model)

    def _change(self, apply: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            apply()
            self._accepted_for = None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self._accepted_for = None
            self.invalidateFilter()

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        self._change(lambda: setattr(self, "_words", words))

    def set_filters(self, filters: Filters) -> None:
        self._change(lambda: setattr(self, "_filters", filters))

    def filters(self) -> Filters:
        return self._filters

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts itself; the proxy only filters, keeping that order."""
        self._sorted = (column, order)
        self.sourceModel().sort(column, order)

    def resort(self) -> None:
        if self._sorted is not None:
            self.sourceModel().sort(*self._sorted)

    def _decide(self, rows: list[MemberRow]) -> None:
        filters, words = self._filters, self._words
        if filters == Filters():  # the page as it opens: current members, nothing typed
            accepted = [row.current for row in rows]
        else:
            accepted = [accepts(row, filters) for row in rows]
        if words:
            texts = self._source.search_texts()
            accepted = [
                ok and all(word in text for word in words)
                for ok, text in zip(accepted, texts, strict=True)
            ]
        self._accepted = accepted
        self._accepted_for = rows

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        # Qt asks row by row; the answers for all rows are made at once, on first demand.
        rows = self._source.current_rows()
        if self._accepted_for is not rows:
            self._decide(rows)
        return self._accepted[source_row]
