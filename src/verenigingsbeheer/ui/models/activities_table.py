"""The agenda: one line per activity, in time order, fed with ActivityRows by the activities
service. Cancelled ones greyed and struck through; those moved or changed on their own
say so, so the board sees where the season differs from its series."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.activities import ActivityRow
from verenigingsbeheer.ui.models.rows_table import Index, RowsTableModel
from verenigingsbeheer.ui.widgets.calendar_canvas import KIND_COLOURS, describe, hhmm

MUTED = QBrush(QColor("#6b7280"))


def status_text(row: ActivityRow) -> str:
    if row.cancelled:
        return _("Cancelled")
    if row.series_id is not None and row.detached:
        return _("Changed on its own")
    if row.has_attendance:
        return _("Registered")
    return ""


class ActivitiesTableModel(RowsTableModel[ActivityRow]):
    HEADERS = (
        N_("Date"), N_("Time"), N_("Kind"), N_("Title"), N_("Place"), N_("Expected"),
        N_("Status"),
    )  # fmt: skip

    def row_of(self, activity_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.activity_id == activity_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format_date(row.date, "EEE d MMM y"),
                f"{hhmm(row.start_time)}–{hhmm(row.end_time)}",
                row.kind_label,
                row.title,
                row.place,
                row.sections_text,
                status_text(row),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.cancelled:
                return MUTED
            if column == 2:
                return QBrush(KIND_COLOURS.get(row.kind, QColor("#6b7280")))
        if role == Qt.ItemDataRole.FontRole and row.cancelled and column in (0, 1, 3):
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None
