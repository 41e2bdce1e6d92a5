"""The backups of the open association as a table: moment, reason, size, encrypted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.services.backup_texts import size_text, when_text
from verenigingsbeheer.services.backups import BackupFile, reason_label

Index = QModelIndex | QPersistentModelIndex
HEADERS = (N_("Made on"), N_("Why"), N_("Size"), N_("Encrypted"))


class BackupsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[BackupFile] = []

    def set_rows(self, rows: list[BackupFile]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> BackupFile:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        backup = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                when_text(backup.made_at, "short"),
                reason_label(backup.reason),
                size_text(backup.size),
                _("yes") if backup.encrypted else _("no"),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole reason, where the column is narrow
            return f"{reason_label(backup.reason)}\n{backup.path}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
