"""The rooms page with real widgets on a real file: a venue and its rooms made in their
forms, a booking that collides and is marked when the board insists, a series booked with
its conflicts left out, invoiced and paid, the rent of the year; and an activity whose
place is a room."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.attendance_data import TODAY, D, T, make_choir
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.services import activities, booking_checks, bookings, rooms
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.pages.activities.controller import ActivitiesPage
from verenigingsbeheer.ui.pages.rooms.controller import RoomsPage


@pytest.fixture
def choir(tmp_path: Path):
    made = make_choir(tmp_path / "koor.sqlite")
    yield made
    made.database.close()


def make(qtbot, page_class, choir, asker):
    page = page_class(PageContext(choir.database, asker, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def fill_venue(qtbot):
    def step(dialog) -> bool:
        dialog.accept()  # no name: refused, said beside the field
        assert not dialog.problems["name"].isHidden()
        qtbot.keyClicks(dialog.name, "De Regentes")
        qtbot.keyClicks(dialog.street, "Weimarstraat")
        qtbot.keyClicks(dialog.house_number, "63")
        qtbot.keyClicks(dialog.contact_last, "Verhoeven")
        qtbot.keyClicks(dialog.contact_first, "Ingrid")
        dialog.accept()
        return dialog.result() == 1

    return step


def fill_room(qtbot, name: str, rate: str):
    def step(dialog) -> bool:
        qtbot.keyClicks(dialog.name, name)
        dialog.capacity.setValue(60)
        qtbot.keyClicks(dialog.hourly_rate, "-3")
        dialog.accept()
        assert "negatief" in dialog.problems["hourly_rate"].text()
        dialog.hourly_rate.clear()
        qtbot.keyClicks(dialog.hourly_rate, rate)
        dialog.facilities["piano"].setChecked(True)
        dialog.before.setValue(15)
        dialog.after.setValue(15)
        dialog.accept()
        return dialog.result() == 1

    return step


def test_venue_room_and_a_booking_that_collides_is_marked_when_insisted(qtbot, choir, asker):
    page = make(qtbot, RoomsPage, choir, asker)
    assert page.places_empty.isVisible() and not page.new_booking_action.isEnabled()
    asker.dialog_steps.append(fill_venue(qtbot))
    page.new_venue_action.trigger()
    asker.dialog_steps.append(fill_room(qtbot, "Grote zaal", "35,00"))
    page.new_room_action.trigger()
    with choir.database.reading() as session:
        [venue] = rooms.list_venues(session)
    [hall] = venue.rooms
    assert venue.details.contact_last_name == "Verhoeven"
    assert (hall.details.capacity, hall.details.hourly_rate) == (60, Money.euros("35"))
    assert page.room_id() == hall.room_id and "€\xa035,00 per uur" in page.place_details.text()

    def book(purpose: str, start: T, end: T):
        def step(dialog) -> bool:
            qtbot.keyClicks(dialog.purpose, purpose)
            dialog.date.set_date(D(2027, 1, 12))
            dialog.start.set_time(start)
            dialog.end.set_time(end)
            assert "€\xa070,00" in dialog.computed.text()  # two hours at € 35
            dialog.accept()
            return dialog.result() == 1

        return step

    asker.dialog_steps.append(book("Ledenvergadering", T(19), T(21)))
    page.new_booking_action.trigger()
    asker.dialog_steps.append(book("Bandje", T(21), T(23)))  # within our 15 minutes
    asker.confirm_answers.append(False)  # told it collides: not saved
    page.new_booking_action.trigger()
    assert "Ledenvergadering" in asker.confirmed[-1]
    with choir.database.reading() as session:
        assert len(bookings.list_bookings(session)) == 1
    asker.dialog_steps.append(book("Bandje", T(21), T(23)))
    asker.confirm_answers.append(True)  # insists: two groups share the hall
    page.new_booking_action.trigger()
    with choir.database.reading() as session:
        [pair] = booking_checks.all_conflicts(session)
    assert pair.accepted
    assert page.conflicts_model.rowCount() == 1 and page.tabs.tabText(2) == "Conflicten (1)"
    page.tabs.setCurrentIndex(1)
    page.period.setCurrentIndex(page.period.findText("Alles"))
    marked = [page.bookings_model.index(n, 8).data() for n in range(page.bookings_model.rowCount())]
    assert all(text.startswith("⚠ Dubbel geboekt met") for text in marked)
    page.week.set_week(D(2027, 1, 12))
    page.anchor = D(2027, 1, 12)
    page.tabs.setCurrentIndex(0)
    page._show_calendar()
    assert all(item.title.startswith("⚠") for item in page.week.activities())


def test_a_series_booked_with_its_conflicts_left_out_then_invoiced_and_paid(qtbot, choir, asker):
    with choir.database.transaction() as session:
        venue = rooms.create_venue(session, rooms.VenueDetails("De Regentes"))
        hall = rooms.create_room(
            session, venue, rooms.RoomDetails("Grote zaal", hourly_rate=Money.euros("30"))
        )
        bookings.book(session, bookings.BookingDetails(hall, D(2026, 12, 8), T(21), T(23),
                                                       purpose="Yoga"))  # fmt: skip
    page = make(qtbot, RoomsPage, choir, asker)

    def choose(dialog) -> bool:
        assert dialog.series.count() == 1 and dialog.room.currentData() == hall
        dialog.from_day.set_date(D(2026, 12, 1))
        dialog.accept()
        return dialog.result() == 1

    asker.dialog_steps.append(choose)
    asker.choose_answers.append("skip")
    page.series_action.trigger()
    assert asker.choices[-1][1] == ["skip", "accept"] and "Yoga" in asker.choices[-1][0]
    assert "3 keer geboekt" in asker.informed[-1][1] and "1 overgeslagen" in asker.informed[-1][1]
    with choir.database.reading() as session:
        booked = [r.what for r in bookings.list_bookings(session, room_id=hall)]
    assert booked.count("Repetitie") == 3 and "Yoga" in booked
    page.tabs.setCurrentIndex(1)
    page.period.setCurrentIndex(page.period.findText("Alles"))
    table = page.bookings_table
    table.selectRow(0)
    table.selectionModel().select(
        page.bookings_model.index(1, 0), table.selectionModel().SelectionFlag.Select
        | table.selectionModel().SelectionFlag.Rows,
    )  # fmt: skip
    page.paid_action.trigger()  # what is paid was invoiced
    with choir.database.reading() as session:
        rows = bookings.list_bookings(session, room_id=hall)
    assert [(r.invoiced, r.paid) for r in rows[:2]] == [(True, True), (True, True)]
    assert not rows[2].paid
    page.tabs.setCurrentIndex(3)
    page.year.setValue(2026)
    [venue_line, room_line] = [page.rent_model.row_at(n) for n in range(2)]
    assert room_line[3].booked == Money.euros("240.00")  # 3 x 2 h at € 30 and Yoga's 2 h
    assert room_line[3].paid == Money.euros("120.00")  # the first two


def test_an_activitys_place_is_a_room_and_moving_it_into_another_booking_asks(qtbot, choir, asker):
    with choir.database.transaction() as session:
        venue = rooms.create_venue(session, rooms.VenueDetails("De Regentes"))
        hall = rooms.create_room(session, venue, rooms.RoomDetails("Grote zaal"))
        bookings.book(session, bookings.BookingDetails(hall, D(2026, 12, 10), T(20), T(22),
                                                       purpose="Yoga"))  # fmt: skip
    page = make(qtbot, ActivitiesPage, choir, asker)
    first = choir.rehearsals[0]

    def place(dialog) -> bool:
        dialog.place.room.setCurrentIndex(dialog.place.room.findData(hall))
        assert dialog.place.text.isHidden()  # the room is the place
        dialog.accept()
        return dialog.result() == 1

    page.select_activity(first)
    asker.dialog_steps.append(place)
    page.edit_action.trigger()
    with choir.database.reading() as session:
        row = activities.get_activity(session, first)
    assert (row.place, row.room_id) == ("De Regentes – Grote zaal", hall)

    def move(dialog) -> bool:
        dialog.date.set_date(D(2026, 12, 10))
        dialog.accept()
        return True

    asker.dialog_steps.append(move)
    asker.confirm_answers.append(False)
    page.move_action.trigger()
    assert "Yoga" in asker.confirmed[-1]
    with choir.database.reading() as session:
        assert activities.get_activity(session, first).date == D(2026, 12, 1)  # not moved
    asker.dialog_steps.append(move)
    asker.confirm_answers.append(True)
    page.move_action.trigger()
    with choir.database.reading() as session:
        assert activities.get_activity(session, first).date == D(2026, 12, 10)
        assert bookings.booking_of_activity(session, first).conflict_accepted
    page.select_activity(first)
    assert "Dubbel geboekt met Yoga" in page.details.text()


def test_typed_places_are_offered_to_the_new_room(qtbot, choir, asker):
    with choir.database.transaction() as session:
        for activity_id in choir.rehearsals:
            row = activities.get_activity(session, activity_id)
            activities.update_activity(
                session, activity_id, row.details.__class__(**{**row.details.__dict__,
                                                              "place": "De Regentes"})
            )  # fmt: skip
        rooms.create_venue(session, rooms.VenueDetails("De Regentes"))
    page = make(qtbot, RoomsPage, choir, asker)
    asker.dialog_steps.append(fill_room(qtbot, "Grote zaal", "35"))
    asker.confirm_answers.append(True)
    page.new_room_action.trigger()
    assert "4 activiteiten hebben 'De Regentes' als plaats" in asker.confirmed[-1]
    with choir.database.reading() as session:
        rows = activities.list_activities(session, kind="rehearsal")
    assert {r.place for r in rows} == {"De Regentes – Grote zaal"}
    assert all(r.free_place == "" for r in rows)


def test_read_only_changes_nothing(qtbot, choir, asker):
    from verenigingsbeheer.ui.read_only import EditGuard

    with choir.database.transaction() as session:
        venue = rooms.create_venue(session, rooms.VenueDetails("De Regentes"))
        rooms.create_room(session, venue, rooms.RoomDetails("Grote zaal"))
    page = RoomsPage(PageContext(choir.database, asker, today=lambda: TODAY, read_only=True))
    qtbot.addWidget(page)
    guard = EditGuard(page)
    guard.add(page.editing_controls())
    guard.set_read_only(True)
    page.refresh()
    assert not page.new_booking_action.isEnabled() and not page.new_venue_action.isEnabled()
    assert page.rent_print_action.isEnabled()
    qtbot.mouseDClick(page.week, Qt.MouseButton.LeftButton)
    assert asker.dialogs == []


def test_the_dashboard_lists_coming_double_bookings(qtbot, choir, asker):
    from verenigingsbeheer.ui.pages.dashboard.controller import DashboardPage

    with choir.database.transaction() as session:
        venue = rooms.create_venue(session, rooms.VenueDetails("De Regentes"))
        hall = rooms.create_room(session, venue, rooms.RoomDetails("Grote zaal"))
        for day, purpose in ((D(2026, 12, 1), "Yoga"), (D(2026, 12, 22), "Bandje")):
            bookings.book(session, bookings.BookingDetails(hall, day, T(21), T(23),
                                                           purpose=purpose))  # fmt: skip
        bookings.book_series(session, 1, hall, on_conflict="accept")  # the Tuesday series
    page = make(qtbot, DashboardPage, choir, asker)
    text = page.conflicts.text()
    assert not page.conflicts.isHidden() and "Bandje" in text  # 22 December is coming
    assert "Yoga" not in text  # 1 December lies behind us (today is 15 December)
    with choir.database.transaction() as session:
        bandje = next(r for r in bookings.list_bookings(session) if r.what == "Bandje")
        bookings.set_status(session, bandje.booking_id, "cancelled")
    page.refresh()
    assert page.conflicts.isHidden()


def test_a_booking_deleted_from_the_calendar_and_a_conflict_opened_from_the_list(
    qtbot, choir, asker
):
    with choir.database.transaction() as session:
        venue = rooms.create_venue(session, rooms.VenueDetails("De Regentes"))
        hall = rooms.create_room(session, venue, rooms.RoomDetails("Grote zaal"))
        studio = rooms.create_room(session, venue, rooms.RoomDetails("Studio"))
        yoga = bookings.book(session, bookings.BookingDetails(hall, D(2026, 12, 15), T(10),
                                                              T(11), purpose="Yoga"))  # fmt: skip
        for purpose in ("Koor", "Bandje"):  # an old double booking in the other room
            bookings.book(session, bookings.BookingDetails(studio, D(2026, 10, 6), T(20), T(22),
                                                           purpose=purpose),
                          accept_conflicts=True)  # fmt: skip
    page = make(qtbot, RoomsPage, choir, asker)
    rect = page.week.activity_rect(yoga)
    qtbot.mouseClick(page.week, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert [b.booking_id for b in page.selected_bookings()] == [yoga]
    asker.confirm_answers.append(True)
    page.delete_booking_action.trigger()
    with choir.database.reading() as session:
        assert yoga not in {b.booking_id for b in bookings.list_bookings(session)}
    page.refresh()  # the calendar's old choice is gone: nothing breaks
    assert page.selected_bookings() == []
    page.past_conflicts.setChecked(True)
    assert page.conflicts_model.rowCount() == 1

    def look(dialog) -> bool:
        assert dialog.purpose.text() == "Koor" and dialog.room.currentData() == studio
        return False

    asker.dialog_steps.append(look)
    page.conflicts_table.doubleClicked.emit(page.conflicts_model.index(0, 0))
    assert len(asker.dialogs) == 1
