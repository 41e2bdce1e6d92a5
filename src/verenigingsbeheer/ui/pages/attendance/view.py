"""The attendance page's widgets: the period and kind, then four tabs: per member (with the
threshold), per activity (with its sections and the way to register), the season's
course, and the line-up before a performance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.field_marks import error_label
from verenigingsbeheer.ui.widgets.season_chart import SeasonChart

WARNING_STYLE = "color: #b3261e; font-weight: 600;"
NOTE_STYLE = "color: #5f6670;"


def _table(sorting: bool = True) -> QTableView:
    table = QTableView()
    table.setSortingEnabled(sorting)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


def _warning() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(WARNING_STYLE)
    return label


class AttendanceView(QWidget):
    def __init__(self, today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        choice = QHBoxLayout()
        self.period = QComboBox()
        self.kind = QComboBox()
        for combo in (self.period, self.kind):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        choice.addWidget(QLabel(_("Period")))
        choice.addWidget(self.period)
        choice.addSpacing(12)
        choice.addWidget(QLabel(_("Kind")))
        choice.addWidget(self.kind)
        choice.addStretch(1)
        layout.addLayout(choice)
        self.dates = QWidget()
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        self.since = DateField(today)
        self.until = DateField(today)
        dates.addWidget(QLabel(_("From")))
        dates.addWidget(self.since)
        dates.addWidget(QLabel(_("to")))
        dates.addWidget(self.until)
        dates.addStretch(1)
        layout.addWidget(self.dates)
        self.date_problem = error_label()
        layout.addWidget(self.date_problem)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._members_tab(), _("Per member"))
        self.tabs.addTab(self._activities_tab(), _("Per activity"))
        self.tabs.addTab(self._course_tab(), _("Course of the season"))
        self.tabs.addTab(self._line_up_tab(), _("Line-up"))
        layout.addWidget(self.tabs, 1)

    def _members_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.threshold = QSpinBox()
        self.threshold.setRange(5, 100)
        self.threshold.setSingleStep(5)
        self.threshold.setSuffix(" %")
        row.addWidget(QLabel(_("Warn under")))
        row.addWidget(self.threshold)
        row.addStretch(1)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setToolTip(
            _("The attendance per member and per activity of this period, as a PDF.")
        )
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.members_warning = _warning()
        layout.addWidget(self.members_warning)
        self.members_table = _table()
        layout.addWidget(self.members_table, 1)
        self.members_note = _note(
            _(
                "Counted are the activities of the chosen kind whose attendance was "
                "registered, where the member was expected; late counts as present."
            )
        )
        layout.addWidget(self.members_note)
        return tab

    def _activities_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        buttons = QHBoxLayout()
        self.register_button = QPushButton(_("Register attendance…"))
        self.availability_button = QPushButton(_("Availability…"))
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.availability_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.activities_table = _table()
        self.sections_title = QLabel()
        self.sections_title.setWordWrap(True)
        self.sections_table = _table(sorting=False)
        self.sections_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.sections_title)
        lower_layout.addWidget(self.sections_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.activities_table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        return tab

    def _course_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        self.course_title = QLabel()
        self.course_title.setWordWrap(True)
        layout.addWidget(self.course_title)
        self.chart = SeasonChart()
        layout.addWidget(self.chart, 1)
        layout.addWidget(
            _note(
                _(
                    "Per activity with attendance registered: the share of the expected "
                    "members who came (late included). The dashed line is the threshold of "
                    "the first tab."
                )
            )
        )
        return tab

    def _line_up_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.performance = QComboBox()
        self.performance.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.performance.setMinimumContentsLength(22)
        row.addWidget(self.performance, 1)
        self.minimum = QSpinBox()
        self.minimum.setRange(1, 99)
        row.addWidget(QLabel(_("At least per section")))
        row.addWidget(self.minimum)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.line_up_button = QPushButton(_("Availability…"))
        row.addWidget(self.line_up_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.line_up_empty = _note(_("No performances planned."))
        layout.addWidget(self.line_up_empty)
        self.line_up_warning = _warning()
        layout.addWidget(self.line_up_warning)
        self.line_up_table = _table(sorting=False)
        layout.addWidget(self.line_up_table, 1)
        layout.addWidget(
            _note(_("From what the members said beforehand (availability), per section."))
        )
        return tab
