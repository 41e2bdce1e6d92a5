"""What the month and week calendars share: the activities they show, which one is chosen,
clicks and keys, and how one activity is drawn (its kind's colour; cancelled ones grey and
struck through). Drawn with QPainter from `placements()`, the same boxes a click is
looked up in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.activities import ActivityRow

KIND_COLOURS = {
    "rehearsal": QColor("#2c5d8f"),
    "sectional": QColor("#2f7d86"),
    "performance": QColor("#b3261e"),
    "workshop": QColor("#7b4fa0"),
    "meeting": QColor("#3d7a3a"),
    "other": QColor("#6b7280"),
}
CANCELLED_COLOUR = QColor("#9aa0a6")
DROP_COLOUR = QColor("#2c5d8f")
TODAY_COLOUR = QColor("#2c5d8f")
SELECTED_DAY = QColor("#eaf1f8")
GRID_COLOUR = QColor("#d5d9de")


def hhmm(time: dt.time) -> str:
    return time.strftime("%H:%M")


def kind_colour(row: ActivityRow) -> QColor:
    return CANCELLED_COLOUR if row.cancelled else KIND_COLOURS.get(row.kind, CANCELLED_COLOUR)


def describe(row: ActivityRow) -> str:
    """The tooltip: everything the box has no room for (an item of another kind, such as a
    room's booking, brings its own `tooltip`)."""
    own = getattr(row, "tooltip", None)
    if own is not None:
        return own
    lines = [
        row.title,
        f"{format_date(row.date, 'full')}, {hhmm(row.start_time)}–{hhmm(row.end_time)}",
        row.kind_label,
    ]
    if row.place:
        lines.append(row.place)
    lines.append(_("Expected: {sections}").format(sections=row.sections_text))
    if row.cancelled:
        lines.append(_("Cancelled"))
    return "\n".join(lines)


class CalendarCanvas(QWidget):
    """Base of MonthCalendar and WeekCalendar.

    Signals: `activity_selected(id)` on a click or a key, `activity_activated(id)` on a
    double-click or Enter, `day_selected(date)` when the chosen day changes, and
    `day_activated(date, start)` on a double-click in an empty spot (a new activity
    there; `start` is None in the month view). `period_requested(date)` asks the page to
    show another month or week (keys moving past the edge); `delete_requested()` is the
    Delete key on a chosen activity. Dragging an activity elsewhere asks
    `move_requested(id, day, start)` (`start` None in the month: the times stay), while
    `may_drag()` allows it (not in a read-only file).
    """

    activity_selected = Signal(int)
    activity_activated = Signal(int)
    day_selected = Signal(object)
    day_activated = Signal(object, object)
    period_requested = Signal(object)
    delete_requested = Signal()
    move_requested = Signal(int, object, object)  # activity id, new day, new start or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._rows: list[ActivityRow] = []
        self._by_day: dict[dt.date, list[ActivityRow]] = defaultdict(list)
        self.today = dt.date.today()
        self.selected_day = self.today
        self.selected_id: int | None = None
        self.may_drag: Callable[[], bool] = lambda: True
        self._press: tuple[QPointF, int, float] | None = None  # where, which, grab offset
        self._drop: tuple[dt.date, dt.time | None] | None = None  # while dragging

    # -- data -------------------------------------------------------------------------------
    def set_activities(self, rows: list[ActivityRow]) -> None:
        self._rows = list(rows)
        self._by_day = defaultdict(list)
        for row in self._rows:
            self._by_day[row.date].append(row)
        if self.selected_id is not None and self.row(self.selected_id) is None:
            self.selected_id = None
        self.update()

    def activities(self) -> list[ActivityRow]:
        return list(self._rows)

    def on_day(self, day: dt.date) -> list[ActivityRow]:
        return self._by_day.get(day, [])

    def row(self, activity_id: int) -> ActivityRow | None:
        return next((r for r in self._rows if r.activity_id == activity_id), None)

    def first_day(self) -> dt.date:
        """The first day shown (subclasses)."""
        raise NotImplementedError

    def last_day(self) -> dt.date:
        raise NotImplementedError

    def select_day(self, day: dt.date) -> None:
        """Choose `day` (and its first activity); outside the period: ask for another."""
        if not self.first_day() <= day <= self.last_day():
            self.period_requested.emit(day)
        self.selected_day = day
        found = self.on_day(day)
        self.selected_id = found[0].activity_id if found else None
        self.day_selected.emit(day)
        if self.selected_id is not None:
            self.activity_selected.emit(self.selected_id)
        self.update()

    def select_activity(self, activity_id: int | None) -> bool:
        row = self.row(activity_id) if activity_id is not None else None
        self.selected_id = row.activity_id if row else None
        if row is not None:
            self.selected_day = row.date
        self.update()
        return row is not None

    def placements(self) -> list[tuple[QRectF, ActivityRow, list[str]]]:
        """Each activity shown: its box and the lines of text in it (subclasses)."""
        raise NotImplementedError

    def activity_rect(self, activity_id: int) -> QRectF | None:
        """Where the activity is drawn (for clicks, tooltips and tests)."""
        found = (rect for rect, row, _lines in self.placements() if row.activity_id == activity_id)
        return next(found, None)

    def day_at(self, point: QPointF) -> tuple[dt.date, dt.time | None] | None:
        raise NotImplementedError

    # -- mouse and keys ---------------------------------------------------------------------
    def _hit(self, point: QPointF) -> int | None:
        for rect, row, _lines in reversed(self.placements()):
            if rect.contains(point):
                return row.activity_id
        return None

    def drop_target(self, point: QPointF, offset: float) -> tuple[dt.date, dt.time | None] | None:
        """Where a dragged activity would land (subclasses may add the time)."""
        where = self.day_at(point)
        return (where[0], None) if where is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return super().mouseMoveEvent(event)
        start, _activity_id, offset = self._press
        point = event.position()
        if self._drop is None:
            moved = (point - start).manhattanLength()
            if moved < QApplication.startDragDistance() or not self.may_drag():
                return
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._drop = self.drop_target(point, offset)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, drop = self._press, self._drop
        self._press = self._drop = None
        if drop is not None and pressed is not None:
            self.unsetCursor()
            self.update()
            row = self.row(pressed[1])
            if row is not None and (drop[0], drop[1] or row.start_time) != (
                row.date,
                row.start_time,
            ):
                self.move_requested.emit(pressed[1], drop[0], drop[1])
            return
        super().mouseReleaseEvent(event)

    def dragged(self) -> tuple[ActivityRow, dt.date, dt.time | None] | None:
        """The activity being dragged and where it would land (for painting)."""
        if self._press is None or self._drop is None:
            return None
        row = self.row(self._press[1])
        return (row, *self._drop) if row is not None else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        point = event.position()
        found = self._hit(point)
        rect = self.activity_rect(found) if found is not None else None
        self._press = (point, found, point.y() - rect.top()) if rect is not None else None
        self._drop = None
        where = self.day_at(point)
        if where is not None:
            self.selected_day = where[0]
            self.day_selected.emit(where[0])
        self.selected_id = found
        if found is not None:
            self.activity_selected.emit(found)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        point = event.position()
        found = self._hit(point)
        if found is not None:
            self.activity_activated.emit(found)
            return
        where = self.day_at(point)
        if where is not None:
            self.day_activated.emit(*where)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -self.vertical_step(), Qt.Key.Key_Down: self.vertical_step(),
        }  # fmt: skip
        if key in steps:
            self.select_day(self.selected_day + dt.timedelta(days=steps[key]))
        elif key == Qt.Key.Key_Delete and self.selected_id is not None:
            self.delete_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selected_id is not None:
                self.activity_activated.emit(self.selected_id)
            else:
                self.day_activated.emit(self.selected_day, None)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab first walk through the chosen day's activities, then leave."""
        found = [r.activity_id for r in self.on_day(self.selected_day)]
        if self.hasFocus() and self.selected_id in found:
            at = found.index(self.selected_id) + (1 if forward else -1)
            if 0 <= at < len(found):
                self.selected_id = found[at]
                self.activity_selected.emit(self.selected_id)
                self.update()
                return True
        return super().focusNextPrevChild(forward)

    def vertical_step(self) -> int:
        return 7

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self._hit(QPointF(event.pos()))
            row = self.row(found) if found is not None else None
            if row is not None:
                QToolTip.showText(event.globalPos(), describe(row), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # -- drawing ----------------------------------------------------------------------------
    def paint_drop(self, painter: QPainter, rect: QRectF) -> None:
        """The dashed outline where a dragged activity would land."""
        pen = QPen(DROP_COLOUR, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)

    def paint_activity(
        self, painter: QPainter, rect: QRectF, row: ActivityRow, lines: list[str]
    ) -> None:
        """A box in the kind's colour with `lines` of text."""
        colour = kind_colour(row)
        selected = row.activity_id == self.selected_id
        fill = QColor(colour)
        fill.setAlpha(255 if selected else 38)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), colour)
        font = QFont(self.font())
        font.setStrikeOut(row.cancelled)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        painter.setPen(QColor("white") if selected else colour.darker(135))
        y = rect.top() + 1
        text_rect = rect.adjusted(6, 0, -3, 0)
        for line in lines:
            if y + metrics.height() > rect.bottom() + 1:
                break
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(text_rect.width()))
            painter.drawText(
                QRectF(text_rect.left(), y, text_rect.width(), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            y += metrics.height()
        painter.setFont(self.font())
