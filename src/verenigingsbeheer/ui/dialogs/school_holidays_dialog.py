"""The school holidays a series may skip: shipped for region Midden (The Hague) for the
coming years, and editable, because the government sets them a few years ahead and a
board in another region has other weeks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.domain.parsing import parse_date
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.series import SchoolHolidayRow
from verenigingsbeheer.ui.widgets.date_field import DISPLAY
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label

ID_ROLE = Qt.ItemDataRole.UserRole


class SchoolHolidaysDialog(QDialog):
    def __init__(
        self, today: dt.date, rows: list[SchoolHolidayRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle(_("School holidays"))
        self.resize(560, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The school holidays of your region, which a season's series can skip. "
                "Dates as dd-mm-yyyy; the first and the last day are both holidays."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Holiday"), _("First day"), _("Last day")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.table.setColumnWidth(column, 120)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add"))
        self.remove_button = QPushButton(_("Remove"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.problem = error_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self))
        for row in rows:
            self._append(row.holiday_id, row.name, row.first_day, row.last_day)
        coming = [n for n, row in enumerate(rows) if row.last_day >= today]
        if coming:  # the list starts years back: show this year's holidays
            self.table.scrollToItem(
                self.table.item(coming[0], 0), QAbstractItemView.ScrollHint.PositionAtTop
            )
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)

    def _append(
        self, holiday_id: int | None, name: str, first: dt.date | None, last: dt.date | None
    ) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(ID_ROLE, holiday_id)
        self.table.setItem(row, 0, name_item)
        for column, day in ((1, first), (2, last)):
            self.table.setItem(row, column, QTableWidgetItem(day.strftime(DISPLAY) if day else ""))
        return row

    def add_row(self) -> None:
        row = self._append(None, "", None, None)
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _date(self, row: int, column: int) -> dt.date:
        return parse_date(self.table.item(row, column).text(), self._today)

    def holidays(self) -> list[SchoolHolidayRow]:
        """The table as typed; raises ValueError with a Dutch message on the first problem."""
        found = []
        for row in range(self.table.rowCount()):
            name = " ".join(self.table.item(row, 0).text().split())
            if not name:
                raise ValueError(_("Line {n}: enter the name of the holiday.").format(n=row + 1))
            try:
                first, last = self._date(row, 1), self._date(row, 2)
            except ValueError:
                raise ValueError(
                    _("{name}: write both days as dd-mm-yyyy, e.g. 17-10-2026.").format(name=name)
                ) from None
            if last < first:
                raise ValueError(_("{name}: the last day lies before the first.").format(name=name))
            found.append(SchoolHolidayRow(self.table.item(row, 0).data(ID_ROLE), name, first, last))
        return found

    def accept(self) -> None:
        try:
            self.holidays()
        except ValueError as problem:
            self.problem.setText(str(problem))
            self.problem.show()
            return
        super().accept()
