"""The log page's widgets: filters, the list of actions, what the chosen one changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.date_field import DateField


class HistoryView(QWidget):
    def __init__(self, today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        intro = QLabel(
            _(
                "Every change is recorded here: who made it, when, and the values before "
                "and after. Deleting a member, ending a membership and an import can be "
                "undone as long as the program stays open."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # Two rows, so the page fits beside the sidebar on a small screen.
        filters = QHBoxLayout()
        self.kind = QComboBox()
        self.who = QComboBox()
        for combo in (self.kind, self.who):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            filters.addWidget(combo)
        filters.addStretch(1)
        self.undo_button = QPushButton(_("Undo…"))
        filters.addWidget(self.undo_button)
        layout.addLayout(filters)
        dates = QHBoxLayout()
        self.since = DateField(today)
        self.until = DateField(today)
        dates.addWidget(QLabel(_("Changes from")))
        dates.addWidget(self.since)
        dates.addWidget(QLabel(_("to")))
        dates.addWidget(self.until)
        dates.addStretch(1)
        layout.addLayout(dates)
        self.date_problem = QLabel()
        self.date_problem.setStyleSheet("color: #c0392b;")
        self.date_problem.hide()
        layout.addWidget(self.date_problem)

        self.actions = QTableView()
        self.actions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions.setAlternatingRowColors(True)
        self.actions.setWordWrap(False)  # one line each; the whole text is in the tooltip
        self.actions.verticalHeader().setVisible(False)
        self.actions.horizontalHeader().setStretchLastSection(True)
        self.changes = QTableWidget(0, 5)
        self.changes.setHorizontalHeaderLabels(
            [_("Record"), _("Done"), _("Field"), _("Before"), _("After")]
        )
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.verticalHeader().setVisible(False)
        self.changes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.actions)
        split.addWidget(self.changes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
