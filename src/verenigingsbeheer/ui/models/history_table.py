"""Qt table model of audit-log actions, fed with plain rows by the history service."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.services.history import ActionRow
from verenigingsbeheer.ui.models.rows_table import Index, RowsTableModel

HEADERS = (N_("When"), N_("Who"), N_("Kind"), N_("What"), N_("Records"), N_("Status"))


class HistoryTableModel(RowsTableModel[ActionRow]):
    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._session_actions: set[int] = set()

    def set_rows(self, rows: list[ActionRow], session_actions: set[int]) -> None:
        self._session_actions = set(session_actions)
        super().set_rows(rows)

    def status(self, row: ActionRow) -> str:
        if row.undone:
            return _("undone")
        if row.undoable and row.action_id in self._session_actions:
            return _("can be undone")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return f"{format_date(row.at.date(), 'short')} {row.at:%H:%M}"
            if column == 1:
                return row.who
            if column == 2:
                return row.kind_label
            if column == 3:
                return row.description
            if column == 4:
                return format_number(row.rows)
            return self.status(row)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row.description
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
