"""The rooms page's widgets: the venues and their rooms on the left; on the right the
chosen room's calendar, its bookings, every conflict, and the rent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.month_calendar import MonthCalendar
from verenigingsbeheer.ui.widgets.week_calendar import WeekCalendar

NOTE_STYLE = "color: #5f6670;"
WARNING_STYLE = "color: #b3261e; font-weight: 600;"


def table() -> QTableView:
    view = QTableView()
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def note(text: str = "", style: str = NOTE_STYLE) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class RoomsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_booking_action = self.toolbar.addAction(_("New booking…"))
        self.series_action = self.toolbar.addAction(_("Book a series…"))
        self.edit_booking_action = self.toolbar.addAction(_("Edit booking…"))
        self.cancel_booking_action = self.toolbar.addAction(_("Cancel booking"))
        self.invoiced_action = self.toolbar.addAction(_("Invoiced"))
        self.paid_action = self.toolbar.addAction(_("Paid"))
        self.toolbar.addSeparator()
        self.print_menu = QMenu(_("Print"), self)
        self.rent_print_action = self.print_menu.addAction(_("Rent overview of the year…"))
        self.schedule_print_action = self.print_menu.addAction(_("Schedule of this room…"))
        self.print_action = self.toolbar.addAction(_("Print"))
        self.print_action.setMenu(self.print_menu)
        self.more_menu = QMenu(_("More"), self)
        self.new_venue_action = self.more_menu.addAction(_("New venue…"))
        self.new_room_action = self.more_menu.addAction(_("New room…"))
        self.edit_place_action = self.more_menu.addAction(_("Edit venue or room…"))
        self.delete_place_action = self.more_menu.addAction(_("Remove venue or room…"))
        self.more_menu.addSeparator()
        self.delete_booking_action = self.more_menu.addAction(_("Delete booking…"))
        self.more_action = self.toolbar.addAction(_("More"))
        self.more_action.setMenu(self.more_menu)
        for action in (self.print_action, self.more_action):
            button = self.toolbar.widgetForAction(action)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout.addWidget(self.toolbar)

        self.places = QTreeWidget()
        self.places.setHeaderHidden(True)
        self.places.setMinimumWidth(120)
        self.places_empty = note(
            _(
                "No venues yet. Add the building you rehearse in under More > New venue, then "
                "its rooms."
            )  # fmt: skip
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.places, 1)
        left_layout.addWidget(self.places_empty)
        self.place_details = note()
        self.place_details.setStyleSheet("")
        self.place_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left_layout.addWidget(self.place_details)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._calendar_tab(), _("Calendar"))
        self.tabs.addTab(self._bookings_tab(), _("Bookings"))
        self.tabs.addTab(self._conflicts_tab(), _("Conflicts"))
        self.tabs.addTab(self._rent_tab(), _("Rent"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([220, 760])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

    def _calendar_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.view_buttons = QButtonGroup(self)
        self.month_button = QToolButton()
        self.month_button.setText(_("Month"))
        self.week_button = QToolButton()
        self.week_button.setText(_("Week"))
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            self.view_buttons.addButton(button)
            row.addWidget(button)
        self.week_button.setChecked(True)
        row.addSpacing(6)
        self.back_button = QToolButton()
        self.back_button.setText("‹")
        self.today_button = QToolButton()
        self.today_button.setText(_("Today"))
        self.forward_button = QToolButton()
        self.forward_button.setText("›")
        for button in (self.back_button, self.today_button, self.forward_button):
            row.addWidget(button)
        self.period_label = QLabel()
        font = self.period_label.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.period_label.setFont(font)
        # May be cut off in a very narrow window rather than widen it.
        self.period_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addSpacing(4)
        row.addWidget(self.period_label, 1)
        layout.addLayout(row)
        self.week = WeekCalendar()
        self.month = MonthCalendar()
        self.calendars = QStackedWidget()
        self.calendars.addWidget(self.week)
        self.calendars.addWidget(self.month)
        layout.addWidget(self.calendars, 1)
        self.calendar_note = note()
        layout.addWidget(self.calendar_note)
        return tab

    def _bookings_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.period = QComboBox()
        self.period.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.period.setMinimumContentsLength(8)
        row.addWidget(QLabel(_("Period")))
        row.addWidget(self.period)
        self.show_cancelled = QCheckBox(_("Cancelled ones too"))
        row.addWidget(self.show_cancelled)
        row.addStretch(1)
        layout.addLayout(row)
        self.bookings_table = table()
        layout.addWidget(self.bookings_table, 1)
        self.bookings_summary = note()
        layout.addWidget(self.bookings_summary)
        return tab

    def _conflicts_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        self.past_conflicts = QCheckBox(_("Past ones too"))
        layout.addWidget(self.past_conflicts)
        self.conflicts_warning = note(style=WARNING_STYLE)
        layout.addWidget(self.conflicts_warning)
        self.conflicts_table = table()
        layout.addWidget(self.conflicts_table, 1)
        layout.addWidget(
            note(
                _(
                    "Two bookings of one room whose times overlap, set-up and clearing time "
                    "included. 'On purpose' ones were saved knowingly (two groups share the "
                    "hall); double-click one to open its booking."
                )
            )
        )
        return tab

    def _rent_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        row.addWidget(QLabel(_("Calendar year")))
        row.addWidget(self.year)
        row.addStretch(1)
        layout.addLayout(row)
        self.rent_table = table()
        self.months_title = QLabel()
        self.months_table = table()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.months_title)
        lower_layout.addWidget(self.months_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.rent_table)
        split.addWidget(lower)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.rent_summary = note()
        self.rent_summary.setStyleSheet("")
        layout.addWidget(self.rent_summary)
        layout.addWidget(
            note(
                _(
                    "Confirmed bookings count, and cancelled ones that were invoiced or paid all "
                    "the same; options and other cancelled bookings do not."
                )
            )
        )
        return tab
