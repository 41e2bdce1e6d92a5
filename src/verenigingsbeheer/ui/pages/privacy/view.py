"""The privacy page's widgets: the retention period with the former members it concerns,
and the processing register."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.privacy import MAX_RETENTION_YEARS, MIN_RETENTION_YEARS


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


class PrivacyView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)

        retention = QGroupBox(_("Retention period"))
        box = QVBoxLayout(retention)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Former members are anonymised")))
        self.years = QSpinBox()
        self.years.setRange(MIN_RETENTION_YEARS, MAX_RETENTION_YEARS)
        row.addWidget(self.years)
        row.addWidget(QLabel(_("years after they left.")))
        row.addStretch(1)
        box.addLayout(row)
        volunteers = QLabel(
            _("Volunteers who are no member: that many years after they last helped or were paid.")
        )
        volunteers.setWordWrap(True)
        box.addWidget(volunteers)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        box.addWidget(self.due_label)
        self.due = _table([_("No."), _("Name"), _("Left or last helped")])
        self.due.setMinimumHeight(140)
        header = self.due.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.due)
        buttons = QHBoxLayout()
        self.anonymise_button = QPushButton(_("Anonymise these people…"))
        buttons.addWidget(self.anonymise_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout.addWidget(retention)

        register = QGroupBox(_("Processing register"))
        box = QVBoxLayout(register)
        intro = QLabel(
            _(
                "The AVG asks every association to keep a register of what personal data it "
                "processes, why, who sees it and how long it is kept. The first version is "
                "filled in; adapt it to your association."
            )
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.activities = _table([_("Processing"), _("Purpose")])
        self.activities.setWordWrap(True)
        self.activities.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.activities.setMinimumHeight(180)
        box.addWidget(self.activities)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add…"))
        self.change_button = QPushButton(_("Change…"))
        self.remove_button = QPushButton(_("Remove"))
        self.print_button = QPushButton(_("Print the register…"))
        for button in (self.add_button, self.change_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        box.addLayout(buttons)
        layout.addWidget(register)
        layout.addStretch(1)
        self.setWidget(body)
