"""The volunteers page's widgets: a week of hours to fill in, every entry, the overviews,
the allowances, and the volunteers who are no member."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.pages.rooms.view import WARNING_STYLE, note, table
from verenigingsbeheer.ui.widgets.bar_chart import BarChart


def _row(*widgets, stretch_at: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    for n, widget in enumerate(widgets):
        if isinstance(widget, str):
            widget = QLabel(widget)
        row.addWidget(widget, 1 if n == stretch_at else 0)
    if stretch_at is None:
        row.addStretch(1)
    return row


def _tab(*parts) -> QWidget:
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 8, 0, 0)
    for part in parts:
        if isinstance(part, tuple):
            layout.addWidget(part[0], part[1])
        elif isinstance(part, QHBoxLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return tab


class VolunteersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_hours_action = self.toolbar.addAction(_("Enter hours…"))
        self.new_allowance_action = self.toolbar.addAction(_("New allowance…"))
        self.new_volunteer_action = self.toolbar.addAction(_("New volunteer…"))
        self.toolbar.addSeparator()
        self.print_menu = QMenu(_("Print"), self)
        self.overview_print_action = self.print_menu.addAction(_("Overview of the year…"))
        self.statement_print_action = self.print_menu.addAction(
            _("Statement for the chosen person…")
        )
        self.register_print_action = self.print_menu.addAction(_("Register of allowances…"))
        self.print_action = self.toolbar.addAction(_("Print"))
        self.print_action.setMenu(self.print_menu)
        self.more_menu = QMenu(_("More"), self)
        self.tasks_action = self.more_menu.addAction(_("Tasks and their value…"))
        self.limits_action = self.more_menu.addAction(_("Tax-free limits…"))
        self.more_action = self.toolbar.addAction(_("More"))
        self.more_action.setMenu(self.more_menu)
        for action in (self.print_action, self.more_action):
            button = self.toolbar.widgetForAction(action)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout.addWidget(self.toolbar)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._week_tab(), _("Entry"))
        self.tabs.addTab(self._hours_tab(), _("All hours"))
        self.tabs.addTab(self._overview_tab(), _("Overview"))
        self.tabs.addTab(self._allowances_tab(), _("Allowances"))
        self.tabs.addTab(self._volunteers_tab(), _("Volunteers"))
        layout.addWidget(self.tabs, 1)

    def _week_tab(self) -> QWidget:
        self.back_button = QToolButton()
        self.back_button.setText("‹")
        self.this_week_button = QToolButton()
        self.this_week_button.setText(_("This week"))
        self.forward_button = QToolButton()
        self.forward_button.setText("›")
        self.week_label = QLabel()
        font = self.week_label.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.week_label.setFont(font)
        self.week_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.per_week = QRadioButton(_("A week of one task"))
        self.per_activity = QRadioButton(_("All tasks of one activity"))
        self.per_week.setChecked(True)
        self.grid_kind = QButtonGroup(self)
        self.grid_kind.addButton(self.per_week)
        self.grid_kind.addButton(self.per_activity)
        self.task_label = QLabel(_("Task"))
        self.task = QComboBox()
        self.week_activity = QComboBox()
        for combo in (self.task, self.week_activity):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.week_activity.setMinimumContentsLength(18)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find a person…"))
        self.search.setClearButtonEnabled(True)
        self.save_week_button = QPushButton(_("Save the hours"))
        self.undo_week_button = QPushButton(_("Undo changes"))
        self.week_table = QTableView()
        self.week_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.week_table.setAlternatingRowColors(True)
        self.week_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.week_problem = note(style=WARNING_STYLE)
        self.grid_note = note()
        return _tab(
            _row(
                self.back_button,
                self.this_week_button,
                self.forward_button,
                self.week_label,
                stretch_at=3,
            ),  # fmt: skip
            _row(self.per_week, self.per_activity),
            _row(self.task_label, self.task, _("For"), self.week_activity),
            _row(self.search, self.undo_week_button, self.save_week_button, stretch_at=0),
            (self.week_table, 1),
            self.week_problem,
            self.grid_note,
        )

    def _period_controls(self) -> QSpinBox:
        year = QSpinBox()
        year.setRange(2000, 2100)
        return year

    def _hours_tab(self) -> QWidget:
        self.hours_year = self._period_controls()
        self.edit_hours_button = QPushButton(_("Edit…"))
        self.delete_hours_button = QPushButton(_("Delete…"))
        self.hours_table = table()
        self.hours_summary = note()
        return _tab(
            _row(
                _("Calendar year"),
                self.hours_year,
                self.edit_hours_button,
                self.delete_hours_button,
            ),  # fmt: skip
            (self.hours_table, 1),
            self.hours_summary,
        )

    def _overview_tab(self) -> QWidget:
        self.overview_year = self._period_controls()
        self.overview_by = QComboBox()
        self.overview_table = table()
        self.overview_summary = QLabel()
        self.overview_summary.setWordWrap(True)
        self.top_helpers = QLabel()
        self.top_helpers.setWordWrap(True)
        self.top_helpers.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.month_chart = BarChart()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>" + _("Hours per month") + "</b>"))
        right_layout.addWidget(self.month_chart)
        right_layout.addWidget(QLabel("<b>" + _("Who helped most") + "</b>"))
        right_layout.addWidget(self.top_helpers, 1)
        scroll = QScrollArea()  # a low window scrolls the chart rather than cutting it off
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.overview_table)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        return _tab(
            _row(_("Calendar year"), self.overview_year, _("Per"), self.overview_by),
            self.overview_summary,
            (split, 1),
            note(
                _(
                    "The value is the hours at each task's value an hour (More > Tasks and their "
                    "value…): what the volunteer work is worth in a subsidy budget."
                )
            ),  # fmt: skip
        )

    def _allowances_tab(self) -> QWidget:
        self.allowance_year = self._period_controls()
        self.edit_allowance_button = QPushButton(_("Edit…"))
        self.delete_allowance_button = QPushButton(_("Delete…"))
        self.allowances_table = table()
        self.near_limits = note(style=WARNING_STYLE)
        self.limits_note = note()
        return _tab(
            _row(
                _("Calendar year"),
                self.allowance_year,
                self.edit_allowance_button,
                self.delete_allowance_button,
            ),  # fmt: skip
            self.near_limits,
            (self.allowances_table, 1),
            self.limits_note,
        )

    def _volunteers_tab(self) -> QWidget:
        self.edit_volunteer_button = QPushButton(_("Edit…"))
        self.remove_volunteer_button = QPushButton(_("Remove…"))
        self.volunteer_data_button = QPushButton(_("Export this person's data…"))
        self.forget_volunteer_button = QPushButton(_("Forget this person…"))
        self.volunteers_table = table()
        self.volunteers_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return _tab(
            _row(self.edit_volunteer_button, self.remove_volunteer_button),
            _row(self.volunteer_data_button, self.forget_volunteer_button),
            (self.volunteers_table, 1),
            note(
                _(
                    "Volunteers who are no member (parents, friends). Their data falls under the "
                    "same privacy rules as members'."
                )
            ),  # fmt: skip
        )
