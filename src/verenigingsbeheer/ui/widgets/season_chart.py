"""The season's course: the share of the expected members who came, per activity over
time, with the threshold as a dashed line. Drawn with QPainter (no QtCharts)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date, format_percent, month_abbreviation

LINE_COLOR = QColor("#2c5d8f")
LOW_COLOR = QColor("#b3261e")
THRESHOLD_COLOR = QColor("#b35c00")
GRID_COLOR = QColor("#dde1e6")


class SeasonChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[dt.date, float]] = []
        self._first = self._last = dt.date.today()
        self._threshold: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_data(
        self,
        points: list[tuple[dt.date, float]],
        first: dt.date,
        last: dt.date,
        threshold: float | None = None,
    ) -> None:
        """(day, fraction) points, drawn from `first` to `last` (the planned season)."""
        self._points = sorted(points)
        self._first, self._last = first, max(last, first + dt.timedelta(days=1))
        self._threshold = threshold
        self.update()

    def set_threshold(self, threshold: float | None) -> None:
        self._threshold = threshold
        self.update()

    def points(self) -> list[tuple[dt.date, float]]:
        return list(self._points)

    def threshold(self) -> float | None:
        return self._threshold

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 150)

    # -- geometry ---------------------------------------------------------------------------
    def _plot(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance(format_percent(1)) + 12
        return QRectF(left, 10, self.width() - left - 14, self.height() - metrics.height() - 22)

    def _x(self, plot: QRectF, day: dt.date) -> float:
        span = (self._last - self._first).days or 1
        return plot.left() + plot.width() * (day - self._first).days / span

    @staticmethod
    def _y(plot: QRectF, fraction: float) -> float:
        return plot.bottom() - plot.height() * max(0.0, min(1.0, fraction))

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        plot = self._plot()
        metrics = self.fontMetrics()
        painter.fillRect(plot, self.palette().color(QPalette.ColorRole.Base))
        for step in range(5):
            fraction = step / 4
            y = self._y(plot, fraction)
            painter.setPen(QPen(GRID_COLOR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height())
            painter.drawText(label, Qt.AlignmentFlag.AlignRight, format_percent(fraction))
        self._months(painter, plot, text)
        if self._threshold is not None:
            pen = QPen(THRESHOLD_COLOR, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = self._y(plot, self._threshold)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        if not self._points:
            painter.setPen(text)
            painter.drawText(
                plot,
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                _("No attendance registered in this period."),
            )
            painter.end()
            return
        path = QPainterPath()
        for n, (day, fraction) in enumerate(self._points):
            point = QPointF(self._x(plot, day), self._y(plot, fraction))
            path.moveTo(point) if n == 0 else path.lineTo(point)
        painter.setPen(QPen(LINE_COLOR, 2))
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        for day, fraction in self._points:
            low = self._threshold is not None and fraction < self._threshold
            painter.setBrush(LOW_COLOR if low else LINE_COLOR)
            painter.drawEllipse(QPointF(self._x(plot, day), self._y(plot, fraction)), 3.5, 3.5)
        painter.end()

    def _months(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        """A tick at each first of the month, its short name in the middle of the month."""
        metrics = self.fontMetrics()
        day = dt.date(self._first.year, self._first.month, 1)
        widest = max(metrics.horizontalAdvance(month_abbreviation(m)) for m in range(1, 13))
        while day <= self._last:
            following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
            left = self._x(plot, max(day, self._first))
            right = self._x(plot, min(following, self._last))
            if day >= self._first:
                painter.setPen(QPen(GRID_COLOR, 1))
                painter.drawLine(QPointF(left, plot.top()), QPointF(left, plot.bottom() + 4))
            if right - left >= widest + 2:
                painter.setPen(text)
                label = QRectF(left, plot.bottom() + 6, right - left, metrics.height())
                name = month_abbreviation(day.month)
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, name)
            day = following

    # -- tooltips ---------------------------------------------------------------------------
    def point_near(self, x: float, y: float) -> tuple[dt.date, float] | None:
        plot = self._plot()
        best, distance = None, 10.0
        for day, fraction in self._points:
            dx, dy = self._x(plot, day) - x, self._y(plot, fraction) - y
            if (dx * dx + dy * dy) ** 0.5 <= distance:
                best, distance = (day, fraction), (dx * dx + dy * dy) ** 0.5
        return best

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.point_near(event.pos().x(), event.pos().y())
            if found is None:
                QToolTip.hideText()
            else:
                day, fraction = found
                QToolTip.showText(
                    event.globalPos(), f"{format_date(day, 'medium')}: {format_percent(fraction)}"
                )
            return True
        return super().event(event)
