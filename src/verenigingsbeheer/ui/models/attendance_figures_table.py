"""Qt table models of the attendance figures: per member (with the threshold warning), per
activity, per section of one activity, and the line-up before a performance. Fed with
plain rows by services.attendance_figures; sorted through a proxy by SORT_ROLE."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import (
    format_date,
    format_number,
    format_percent,
    format_percent_under,
)
from verenigingsbeheer.services.attendance import SectionTally
from verenigingsbeheer.services.attendance_figures import (
    DEFAULT_MINIMUM,
    DEFAULT_THRESHOLD,
    ActivityFigure,
    LineUp,
    MemberFigure,
)
from verenigingsbeheer.ui.models.attendance_table import section_title
from verenigingsbeheer.ui.models.rows_table import Index, RowsTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
WARNING_BACKGROUND = QBrush(QColor("#fdecea"))
WARNING_TEXT = QBrush(QColor("#b3261e"))
MUTED_TEXT = QBrush(QColor("#6b7280"))
WARNING_SIGN = "⚠"


def percent(fraction: float | None) -> str:
    return format_percent(fraction) if fraction is not None else "–"


def _counts(row) -> tuple[int, int, int, int, int]:
    return (row.present, row.late, row.excused, row.absent, row.expected)


COUNT_HEADERS = (N_("Present"), N_("Late"), N_("Excused"), N_("Absent"), N_("Expected"))


class MemberFiguresTableModel(RowsTableModel[MemberFigure]):
    """One line per member; those under the threshold tinted, with a warning sign before
    their percentage (not colour alone) and the explanation in the tooltip."""

    HEADERS = (N_("Name"), N_("Section"), N_("Turnout"), *COUNT_HEADERS)
    PERCENT = 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.threshold = DEFAULT_THRESHOLD

    def set_threshold(self, threshold: float) -> None:
        self.threshold = threshold
        if self._rows:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def below(self) -> list[MemberFigure]:
        return [row for row in self._rows if row.below(self.threshold)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        below = row.below(self.threshold)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name.sorted_form
            if column == 1:
                return section_title(row.section)
            if column == self.PERCENT:
                if below:  # "74,6%" rather than a warned "75%"
                    return f"{WARNING_SIGN} {format_percent_under(row.fraction, self.threshold)}"
                return percent(row.fraction)
            return format_number(_counts(row)[column - self.PERCENT - 1])
        if role == SORT_ROLE:
            if column == 0:
                return row.name.sort_key
            if column == 1:
                return row.section
            if column == self.PERCENT:
                return -1.0 if row.fraction is None else row.fraction
            return _counts(row)[column - self.PERCENT - 1]
        if role == Qt.ItemDataRole.BackgroundRole and below:
            return WARNING_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and below and column == self.PERCENT:
            return WARNING_TEXT
        if role == Qt.ItemDataRole.FontRole and below and column == self.PERCENT:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.PERCENT:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            text = _("{name} came to {attended} of {expected}.").format(
                name=row.name.full, attended=row.attended, expected=row.expected
            )
            if below:
                text += " " + _("That is under the threshold of {threshold}.").format(
                    threshold=format_percent(self.threshold)
                )
            return text
        return None


class ActivityFiguresTableModel(RowsTableModel[ActivityFigure]):
    """The activities of the period; those nobody registered yet say so."""

    HEADERS = (N_("Date"), N_("Activity"), N_("Kind"), N_("Turnout"), *COUNT_HEADERS)

    def row_of(self, activity_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.activity_id == activity_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_date(row.date, "medium")
            if column == 1:
                return row.title
            if column == 2:
                return rules.kind_label(row.kind)
            if column == 3:
                return percent(row.fraction) if row.taken else _("not registered yet")
            if column == 8:
                return format_number(row.expected)
            return format_number(_counts(row)[column - 4]) if row.taken else ""
        if role == SORT_ROLE:
            if column == 0:
                return row.date.toordinal()
            if column in (1, 2):
                return self.data(index).lower()
            if column == 3:
                return -1.0 if row.fraction is None else row.fraction
            return _counts(row)[column - 4]
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and not row.taken:
            return MUTED_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return RIGHT
        return None


class SectionFiguresTableModel(RowsTableModel[SectionTally]):
    """One activity per section, the total last (in bold)."""

    HEADERS = (N_("Section"), N_("Turnout"), *COUNT_HEADERS)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.taken = True  # False: nobody registered yet, so no percentages

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        total = index.row() == len(self._rows) - 1 and len(self._rows) > 1
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return _("Total") if total else section_title(row.section)
            if column == 1:
                taken = self.taken and row.expected
                return percent(row.attended / row.expected if taken else None)
            return format_number(_counts(row)[column - 2])
        if role == Qt.ItemDataRole.FontRole and total:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return RIGHT
        return None


class LineUpTableModel(RowsTableModel[LineUp]):
    """Per section who said they come; a thin section tinted, with its warning."""

    HEADERS = (N_("Section"), N_("Coming"), N_("Not known"), N_("Excused"), N_("Warning"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.minimum = DEFAULT_MINIMUM

    def set_minimum(self, minimum: int) -> None:
        self.minimum = minimum
        if self._rows:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def warnings(self) -> list[str]:
        return [row.warning(self.minimum) for row in self._rows if row.thin(self.minimum)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        thin = row.thin(self.minimum)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return section_title(row.section)
            if column == 4:
                return row.warning(self.minimum)
            return format_number((row.signed_up, row.unknown, row.excused)[column - 1])
        if role == Qt.ItemDataRole.BackgroundRole and thin:
            return WARNING_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and thin and column in (1, 4):
            return WARNING_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2, 3):
            return RIGHT
        return None
