"""The backups of the open association as a table: moment, reason, size, encrypted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.services.backup_texts import size_text, when_text
from verenigingsbeheer.services.backups import BackupFile, reason_label
from verenigingsbeheer.ui.models.rows_table import Index, RowsTableModel

HEADERS = (N_("Made on"), N_("Why"), N_("Size"), N_("Encrypted"))


class BackupsTableModel(RowsTableModel[BackupFile]):
    HEADERS = HEADERS

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
