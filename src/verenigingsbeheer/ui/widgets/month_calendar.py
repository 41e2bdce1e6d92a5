"""A month on one screen: weeks from Monday, the ISO week number beside each, and per day
its activities as small boxes ("20:00 Repetitie"); "+2 meer" when a day is too full,
which a click opens in the week view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import weekday_abbreviations
from verenigingsbeheer.services.activities import ActivityRow
from verenigingsbeheer.ui.widgets.calendar_canvas import (
    GRID_COLOUR,
    SELECTED_DAY,
    TODAY_COLOUR,
    CalendarCanvas,
    hhmm,
)

WEEK_COLUMN = 30


def month_grid(year: int, month: int) -> list[dt.date]:
    """The Mondays of the weeks that show this month (4 to 6)."""
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    monday = first - dt.timedelta(days=first.weekday())
    mondays = []
    while monday <= last:
        mondays.append(monday)
        monday += dt.timedelta(days=7)
    return mondays


class MonthCalendar(CalendarCanvas):
    more_requested = Signal(object)  # the day whose "+n more" was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year, self.month = self.today.year, self.today.month
        self._mondays = month_grid(self.year, self.month)

    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self._mondays = month_grid(year, month)
        self.update()

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def sizeHint(self) -> QSize:
        return QSize(760, 520)

    def minimumSizeHint(self) -> QSize:
        return QSize(290, 260)

    # -- geometry ---------------------------------------------------------------------------
    def _header_height(self) -> float:
        return self.fontMetrics().height() + 8

    def _cell(self, week: int, weekday: int) -> QRectF:
        width = (self.width() - WEEK_COLUMN - 1) / 7
        height = (self.height() - self._header_height() - 1) / len(self._mondays)
        return QRectF(
            WEEK_COLUMN + weekday * width, self._header_height() + week * height, width, height
        )

    def day_at(self, point: QPointF) -> tuple[dt.date, dt.time | None] | None:
        for week, monday in enumerate(self._mondays):
            for weekday in range(7):
                if self._cell(week, weekday).contains(point):
                    return monday + dt.timedelta(days=weekday), None
        return None

    def _line_height(self) -> float:
        return self.fontMetrics().height() + 2

    def _day_layout(
        self, cell: QRectF, day: dt.date
    ) -> tuple[QRectF, list[tuple[QRectF, ActivityRow, list[str]]], tuple[QRectF, int] | None]:
        """The day number's box, the activities' boxes, and the "+n more" box with n."""
        line = self._line_height()
        number = QRectF(cell.right() - 28, cell.top() + 2, 24, self.fontMetrics().height() + 2)
        rows = self.on_day(day)
        top = number.bottom() + 2
        room = int((cell.bottom() - 2 - top) // line)
        shown = rows if len(rows) <= room else rows[: max(room - 1, 0)]
        boxes = [
            (QRectF(cell.left() + 2, top + n * line, cell.width() - 4, line - 1), row,
             [f"{hhmm(row.start_time)} {row.title}"])
            for n, row in enumerate(shown)
        ]  # fmt: skip
        more = None
        if len(rows) > len(shown):
            more = (QRectF(cell.left() + 4, top + len(shown) * line, cell.width() - 8, line),
                    len(rows) - len(shown))  # fmt: skip
        return number, boxes, more

    def _days(self):
        for week, monday in enumerate(self._mondays):
            for weekday in range(7):
                yield self._cell(week, weekday), monday + dt.timedelta(days=weekday)

    def placements(self) -> list[tuple[QRectF, ActivityRow, list[str]]]:
        return [box for cell, day in self._days() for box in self._day_layout(cell, day)[1]]

    def mousePressEvent(self, event) -> None:
        for cell, day in self._days():
            more = self._day_layout(cell, day)[2]
            if more is not None and more[0].contains(event.position()):
                self.more_requested.emit(day)
                return
        super().mousePressEvent(event)

    # -- drawing ----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = self.fontMetrics()
        header = self._header_height()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        for weekday, name in enumerate(weekday_abbreviations()):
            cell = self._cell(0, weekday)
            painter.drawText(
                QRectF(cell.left(), 0, cell.width(), header), Qt.AlignmentFlag.AlignCenter, name
            )
        painter.drawText(QRectF(0, 0, WEEK_COLUMN, header), Qt.AlignmentFlag.AlignCenter, _("wk"))
        for week, monday in enumerate(self._mondays):
            row_rect = self._cell(week, 0)
            painter.drawText(
                QRectF(0, row_rect.top() + 3, WEEK_COLUMN, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                str(monday.isocalendar().week),
            )
        for cell, day in self._days():
            self._paint_day(painter, cell, day)
        dragged = self.dragged()
        if dragged is not None:
            target = next((cell for cell, day in self._days() if day == dragged[1]), None)
            if target is not None:
                self.paint_drop(painter, target)
        painter.end()

    def _paint_day(self, painter: QPainter, cell: QRectF, day: dt.date) -> None:
        palette = self.palette()
        inside = day.month == self.month
        if day == self.selected_day:
            painter.fillRect(cell, SELECTED_DAY)
        elif not inside or day.weekday() >= 5:
            painter.fillRect(cell, palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(QPen(GRID_COLOUR, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(cell)
        if day == self.selected_day and self.hasFocus():
            painter.setPen(QPen(TODAY_COLOUR, 1.5))
            painter.drawRect(cell.adjusted(1, 1, -1, -1))
        number, boxes, more = self._day_layout(cell, day)
        font = QFont(self.font())
        if day == self.today:
            font.setBold(True)
            painter.setBrush(TODAY_COLOUR)
            painter.setPen(Qt.PenStyle.NoPen)
            size = number.height()
            painter.drawEllipse(QRectF(number.center().x() - size / 2, number.top(), size, size))
            painter.setPen(QColor("white"))
        else:
            role = QPalette.ColorRole.Text if inside else QPalette.ColorRole.PlaceholderText
            painter.setPen(palette.color(role))
        painter.setFont(font)
        painter.drawText(number, Qt.AlignmentFlag.AlignCenter, str(day.day))
        painter.setFont(self.font())
        for rect, row, lines in boxes:
            self.paint_activity(painter, rect, row, lines)
        if more is not None:
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            painter.drawText(
                more[0],
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                _("+{n} more").format(n=more[1]),
            )
