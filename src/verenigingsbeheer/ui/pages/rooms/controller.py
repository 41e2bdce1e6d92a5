"""Fills the rooms page from the rooms and bookings services: the venues, the chosen room's
calendar and bookings, every conflict and the rent. What changes the file is in
actions.py."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTreeWidgetItem

from verenigingsbeheer.domain import activities as activity_rules
from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_money, format_number
from verenigingsbeheer.services import activities, booking_checks, bookings, rooms
from verenigingsbeheer.services.bookings import BookingRow
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.models.bookings_table import (
    BookingsTableModel,
    ConflictsTableModel,
    calendar_items,
)
from verenigingsbeheer.ui.pages.activities.controller import add_months
from verenigingsbeheer.ui.pages.attendance.controller import fit_columns, season_label
from verenigingsbeheer.ui.pages.rooms import actions, rent_tab
from verenigingsbeheer.ui.pages.rooms.view import RoomsView
from verenigingsbeheer.ui.widgets.month_calendar import month_grid

VENUE, ROOM = "venue", "room"


class RoomsPage(RoomsView):
    """Where the association rehearses and performs, what is booked and what it costs."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.venues: list[rooms.VenueRow] = []
        self.chosen: tuple[str, int] | None = None  # (VENUE or ROOM, id)
        self.anchor = context.today()
        self.rows: list[BookingRow] = []
        self.calendar_rows: dict[int, BookingRow] = {}  # what the calendar shows, by id
        self.bookings_model = BookingsTableModel(self)
        self.bookings_table.setModel(self.bookings_model)
        fit_columns(self.bookings_table, {0: 115, 1: 90, 2: 170, 3: 150, 4: 85, 5: 85, 6: 85,
                                          7: 60})  # fmt: skip
        self.conflicts_model = ConflictsTableModel(self)
        self.conflicts_table.setModel(self.conflicts_model)
        fit_columns(self.conflicts_table, {0: 115, 1: 170, 2: 170, 3: 170})
        self.year.setValue(self.anchor.year)
        rent_tab.prepare(self)
        self._fill_periods()

        self.places.currentItemChanged.connect(lambda *_a: self._place_chosen())
        self.view_buttons.buttonClicked.connect(lambda _b: self._show_calendar())
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_to_today)
        for calendar in (self.week, self.month):
            calendar.activity_selected.connect(self.select_booking)
            calendar.activity_activated.connect(lambda _id: self.edit_booking_action.trigger())
            calendar.day_activated.connect(self._day_activated)
            calendar.period_requested.connect(self._go_to)
            calendar.delete_requested.connect(self.delete_booking_action.trigger)
            calendar.may_drag = lambda: False  # bookings move with their activity
        self.month.more_requested.connect(self._week_of)
        self.period.currentIndexChanged.connect(lambda _i: self._show_bookings())
        self.show_cancelled.toggled.connect(lambda _on: self._show_bookings())
        self.past_conflicts.toggled.connect(lambda _on: self._show_conflicts())
        self.bookings_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_actions()
        )
        self.bookings_table.doubleClicked.connect(lambda _i: self.edit_booking_action.trigger())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.bookings_table,
                                 self.edit_booking_action.trigger)  # fmt: skip
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.conflicts_table.doubleClicked.connect(self._open_conflict)
        self.year.valueChanged.connect(lambda _y: rent_tab.show(self))

        self.new_venue_action.triggered.connect(lambda: actions.new_venue(self))
        self.new_room_action.triggered.connect(lambda: actions.new_room(self))
        self.edit_place_action.triggered.connect(lambda: actions.edit_place(self))
        self.delete_place_action.triggered.connect(lambda: actions.delete_place(self))
        self.places.itemDoubleClicked.connect(lambda *_a: self.edit_place_action.trigger())
        self.new_booking_action.triggered.connect(lambda: actions.new_booking(self))
        self.series_action.triggered.connect(lambda: actions.book_series(self))
        self.edit_booking_action.triggered.connect(lambda: actions.edit_booking(self))
        self.cancel_booking_action.triggered.connect(lambda: actions.cancel_booking(self))
        self.delete_booking_action.triggered.connect(lambda: actions.delete_booking(self))
        self.invoiced_action.triggered.connect(lambda: actions.mark(self, invoiced=True))
        self.paid_action.triggered.connect(lambda: actions.mark(self, paid=True))
        self.rent_print_action.triggered.connect(lambda: rent_tab.print_rent(self))
        self.schedule_print_action.triggered.connect(lambda: rent_tab.print_schedule(self))
        self._update_actions()

    def page_title(self) -> str:
        return _("Rooms")

    def can_leave(self) -> bool:
        return True

    def editing_controls(self) -> list:
        """What changes the file; switched off while it is open read-only."""
        return [
            self.new_booking_action, self.series_action, self.edit_booking_action,
            self.cancel_booking_action, self.invoiced_action, self.paid_action,
            self.new_venue_action, self.new_room_action, self.edit_place_action,
            self.delete_place_action, self.delete_booking_action,
        ]  # fmt: skip

    # -- choices ----------------------------------------------------------------------------
    def room_id(self) -> int | None:
        return self.chosen[1] if self.chosen and self.chosen[0] == ROOM else None

    def venue_id(self) -> int | None:
        if self.chosen is None:
            return None
        if self.chosen[0] == VENUE:
            return self.chosen[1]
        room = next((r for v in self.venues for r in v.rooms if r.room_id == self.chosen[1]),
                    None)  # fmt: skip
        return room.venue_id if room else None

    def room_choices(self) -> list[tuple[int, str]]:
        return [(room.room_id, room.label) for venue in self.venues for room in venue.rooms]

    def _fill_periods(self) -> None:
        today = self.context.today()
        season = activity_rules.season_of(today)
        choices = [
            (_("Coming bookings"), (today, None)),
            (season_label(season[0]), season),
            (_("This calendar year"), (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))),
            (_("Everything"), (None, None)),
        ]
        for text, period in choices:
            self.period.addItem(text, period)

    # -- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        with self.context.database.reading() as session:
            self.venues = rooms.list_venues(session)
        self._fill_places()
        self._show_calendar()
        self._show_bookings()
        self._show_conflicts()
        rent_tab.show(self)

    def _fill_places(self) -> None:
        chosen = self.chosen
        self.places.blockSignals(True)
        self.places.clear()
        current = None
        for venue in self.venues:
            top = QTreeWidgetItem([venue.name])
            top.setData(0, Qt.ItemDataRole.UserRole, (VENUE, venue.venue_id))
            self.places.addTopLevelItem(top)
            if chosen == (VENUE, venue.venue_id):
                current = top
            for room in venue.rooms:
                item = QTreeWidgetItem([room.name])
                item.setData(0, Qt.ItemDataRole.UserRole, (ROOM, room.room_id))
                top.addChild(item)
                if chosen == (ROOM, room.room_id) or (chosen is None and current is None):
                    current = item
        self.places.expandAll()
        self.places.blockSignals(False)
        self.places_empty.setVisible(not self.venues)
        if current is not None:
            self.places.setCurrentItem(current)
            self.chosen = current.data(0, Qt.ItemDataRole.UserRole)
        else:
            self.chosen = None
        self._show_place_details()

    def _place_chosen(self) -> None:
        item = self.places.currentItem()
        self.chosen = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        self._show_place_details()
        self._show_calendar()
        self._show_bookings()

    def _show_place_details(self) -> None:
        self.place_details.setText(place_html(self.venues, self.chosen))
        self._update_actions()

    def _bookings(self, start: dt.date | None, end: dt.date | None) -> list[BookingRow]:
        with self.context.database.reading() as session:
            return bookings.list_bookings(
                session, start, end, room_id=self.room_id(),
                venue_id=self.venue_id() if self.room_id() is None else None,
                include_cancelled=True,
            )  # fmt: skip

    def warnings(self, rows: list[BookingRow]) -> dict[int, str]:
        """booking id -> what is wrong: a double booking, or a room too small."""
        if not rows:
            return {}
        first, last = min(r.date for r in rows), max(r.date for r in rows)
        with self.context.database.reading() as session:
            conflicts = booking_checks.all_conflicts(session, first, last)
            found = booking_checks.capacity_problems(session, first, last)
        for conflict in conflicts:
            for row, other in ((conflict.first, conflict.second),
                               (conflict.second, conflict.first)):  # fmt: skip
                text = _("Double booked with {other}").format(other=other.describe())
                if conflict.accepted:
                    text += " " + _("(on purpose)")
                found[row.booking_id] = text
        return found

    # -- the calendar -----------------------------------------------------------------------
    def period_shown(self) -> tuple[dt.date, dt.date]:
        if self.month_button.isChecked():
            mondays = month_grid(self.anchor.year, self.anchor.month)
            return mondays[0], mondays[-1] + dt.timedelta(days=6)
        monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
        return monday, monday + dt.timedelta(days=6)

    def _show_calendar(self) -> None:
        month = self.month_button.isChecked()
        self.calendars.setCurrentWidget(self.month if month else self.week)
        first, last = self.period_shown()
        rows = self._bookings(first, last) if self.chosen else []
        with self.context.database.reading() as session:
            shown = activities.list_activities(session, first, last)
        kinds = {row.activity_id: row.kind for row in shown}
        self.calendar_rows = {row.booking_id: row for row in rows}
        items = calendar_items(rows, self.warnings(rows), kinds)
        today = self.context.today()
        for calendar in (self.week, self.month):
            calendar.today = today
            calendar.selected_day = self.anchor
            calendar.set_activities(items)
        self.month.set_month(self.anchor.year, self.anchor.month)
        self.week.set_week(self.anchor)
        if month:
            self.period_label.setText(format_date(self.anchor, "LLLL y"))
        else:
            self.period_label.setText(
                _("Week {n}: {first}–{last}").format(
                    n=first.isocalendar().week,
                    first=format_date(first, "d MMM"),
                    last=format_date(last, "d MMM y"),
                )  # fmt: skip
            )
        self.calendar_note.setText(
            _("Choose a room on the left to see its bookings.") if self.chosen is None else ""
        )

    def step(self, direction: int) -> None:
        if self.month_button.isChecked():
            self.anchor = add_months(self.anchor, direction)
        else:
            self.anchor += dt.timedelta(weeks=direction)
        self._show_calendar()

    def go_to_today(self) -> None:
        self.anchor = self.context.today()
        self._show_calendar()

    def _go_to(self, day: dt.date) -> None:
        self.anchor = day
        self._show_calendar()

    def _week_of(self, day: dt.date) -> None:
        self.anchor = day
        self.week_button.setChecked(True)
        self._show_calendar()

    def _day_activated(self, day: dt.date, start: dt.time | None) -> None:
        if self.new_booking_action.isEnabled():
            actions.new_booking(self, day, start)

    # -- the lists --------------------------------------------------------------------------
    def _show_bookings(self) -> None:
        start, end = self.period.currentData() or (None, None)
        rows = self._bookings(start, end) if self.chosen else []
        if not self.show_cancelled.isChecked():
            rows = [r for r in rows if r.status != "cancelled"]
        self.rows = rows
        self.bookings_model.set_rows(rows, self.warnings(rows))
        confirmed = [r for r in rows if r.status == "confirmed"]
        total = sum((r.cost.cents for r in confirmed), 0)
        open_ = sum((r.cost.cents for r in confirmed if not r.paid), 0)
        from verenigingsbeheer.domain.money import Money

        self.bookings_summary.setText(
            ngettext("{n} booking", "{n} bookings", len(rows)).format(n=format_number(len(rows)))
            + " · "
            + _("confirmed {total}, of which not paid yet {open}").format(
                total=format_money(Money(total)), open=format_money(Money(open_))
            )
            if rows
            else _("No bookings in this period.")
        )
        self._update_actions()

    def _show_conflicts(self) -> None:
        start = None if self.past_conflicts.isChecked() else self.context.today()
        with self.context.database.reading() as session:
            found = booking_checks.all_conflicts(session, start)
        self.conflicts_model.set_rows(found)
        open_ = [c for c in found if not c.accepted]
        self.conflicts_warning.setText(
            ngettext(
                "{n} double booking that was not saved on purpose.",
                "{n} double bookings that were not saved on purpose.",
                len(open_),
            ).format(n=format_number(len(open_)))
            if open_
            else ""
        )
        self.conflicts_warning.setVisible(bool(open_))
        title = _("Conflicts")
        self.tabs.setTabText(2, f"{title} ({len(found)})" if found else title)

    def _open_conflict(self, index) -> None:
        """The first booking of the pair, wherever it is (another room, a past month)."""
        actions.edit_booking(self, self.conflicts_model.row_at(index.row()).first)

    # -- the chosen booking -----------------------------------------------------------------
    def selected_bookings(self) -> list[BookingRow]:
        rows = sorted({i.row() for i in self.bookings_table.selectionModel().selectedRows()})
        if rows:
            return [self.bookings_model.row_at(n) for n in rows]
        if self.tabs.currentIndex() != 0:
            return []
        calendar = self.month if self.month_button.isChecked() else self.week
        found = self.calendar_rows.get(calendar.selected_id)
        return [found] if found is not None else []

    def select_booking(self, booking_id: int) -> None:
        at = self.bookings_model.row_of(booking_id)
        if at is not None:
            self.bookings_table.selectRow(at)
        for calendar in (self.week, self.month):
            calendar.select_activity(booking_id)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.selected_bookings()
        one = len(chosen) == 1
        for action in (self.edit_booking_action, self.cancel_booking_action,
                       self.delete_booking_action):  # fmt: skip
            action.setEnabled(one)
        for action in (self.invoiced_action, self.paid_action):
            action.setEnabled(bool(chosen))
        has_rooms = bool(self.room_choices())
        self.new_booking_action.setEnabled(has_rooms)
        self.series_action.setEnabled(has_rooms)
        self.new_room_action.setEnabled(bool(self.venues))
        self.edit_place_action.setEnabled(self.chosen is not None)
        self.delete_place_action.setEnabled(self.chosen is not None)
        self.schedule_print_action.setEnabled(self.room_id() is not None)
        if one and chosen[0].status == "cancelled":
            self.cancel_booking_action.setText(_("Book again"))
        else:
            self.cancel_booking_action.setText(_("Cancel booking"))


def place_html(venues: list[rooms.VenueRow], chosen: tuple[str, int] | None) -> str:
    """The chosen venue or room in a few lines: address and contact, or size and price."""
    if chosen is None:
        return ""
    kind, chosen_id = chosen
    for venue in venues:
        if kind == VENUE and venue.venue_id == chosen_id:
            d = venue.details
            lines = [f"<b>{escape(venue.name)}</b>", escape(venue.address)]
            contact = " ".join(p for p in (d.contact_first_name, d.contact_last_name) if p)
            if contact:
                reach = ", ".join(p for p in (d.contact_phone, d.contact_email) if p)
                lines.append(escape(_("Contact: {name}").format(name=contact)))
                if reach:
                    lines.append(escape(reach))
            return "<br>".join(line for line in lines if line)
        for room in venue.rooms:
            if kind == ROOM and room.room_id == chosen_id:
                return room_html(room)
    return ""


def room_html(room: rooms.RoomRow) -> str:
    d = room.details
    lines = [f"<b>{escape(room.label)}</b>"]
    if d.capacity is not None:
        lines.append(escape(_("{n} people").format(n=format_number(d.capacity))))
    prices = []
    if d.hourly_rate:
        prices.append(_("{amount} an hour").format(amount=format_money(d.hourly_rate)))
    if d.fixed_rate:
        prices.append(_("{amount} a booking").format(amount=format_money(d.fixed_rate)))
    lines.append(escape(" + ".join(prices) if prices else _("no rent")))
    if d.facilities:
        lines.append(escape(", ".join(_(rules.FACILITIES[k]) for k in rules.FACILITIES
                                      if k in d.facilities)))  # fmt: skip
    if d.buffer_before or d.buffer_after:
        lines.append(escape(_("set-up {before} min, clearing {after} min").format(
            before=d.buffer_before, after=d.buffer_after)))  # fmt: skip
    return "<br>".join(lines)
