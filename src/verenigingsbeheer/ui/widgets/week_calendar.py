"""A week from Monday to Sunday with a time axis: each activity a block from its start to
its end, side by side when they overlap. The hours shown stretch to the week's earliest
start and latest end (an hour around them, at least six hours), so the whole week fits
without scrolling."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.activities import ActivityRow
from verenigingsbeheer.ui.widgets.calendar_canvas import (
    GRID_COLOUR,
    SELECTED_DAY,
    TODAY_COLOUR,
    CalendarCanvas,
    hhmm,
)

TIME_COLUMN = 48
EVENING = (18, 23)  # a week without activities, or with evening ones only
MIN_HOURS = 6


def minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def side_by_side(rows: list[ActivityRow]) -> list[tuple[ActivityRow, int, int]]:
    """(row, column, columns) for one day: overlapping activities share the width."""
    placed: list[tuple[ActivityRow, int, int]] = []
    group: list[tuple[ActivityRow, int]] = []
    ends: list[int] = []  # per column: the end of its last activity
    group_end = -1

    def close_group() -> None:
        width = max((column for _row, column in group), default=-1) + 1
        placed.extend((row, column, width) for row, column in group)

    for row in sorted(rows, key=lambda r: (r.start_time, r.end_time)):
        start, end = minutes(row.start_time), minutes(row.end_time)
        if start >= group_end and group:
            close_group()
            group, ends = [], []
        column = next((n for n, last in enumerate(ends) if last <= start), len(ends))
        if column == len(ends):
            ends.append(end)
        else:
            ends[column] = end
        group.append((row, column))
        group_end = max(group_end, end)
    if group:
        close_group()
    return placed


class WeekCalendar(CalendarCanvas):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = self.today - dt.timedelta(days=self.today.weekday())

    def set_week(self, day: dt.date) -> None:
        self.monday = day - dt.timedelta(days=day.weekday())
        self.update()

    def first_day(self) -> dt.date:
        return self.monday

    def last_day(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    def vertical_step(self) -> int:
        return 7  # up and down go a week back or on, as in the month

    def sizeHint(self) -> QSize:
        return QSize(760, 520)

    def minimumSizeHint(self) -> QSize:
        return QSize(290, 260)

    # -- geometry ---------------------------------------------------------------------------
    def hours(self) -> tuple[int, int]:
        """The first and last hour on the axis."""
        shown = [r for r in self._rows if self.monday <= r.date <= self.last_day()]
        first = min([EVENING[0], *(r.start_time.hour - 1 for r in shown)])
        last = max([EVENING[1], *(-(-minutes(r.end_time) // 60) + 1 for r in shown)])
        first, last = max(first, 0), min(last, 24)
        if last - first < MIN_HOURS:
            first = max(0, last - MIN_HOURS)
        return first, last

    def _header_height(self) -> float:
        return self.fontMetrics().height() + 10

    def _column(self, weekday: int) -> QRectF:
        width = (self.width() - TIME_COLUMN - 1) / 7
        top = self._header_height()
        return QRectF(TIME_COLUMN + weekday * width, top, width, self.height() - top - 1)

    def _y(self, at_minutes: float) -> float:
        first, last = self.hours()
        column = self._column(0)
        span = (last - first) * 60
        return column.top() + (at_minutes - first * 60) / span * column.height()

    def _minutes_at(self, y: float) -> float:
        first, last = self.hours()
        column = self._column(0)
        return first * 60 + (y - column.top()) / column.height() * (last - first) * 60

    def drop_target(self, point: QPointF, offset: float) -> tuple[dt.date, dt.time | None] | None:
        """The day under the mouse, and the start where the box's top would be, in steps of
        a quarter of an hour."""
        where = self.day_at(point)
        row = self.row(self._press[1]) if self._press is not None else None
        if where is None or row is None:
            return None
        length = minutes(row.end_time) - minutes(row.start_time)
        start = round(self._minutes_at(point.y() - offset) / 15) * 15
        start = max(0, min(start, (24 * 60 - 1 - length) // 15 * 15))
        return where[0], dt.time(start // 60, start % 60)

    def day_at(self, point: QPointF) -> tuple[dt.date, dt.time | None] | None:
        for weekday in range(7):
            column = self._column(weekday)
            if column.left() <= point.x() < column.right():
                first, last = self.hours()
                fraction = (point.y() - column.top()) / column.height()
                at = first * 60 + fraction * (last - first) * 60
                at = max(first * 60, min(at, last * 60 - 60))
                half_hours = int(at // 30)
                time = dt.time(half_hours // 2, 30 * (half_hours % 2))
                return self.monday + dt.timedelta(days=weekday), time
        return None

    def placements(self) -> list[tuple[QRectF, ActivityRow, list[str]]]:
        boxes = []
        for weekday in range(7):
            day = self.monday + dt.timedelta(days=weekday)
            column = self._column(weekday)
            for row, at, of in side_by_side(self.on_day(day)):
                width = (column.width() - 4) / of
                top = self._y(minutes(row.start_time))
                bottom = self._y(minutes(row.end_time))
                rect = QRectF(column.left() + 2 + at * width, top + 1, width - 2, bottom - top - 2)
                lines = [f"{hhmm(row.start_time)}–{hhmm(row.end_time)}", row.title]
                if row.place:
                    lines.append(row.place)
                boxes.append((rect, row, lines))
        return boxes

    # -- drawing ----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = self.fontMetrics()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        text = palette.color(QPalette.ColorRole.Text)
        first, last = self.hours()
        header = self._header_height()
        for weekday in range(7):
            day = self.monday + dt.timedelta(days=weekday)
            column = self._column(weekday)
            if day == self.selected_day:
                painter.fillRect(column, SELECTED_DAY)
            elif weekday >= 5:
                painter.fillRect(column, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(TODAY_COLOUR if day == self.today else text)
            font = painter.font()
            font.setBold(day == self.today)
            painter.setFont(font)
            painter.drawText(
                QRectF(column.left(), 0, column.width(), header),
                Qt.AlignmentFlag.AlignCenter,
                format_date(day, "EEE d MMM"),
            )
            painter.setFont(self.font())
        for hour in range(first, last + 1):
            y = self._y(hour * 60)
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(TIME_COLUMN - 4, y), QPointF(self.width(), y))
            if hour < last:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(0, y - metrics.height() / 2, TIME_COLUMN - 8, metrics.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    f"{hour:02d}:00" if hour < 24 else "24:00",
                )
        for weekday in range(8):
            x = TIME_COLUMN + weekday * (self.width() - TIME_COLUMN - 1) / 7
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(x, header), QPointF(x, self.height()))
        weekday = (self.selected_day - self.monday).days
        if self.hasFocus() and 0 <= weekday < 7:  # the chosen day's heading, underlined
            column = self._column(weekday)
            painter.setPen(QPen(TODAY_COLOUR, 2))
            painter.drawLine(QPointF(column.left() + 4, header - 2),
                             QPointF(column.right() - 4, header - 2))  # fmt: skip
        for rect, row, lines in self.placements():
            self.paint_activity(painter, rect, row, lines)
        dragged = self.dragged()
        if dragged is not None:
            row, day, start = dragged
            column = self._column((day - self.monday).days)
            length = minutes(row.end_time) - minutes(row.start_time)
            top = self._y(minutes(start))
            bottom = self._y(minutes(start) + length)
            self.paint_drop(painter, QRectF(column.left() + 2, top, column.width() - 4,
                                            bottom - top))  # fmt: skip
        painter.end()
