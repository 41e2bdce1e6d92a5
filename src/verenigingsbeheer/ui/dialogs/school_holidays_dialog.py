"""The school holidays a series may skip: shipped for region Midden (The Hague) for the
coming years, and editable, because the government sets them a few years ahead and a
board in another region has other weeks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from verenigingsbeheer.domain.parsing import parse_date
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.series import SchoolHolidayRow
from verenigingsbeheer.ui.dialogs.editable_table import EditableTable
from verenigingsbeheer.ui.widgets.date_field import DISPLAY


class SchoolHolidaysDialog(EditableTable):
    def __init__(
        self, today: dt.date, rows: list[SchoolHolidayRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            _("School holidays"),
            _(
                "The school holidays of your region, which a season's series can skip. "
                "Dates as dd-mm-yyyy; the first and the last day are both holidays."
            ),
            [_("Holiday"), _("First day"), _("Last day")],
            parent,
        )
        self._today = today
        for row in rows:
            days = (day.strftime(DISPLAY) for day in (row.first_day, row.last_day))
            self.append([row.name, *days], row.holiday_id)
        coming = [n for n, row in enumerate(rows) if row.last_day >= today]
        self.first_row_shown = coming[0] if coming else 0  # the list starts years back

    def read(self) -> list[SchoolHolidayRow]:
        found = []
        for n, (key, (name, first_text, last_text)) in enumerate(self.cells()):
            name = " ".join(name.split())
            if not name:
                raise ValueError(_("Line {n}: enter the name of the holiday.").format(n=n + 1))
            try:
                first = parse_date(first_text, self._today)
                last = parse_date(last_text, self._today)
            except ValueError:
                raise ValueError(
                    _("{name}: write both days as dd-mm-yyyy, e.g. 17-10-2026.").format(name=name)
                ) from None
            if last < first:
                raise ValueError(_("{name}: the last day lies before the first.").format(name=name))
            found.append(SchoolHolidayRow(key, name, first, last))
        return found
