"""Bookings as a list and as boxes in the room calendar, and the list of conflicts; fed
with plain rows by the bookings services. A booking in a conflict carries a warning sign
(not colour alone) and says with what in its tooltip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import format_date, format_money
from verenigingsbeheer.services.booking_checks import Conflict
from verenigingsbeheer.services.bookings import BookingRow
from verenigingsbeheer.ui.models.rows_table import Index, RowsTableModel

WARNING_SIGN = "⚠"
WARNING_TEXT = QBrush(QColor("#b3261e"))
MUTED = QBrush(QColor("#6b7280"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def times(row: BookingRow) -> str:
    return f"{row.start_time:%H:%M}–{row.end_time:%H:%M}"


def status_text(row: BookingRow) -> str:
    return rules.status_label(row.status)


@dataclass(frozen=True)
class CalendarBooking:
    """A booking as the month and week calendars draw it (they know activities' fields)."""

    activity_id: int  # the booking's id: what the calendar hands back when chosen
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    title: str
    place: str
    cancelled: bool
    kind: str
    tooltip: str


def calendar_items(
    rows: list[BookingRow], warnings: dict[int, str], kinds: dict[int, str]
) -> list[CalendarBooking]:
    """`warnings`: booking id -> why it is marked; `kinds`: activity id -> its kind (the
    box's colour; a booking for another purpose is drawn as "other")."""
    items = []
    for row in rows:
        warning = warnings.get(row.booking_id, "")
        title = f"{WARNING_SIGN} {row.what}" if warning else row.what or _("booking")
        lines = [row.what or _("booking"), f"{format_date(row.date, 'full')}, {times(row)}",
                 row.room_label, status_text(row)]  # fmt: skip
        if warning:
            lines.append(f"{WARNING_SIGN} {warning}")
        items.append(
            CalendarBooking(
                row.booking_id,
                row.date,
                row.start_time,
                row.end_time,
                title,
                row.room_label.split(" – ", 1)[-1],
                row.status == "cancelled",
                kinds.get(row.activity_id, "other") if row.activity_id else "other",
                "\n".join(lines),
            )  # fmt: skip
        )
    return items


class BookingsTableModel(RowsTableModel[BookingRow]):
    HEADERS = (
        N_("Date"), N_("Time"), N_("Room"), N_("What"), N_("Status"), N_("Cost"),
        N_("Invoiced"), N_("Paid"), N_("Attention"),
    )  # fmt: skip

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.warnings: dict[int, str] = {}

    def set_rows(self, rows, warnings: dict[int, str] | None = None) -> None:
        self.warnings = warnings or {}
        super().set_rows(rows)

    def row_of(self, booking_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.booking_id == booking_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        warning = self.warnings.get(row.booking_id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format_date(row.date, "EEE d MMM y"),
                times(row),
                row.room_label,
                row.what,
                status_text(row),
                format_money(row.cost) + ("" if row.cost_agreed else " *"),
                _("yes") if row.invoiced else "",
                _("yes") if row.paid else "",
                f"{WARNING_SIGN} {warning}" if warning else "",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 8 and warning:
                return warning
            if column == 5:
                return _("As agreed") if row.cost_agreed else _("* From the room's rates")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 5:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 8 and warning:
                return WARNING_TEXT
            if row.status == "cancelled":
                return MUTED
        if role == Qt.ItemDataRole.FontRole and row.status == "cancelled" and column < 4:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class ConflictsTableModel(RowsTableModel[Conflict]):
    HEADERS = (N_("Date"), N_("Room"), N_("Booking"), N_("In the way of"), N_("Shared"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        conflict = self._rows[index.row()]
        first, second = conflict.first, conflict.second
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format_date(first.date, "EEE d MMM y"),
                first.room_label,
                f"{times(first)} {first.what}",
                f"{times(second)} {second.what}",
                _("yes, on purpose") if conflict.accepted else f"{WARNING_SIGN} " + _("no"),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            return None if conflict.accepted else WARNING_TEXT
        return None
