"""A date typed as dd-mm-jjjj, that may also stay empty (QDateEdit cannot)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from verenigingsbeheer.domain.parsing import parse_date
from verenigingsbeheer.i18n import _

DISPLAY = "%d-%m-%Y"


class DateField(QLineEdit):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setPlaceholderText(_("dd-mm-yyyy"))
        self.setMaximumWidth(130)

    def set_date(self, day: dt.date | None) -> None:
        self.setText(day.strftime(DISPLAY) if day else "")

    def problem(self) -> str:
        """A Dutch explanation when the text is no real date; empty when fine or empty."""
        if not self.text().strip():
            return ""
        try:
            parse_date(self.text(), self._today)
        except ValueError:
            return _("This date does not exist; write it as dd-mm-yyyy, e.g. 07-03-2026.")
        return ""

    def date(self) -> dt.date | None:
        """The date, or None when empty or not a real date (see `problem`)."""
        if not self.text().strip() or self.problem():
            return None
        return parse_date(self.text(), self._today)


def period_problem(since: DateField, until: DateField) -> str:
    """What is wrong with a period typed in two fields (both needed, not backwards)."""
    problem = since.problem() or until.problem()
    first, last = since.date(), until.date()
    if not problem and (first is None or last is None):
        problem = _("Enter both days of the period.")
    elif not problem and last < first:
        problem = _("The last day lies before the first.")
    return problem
