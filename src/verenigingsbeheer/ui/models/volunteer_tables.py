"""The volunteers page's lists: every entry of hours, the totals of an overview, the
allowances paid, and the volunteers who are no member. Fed with plain rows by services."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from verenigingsbeheer.domain.volunteers import format_hours
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import format_date, format_money, format_number
from verenigingsbeheer.services.allowances import AllowanceRow
from verenigingsbeheer.services.volunteer_figures import Total
from verenigingsbeheer.services.volunteers import Helper, HoursRow
from verenigingsbeheer.ui.models.rows_table import Index, RowsTableModel

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
WARNING_TEXT = QBrush(QColor("#b3261e"))


class HoursTableModel(RowsTableModel[HoursRow]):
    HEADERS = (N_("Date"), N_("Who"), N_("Task"), N_("Hours"), N_("Value"), N_("Activity"),
               N_("Note"))  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format_date(row.date, "EEE d MMM y"), row.name.sorted_form, row.task,
                format_hours(row.minutes), format_money(row.value), row.activity, row.note,
            )[index.column()]  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (3, 4):
            return RIGHT
        return None


class TotalsTableModel(RowsTableModel[Total]):
    HEADERS = (N_("Who or what"), N_("Hours"), N_("Value"), N_("Entries"), N_("People"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.label, format_hours(row.minutes), format_money(row.value),
                format_number(row.entries), format_number(row.people),
            )[index.column()]  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return RIGHT
        return None


class AllowancesTableModel(RowsTableModel[AllowanceRow]):
    HEADERS = (N_("Paid on"), N_("Volunteer"), N_("Amount"), N_("For the period"),
               N_("Per hour"), N_("Limits"), N_("Note"))  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        d = row.details
        if role == Qt.ItemDataRole.DisplayRole:
            period = f"{format_date(d.first_day, 'd MMM y')} – {format_date(d.last_day, 'd MMM y')}"
            return (
                format_date(d.paid_on, "d MMM y"), row.name.sorted_form, format_money(d.amount),
                period, format_money(d.hourly_rate) if d.hourly_rate else _("fixed"),
                "⚠ " + _("over a limit, on purpose") if row.over_limit_accepted else "",
                d.note,
            )[index.column()]  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 4):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
            return WARNING_TEXT
        return None


class VolunteersTableModel(RowsTableModel[Helper]):
    HEADERS = (N_("Name"), N_("E-mail"), N_("Phone"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.label, row.email, row.phone)[index.column()]
        return None
