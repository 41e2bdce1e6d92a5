"""The registration list: a table that turns keys into marks, and a delegate that draws the
marks as buttons (filled when set, the key letter when not) and the section headings."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from verenigingsbeheer.ui.models.attendance_table import (
    ACTION_ROLE,
    LINE_ROLE,
    NOTE_ROLE,
    ON_ROLE,
    STATUS_ROLE,
)

COLORS = {
    "present": QColor("#2e7d32"),
    "signed_up": QColor("#2e7d32"),
    "late": QColor("#b35c00"),
    "excused": QColor("#3b5ea8"),
    "absent": QColor("#b3261e"),
    "unknown": QColor("#4b5563"),
}
UNKNOWN_FILL = QColor("#e3e6ea")
HEADING_BACKGROUND = QColor("#e8eef5")
EMPTY_BORDER = QColor("#c9ced6")
EMPTY_TEXT = QColor("#9aa1ab")
NOTE_TEXT = QColor("#5f6670")
ACCENT = QColor("#2c5d8f")

# Keys (without modifiers, or with Shift) and what they ask for; the dialog decides what
# each means in its mode.
LETTERS = {Qt.Key.Key_P: "P", Qt.Key.Key_L: "L", Qt.Key.Key_E: "E", Qt.Key.Key_A: "A"}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
REASON_KEYS = (Qt.Key.Key_R, Qt.Key.Key_F2)


class RegistrationTable(QTableView):
    """Up/Down (and Page Up/Down, Home/End) move; letters mark; nothing is edited in place."""

    key_pressed = Signal(str)  # "P", "L", "E", "A", "shift+E", "clear", "reason", "copy"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list, to the buttons
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setMouseTracking(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.setItemDelegate(MarkDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if event.matches(QKeySequence.StandardKey.Copy):
            self.key_pressed.emit("copy")
        elif key in LETTERS and plain:
            self.key_pressed.emit(LETTERS[key])
        elif key == Qt.Key.Key_E and modifiers == Qt.KeyboardModifier.ShiftModifier:
            self.key_pressed.emit("shift+E")
        elif key in CLEAR_KEYS and plain:
            self.key_pressed.emit("clear")
        elif key in REASON_KEYS and plain:
            self.key_pressed.emit("reason")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_pressed.emit("reason")  # never closes the dialog by accident
        elif event.text().isprintable() and event.text().strip() and plain:
            event.accept()  # other letters do nothing (no jumping to a name by its letter)
        else:
            super().keyPressEvent(event)


class MarkDelegate(QStyledItemDelegate):
    """Draws status cells as buttons, headings on a tinted band, notes in small grey."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        heading = index.data(LINE_ROLE) == "section"
        status = index.data(STATUS_ROLE)
        note = index.data(NOTE_ROLE) or ""
        action = index.data(ACTION_ROLE)
        if not heading and status is None and not note:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        painter.save()
        if heading:
            painter.fillRect(option.rect, HEADING_BACKGROUND)
            if option.state & QStyle.StateFlag.State_Selected:
                painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        elif style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = option.rect.adjusted(6, 0, -6, 0)
        if status is not None and not heading:
            on = bool(index.data(ON_ROLE))
            self._button(painter, rect, text, status, on, bool(action), selected)
        elif status is not None:  # a heading's count
            font = QFont(option.font)
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(text_color if selected or text == "0" else COLORS[status])
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        elif heading and action is not None:  # the section's "all present"
            self._action(painter, option, rect, text, bool(action), selected)
        else:
            font = QFont(option.font)
            if heading:
                font.setWeight(QFont.Weight.DemiBold)
            self._text_and_note(painter, rect, font, text, note, text_color, selected)
        painter.restore()

    def _button(
        self, painter: QPainter, rect: QRect, text: str, status: str, on: bool, usable: bool,
        selected: bool,
    ) -> None:  # fmt: skip
        box = QRectF(rect.adjusted(0, 3, 0, -3))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = COLORS.get(status, ACCENT)
        font = painter.font()
        if on:
            quiet = status == "unknown"  # the state before anyone said anything
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(UNKNOWN_FILL if quiet else color)
            painter.drawRoundedRect(box, 4, 4)
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(color if quiet else QColor("white"))
        else:
            border = QColor(255, 255, 255, 150) if selected else EMPTY_BORDER
            painter.setPen(border if usable else border.lighter(115))
            painter.setBrush(QColor(255, 255, 255, 40) if selected else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            painter.setPen(QColor(255, 255, 255, 200) if selected else EMPTY_TEXT)
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, elided)

    def _action(self, painter, option, rect: QRect, text: str, usable: bool, selected: bool):
        metrics = option.fontMetrics
        width = min(rect.width(), metrics.horizontalAdvance(text) + 18)
        box = QRectF(rect.x(), rect.y() + 3, width, rect.height() - 6)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("white") if usable else Qt.BrushStyle.NoBrush)
        painter.setPen(ACCENT if usable else EMPTY_BORDER)
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.setPen(ACCENT if usable else EMPTY_TEXT)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width()) - 8)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, elided)

    def _text_and_note(self, painter, rect: QRect, font: QFont, text, note, color, selected):
        painter.setFont(font)
        painter.setPen(color)
        metrics = painter.fontMetrics()
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, align, shown)
        used = metrics.horizontalAdvance(shown) + (8 if shown else 0)
        if not note or used >= rect.width() - 12:
            return
        small = QFont(font)
        small.setWeight(QFont.Weight.Normal)
        small.setItalic(True)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(small)
        painter.setPen(color if selected else NOTE_TEXT)
        rest = rect.adjusted(used, 0, 0, 0)
        elided = painter.fontMetrics().elidedText(note, Qt.TextElideMode.ElideRight, rest.width())
        painter.drawText(rest, align, elided)
