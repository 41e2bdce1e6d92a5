"""The dashboard's widgets: the association at a glance."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_number
from verenigingsbeheer.ui.widgets.bar_chart import BarChart


class StatCard(QFrame):
    """A big number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("statCard")
        layout = QVBoxLayout(self)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setWeight(QFont.Weight.Bold)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


class DashboardView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)

        header = QHBoxLayout()
        self.logo = QLabel()
        self.logo.setFixedSize(64, 64)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        header.addWidget(self.logo)
        titles = QVBoxLayout()
        self.name = QLabel()
        name_font = self.name.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.7)
        name_font.setWeight(QFont.Weight.Bold)
        self.name.setFont(name_font)
        self.name.setWordWrap(True)
        self.date = QLabel()
        titles.addWidget(self.name)
        titles.addWidget(self.date)
        header.addLayout(titles, 1)
        layout.addLayout(header)

        cards = QHBoxLayout()
        self.current_card = StatCard(_("current members"))
        self.former_card = StatCard(_("former members"))
        self.board_card = StatCard(_("board functions filled"))
        for card in (self.current_card, self.former_card, self.board_card):
            cards.addWidget(card)
        layout.addLayout(cards)
        self.conflicts = QLabel()  # coming double bookings; hidden when there are none
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet(
            "QLabel { background: #fdecea; color: #8a1c13; border: 1px solid #f1b5ae;"
            " border-radius: 4px; padding: 8px 10px; }"
        )
        self.conflicts.hide()
        layout.addWidget(self.conflicts)

        columns = QGridLayout()
        columns.setHorizontalSpacing(32)
        columns.setVerticalSpacing(8)
        last_heading = _heading(_("Last rehearsal"))
        last_heading.setWordWrap(True)
        columns.addWidget(last_heading, 0, 0)
        last_box = QVBoxLayout()
        self.last_title = QLabel()
        self.last_title.setWordWrap(True)
        self.last_title.setMinimumWidth(120)  # wraps rather than widening the page
        self.last_chart = BarChart()
        self.last_empty = QLabel(_("No attendance registered yet."))
        last_box.addWidget(self.last_title)
        last_box.addWidget(self.last_chart)
        last_box.addWidget(self.last_empty)
        last_box.addStretch()
        columns.addLayout(last_box, 1, 0)
        next_heading = _heading(_("Next activities"))
        next_heading.setWordWrap(True)
        columns.addWidget(next_heading, 0, 1)
        next_box = QVBoxLayout()
        self.next_list = QFormLayout()
        self.next_list.setHorizontalSpacing(16)
        self.next_empty = QLabel(_("No activities planned."))
        next_box.addLayout(self.next_list)
        next_box.addWidget(self.next_empty)
        next_box.addStretch()
        columns.addLayout(next_box, 1, 1)
        columns.setRowMinimumHeight(2, 12)
        columns.addWidget(_heading(_("Members per section")), 3, 0)
        self.sections_chart = BarChart(format_value=format_number)
        self.sections_empty = QLabel(_("No members yet."))
        section_box = QVBoxLayout()
        section_box.addWidget(self.sections_chart)
        section_box.addWidget(self.sections_empty)
        section_box.addStretch()
        columns.addLayout(section_box, 4, 0)
        columns.addWidget(_heading(_("Board")), 3, 1)
        board_box = QVBoxLayout()
        self.board = QFormLayout()
        self.board.setHorizontalSpacing(16)
        self.board_empty = QLabel(_("No board functions recorded."))
        board_box.addLayout(self.board)
        board_box.addWidget(self.board_empty)
        board_box.addStretch()
        columns.addLayout(board_box, 4, 1)
        columns.setColumnStretch(0, 3)
        columns.setColumnStretch(1, 2)
        layout.addLayout(columns)
        layout.addStretch()
        self.setWidget(body)

    def set_board(self, rows: list[tuple[str, str]]) -> None:
        """(function, name) pairs, functions in bold."""
        while self.board.rowCount():
            self.board.removeRow(0)
        for title, name in rows:
            label = QLabel(title)
            font = label.font()
            font.setWeight(QFont.Weight.DemiBold)
            label.setFont(font)
            self.board.addRow(label, QLabel(name))
        self.board_empty.setVisible(not rows)

    def set_next_activities(self, rows: list[tuple[str, str]]) -> None:
        """(when, what) pairs, the moment in bold."""
        while self.next_list.rowCount():
            self.next_list.removeRow(0)
        for when, what in rows:
            label = QLabel(when)
            font = label.font()
            font.setWeight(QFont.Weight.DemiBold)
            label.setFont(font)
            text = QLabel(what)
            text.setWordWrap(True)
            text.setMinimumWidth(120)
            self.next_list.addRow(label, text)
        self.next_empty.setVisible(not rows)

    def set_conflicts(self, lines: list[str], more: int) -> None:
        """The coming double bookings, one per line; `more` not shown."""
        if not lines:
            self.conflicts.hide()
            return
        text = "<b>" + escape(_("Double bookings coming up")) + "</b><br>"
        text += "<br>".join(escape(line) for line in lines)
        if more:
            text += "<br>" + escape(_("and {n} more on the Rooms page").format(n=more))
        self.conflicts.setText(text)
        self.conflicts.show()

    def next_rows(self) -> list[tuple[str, str]]:
        return _form_rows(self.next_list)

    def board_rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.board.rowCount()):
            title = self.board.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
            name = self.board.itemAt(row, QFormLayout.ItemRole.FieldRole).widget().text()
            rows.append((title, name))
        return rows


def _form_rows(form: QFormLayout) -> list[tuple[str, str]]:
    rows = []
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget().text()
        rows.append((label, field))
    return rows
