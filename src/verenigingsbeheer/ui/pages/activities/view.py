"""The activities page's widgets: month, week or agenda with the way to move through time,
the actions, and beside the calendar the filters and the chosen activity's details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.month_calendar import MonthCalendar
from verenigingsbeheer.ui.widgets.week_calendar import WeekCalendar

MONTH, WEEK, AGENDA = "month", "week", "agenda"


class ActivitiesView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)

        top = QHBoxLayout()
        top.setSpacing(4)
        self.view_buttons = QButtonGroup(self)
        self.view_buttons.setExclusive(True)
        for key, text in ((MONTH, _("Month")), (WEEK, _("Week")), (AGENDA, _("Agenda"))):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setProperty("view", key)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.view_buttons.addButton(button)
            top.addWidget(button)
        top.addSpacing(6)
        self.back_button = QToolButton()
        self.back_button.setText("‹")
        self.today_button = QToolButton()
        self.today_button.setText(_("Today"))
        self.forward_button = QToolButton()
        self.forward_button.setText("›")
        for button in (self.back_button, self.today_button, self.forward_button):
            top.addWidget(button)
        self.period_label = QLabel()
        font = self.period_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        self.period_label.setFont(font)
        # May be cut off in a very narrow window rather than widen it.
        self.period_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addSpacing(4)
        top.addWidget(self.period_label, 1)
        layout.addLayout(top)

        # A tool bar, so a narrow window folds the last actions into a ">>" menu.
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self.toolbar.addAction(_("New activity…"))
        self.series_action = self.toolbar.addAction(_("Plan a season…"))
        self.edit_action = self.toolbar.addAction(_("Edit…"))
        self.move_action = self.toolbar.addAction(_("Move…"))
        self.cancel_action = self.toolbar.addAction(_("Cancel activity"))
        self.toolbar.addSeparator()
        self.attendance_action = self.toolbar.addAction(_("Attendance…"))
        self.export_action = self.toolbar.addAction(_("Calendar export…"))
        self.print_action = self.toolbar.addAction(_("Print schedule…"))
        self.more_menu = QMenu(_("More"), self)
        self.change_series_action = self.more_menu.addAction(_("Change the series from here…"))
        self.holidays_action = self.more_menu.addAction(_("School holidays…"))
        self.more_menu.addSeparator()
        self.delete_action = self.more_menu.addAction(_("Delete…"))
        self.more_action = self.toolbar.addAction(_("More"))
        self.more_action.setMenu(self.more_menu)
        more_button = self.toolbar.widgetForAction(self.more_action)
        more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout.addWidget(self.toolbar)

        self.month = MonthCalendar()
        self.week = WeekCalendar()
        self.agenda = QTableView()
        self.agenda.setAlternatingRowColors(True)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setWordWrap(False)
        self.agenda.verticalHeader().setVisible(False)
        self.agenda.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.agenda.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.agenda.horizontalHeader().setStretchLastSection(True)
        self.stack = QStackedWidget()
        self.views = {MONTH: self.month, WEEK: self.week, AGENDA: self.agenda}
        for widget in self.views.values():
            self.stack.addWidget(widget)

        # Beside the calendar: what to show, then the chosen activity.
        self.kind = QComboBox()
        self.section = QComboBox()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(10, 0, 0, 0)
        for combo in (self.kind, self.section):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            side_layout.addWidget(combo)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        side_layout.addWidget(line)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setContentsMargins(0, 4, 6, 4)
        details = QScrollArea()
        details.setWidget(self.details)
        details.setWidgetResizable(True)
        details.setFrameShape(QFrame.Shape.NoFrame)
        side_layout.addWidget(details, 1)
        side.setMinimumWidth(150)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.stack)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([700, 240])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

    def view_button(self, key: str) -> QToolButton:
        return next(b for b in self.view_buttons.buttons() if b.property("view") == key)
