"""A small horizontal bar chart drawn with QPainter (no QtCharts, to keep the bundle small)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOR = QColor("#2c5d8f")


class BarChart(QWidget):
    """Labels left, a bar per value, the number at the end of the bar."""

    def __init__(self, format_value=str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._format = format_value  # e.g. Babel's number format for the chosen language
        self._data: list[tuple[str, int]] = []
        self._texts: list[str] | None = None
        self._maximum: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(
        self,
        data: list[tuple[str, int]],
        *,
        texts: list[str] | None = None,
        maximum: int | None = None,
    ) -> None:
        """(label, value) per bar; `texts` instead of the formatted values after the bars,
        `maximum` the value of a full bar (else the largest value)."""
        self._data = list(data)
        self._texts = list(texts) if texts is not None else None
        self._maximum = maximum
        self.updateGeometry()
        self.update()

    def data(self) -> list[tuple[str, int]]:
        return list(self._data)

    def texts(self) -> list[str]:
        return self._texts or [self._format(value) for _, value in self._data]

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self._data)) * self._row_height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        label_width = max((metrics.horizontalAdvance(label) for label, _ in self._data), default=0)
        label_width += 12
        texts = self._texts or [self._format(value) for _, value in self._data]
        value_width = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        value_width += 8
        bar_space = max(10, self.width() - label_width - value_width)
        largest = self._maximum or max((value for _, value in self._data), default=0) or 1
        row = self._row_height()
        for index, (label, value) in enumerate(self._data):
            top = index * row + 2
            painter.setPen(text_color)
            painter.drawText(
                QRectF(0, top, label_width - 8, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            length = bar_space * min(value, largest) / largest
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR_COLOR)
            painter.drawRoundedRect(QRectF(label_width, top + 4, max(length, 2), row - 8), 3, 3)
            painter.setPen(text_color)
            painter.drawText(
                QRectF(label_width + length + 6, top, value_width, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                texts[index],
            )
        painter.end()
