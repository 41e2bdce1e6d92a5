"""Rooms and bookings on a real file: overlaps at the edges and with buffers, a series
booked with conflicts, what a booking costs, an activity's place following it, capacity."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from verenigingsbeheer.db.models import Person, Venue
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.domain.activities import ActivityDetails, SeriesRule
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.rooms import RoomDetails, VenueDetails
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.services import (
    activities,
    booking_checks,
    bookings,
    categories,
    member_records,
    person_data,
    rooms,
    series,
)
from verenigingsbeheer.services.bookings import BookingDetails, ConflictFound

D, T = dt.date, dt.time
HALL = RoomDetails("Grote zaal", 60, Money.euros("35.00"), None, frozenset({"piano"}), 15, 30)


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "koor.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


@pytest.fixture
def hall(db) -> int:
    with db.transaction() as session:
        venue = rooms.create_venue(
            session,
            VenueDetails("De Regentes", "Weimarstraat", "63", "2562 GR", "Den Haag",
                         contact_first_name="Hans", contact_last_name="Beheer",
                         contact_phone="070-1234567"),
        )  # fmt: skip
        return rooms.create_room(session, venue, HALL)


def booking(room: int, day: D, start: T, end: T, **more) -> BookingDetails:
    return BookingDetails(room, day, start, end, **more)


def test_overlaps_at_the_edges_with_the_rooms_buffers(db, hall):
    with db.transaction() as session:
        bookings.book(session, booking(hall, D(2027, 3, 2), T(20), T(22), purpose="Koor"))
    cases = {  # another booking that day: conflict?  (15 min set-up before, 30 after)
        (T(17), T(19, 15)): False,  # ends with its clearing where ours starts setting up
        (T(17), T(19, 16)): True,  # a minute more
        (T(22, 45), T(23, 30)): False,  # its set-up starts where our clearing ends
        (T(22, 44), T(23, 30)): True,
        (T(20, 30), T(21)): True,  # inside
        (T(18), T(23)): True,  # around
    }
    with db.reading() as session:
        for (start, end), clash in cases.items():
            found = bookings.conflicts_with(session, hall, D(2027, 3, 2), start, end)
            assert bool(found) == clash, (start, end)
        assert not bookings.conflicts_with(session, hall, D(2027, 3, 3), T(20), T(22))


def test_a_conflict_is_refused_then_saved_marked_when_insisted_and_cancelled_ones_free(db, hall):
    with db.transaction() as session:
        first = bookings.book(session, booking(hall, D(2027, 3, 2), T(20), T(22), purpose="A"))
    with (
        pytest.raises(ConflictFound, match="De Regentes – Grote zaal") as refused,
        db.transaction() as session,
    ):
        bookings.book(session, booking(hall, D(2027, 3, 2), T(21), T(23), purpose="B"))
    assert [row.booking_id for row in refused.value.conflicts] == [first]
    with db.transaction() as session:
        second = bookings.book(
            session, booking(hall, D(2027, 3, 2), T(21), T(23), purpose="B"),
            accept_conflicts=True,
        )  # fmt: skip
    with db.reading() as session:
        assert bookings.get_booking(session, second).conflict_accepted
        [pair] = booking_checks.all_conflicts(session)
        assert {pair.first.booking_id, pair.second.booking_id} == {first, second}
        assert pair.accepted
    with db.transaction() as session:
        bookings.set_status(session, first, "cancelled")
    with db.reading() as session:
        assert booking_checks.all_conflicts(session) == []
    with pytest.raises(ConflictFound), db.transaction() as session:
        bookings.set_status(session, first, "confirmed")  # the hall went to B meanwhile


def test_the_cost_from_the_rates_or_as_agreed(db, hall):
    assert rules.cost(HALL, T(20), T(22, 15)) == Money.euros("78.75")  # 2.25 h x 35
    fixed = RoomDetails("Kerk", fixed_rate=Money.euros("250"), hourly_rate=Money.euros("12.5"))
    assert rules.cost(fixed, T(14), T(17, 20)) == Money.euros("291.67")  # 250 + 3 1/3 h
    assert rules.cost(RoomDetails("Gratis"), T(10), T(12)) == Money(0)
    with db.transaction() as session:
        computed = bookings.book(session, booking(hall, D(2027, 3, 2), T(20), T(22, 15)))
        agreed = bookings.book(
            session, booking(hall, D(2027, 3, 9), T(20), T(22, 15), cost=Money.euros("60"))
        )
    with db.reading() as session:
        assert bookings.get_booking(session, computed).cost == Money.euros("78.75")
        assert bookings.get_booking(session, agreed).cost == Money.euros("60.00")
    with pytest.raises(ValidationFailed), db.transaction() as session:
        bookings.book(session, booking(hall, D(2027, 3, 2), T(22), T(20)))


def test_room_rules_are_checked():
    wrong = RoomDetails("", -1, Money(-1), Money(-5), frozenset({"sauna"}), -5, 300)
    assert set(rules.validate_room(wrong)) == {
        "name", "capacity", "hourly_rate", "fixed_rate", "facilities", "buffer_before",
        "buffer_after",
    }  # fmt: skip
    assert rules.validate_room(HALL) == {}


def test_an_activitys_place_is_its_booking_and_follows_it(db, hall):
    with db.transaction() as session:
        made = activities.create_activity(
            session, ActivityDetails("rehearsal", "Repetitie", D(2027, 3, 2), T(20), T(22))
        )
        bookings.place_activity(session, made, hall)
        other = bookings.book(session, booking(hall, D(2027, 3, 4), T(19), T(21), purpose="Yoga"))
    with db.reading() as session:
        row = activities.get_activity(session, made)
        assert (row.place, row.room_id, row.free_place) == ("De Regentes – Grote zaal", hall, "")
    with db.transaction() as session:  # the same day, later: the booking moves along
        activities.move_activity(session, made, D(2027, 3, 2), T(19), T(22, 30))
    with db.reading() as session:
        moved = bookings.booking_of_activity(session, made)
        assert (moved.start_time, moved.end_time, moved.cost) == (
            T(19), T(22, 30), Money.euros("122.50"))  # fmt: skip
    with pytest.raises(ConflictFound, match="Yoga"), db.transaction() as session:
        activities.move_activity(session, made, D(2027, 3, 4), T(20), T(22))
    with db.reading() as session:  # refused: nothing moved
        assert activities.get_activity(session, made).date == D(2027, 3, 2)
    with db.transaction() as session:
        activities.move_activity(session, made, D(2027, 3, 4), T(20), T(22), accept_conflicts=True)
    with db.reading() as session:
        assert bookings.booking_of_activity(session, made).conflict_accepted
        assert bookings.get_booking(session, other).status == "confirmed"
    with db.transaction() as session:  # cancelled: the room is free again
        activities.cancel_activity(session, made)
    with db.reading() as session:
        assert bookings.booking_of_activity(session, made).status == "cancelled"
        assert booking_checks.all_conflicts(session) == []
    with db.transaction() as session:
        activities.delete_activity(session, made)
    with db.reading() as session:
        assert [r.booking_id for r in bookings.list_bookings(session)] == [other]


def test_booking_a_series_names_its_conflicts_and_books_the_others(db, hall):
    rule = SeriesRule(1, T(20), T(22, 15), D(2027, 3, 2), D(2027, 3, 30))
    with db.transaction() as session:
        series_id = series.plan_series(session, series.SeriesDetails("rehearsal", "Rep", rule))
        theirs = bookings.book(
            session, booking(hall, D(2027, 3, 16), T(22, 30), T(23, 30), purpose="Bandje")
        )  # starts 15 minutes after ours ends: inside our 30 minutes of clearing
    with pytest.raises(ConflictFound, match="Bandje"), db.transaction() as session:
        bookings.book_series(session, series_id, hall)
    with db.reading() as session:
        assert len(bookings.list_bookings(session)) == 1  # nothing booked
    with db.transaction() as session:
        result = bookings.book_series(session, series_id, hall, on_conflict="skip")
    assert (result.booked, result.left_out) == (4, 1)
    assert [row.booking_id for row in result.conflicted] == [theirs]
    with db.transaction() as session:
        result = bookings.book_series(session, series_id, hall, on_conflict="accept")
    assert result.booked == 5
    with db.reading() as session:
        [pair] = booking_checks.all_conflicts(session)
        assert pair.first.date == D(2027, 3, 16) and pair.accepted


def test_a_series_planned_in_a_room_books_it_and_a_change_moves_the_bookings(db, hall):
    rule = SeriesRule(1, T(20), T(22), D(2027, 3, 2), D(2027, 3, 30))
    details = series.SeriesDetails("rehearsal", "Rep", rule, room_id=hall)
    with db.transaction() as session:
        series_id = series.plan_series(session, details)
    with db.reading() as session:
        assert len(bookings.list_bookings(session, room_id=hall)) == 5
        assert series.get_series(session, series_id).room_id == hall
    thursdays = SeriesRule(3, T(19), T(21), rule.first_date, rule.last_date)
    later = series.SeriesDetails("rehearsal", "Rep", thursdays, room_id=hall)
    with db.transaction() as session:
        series.change_series_from(session, series_id, D(2027, 3, 16), later)
    with db.reading() as session:
        booked = [(b.date, b.start_time, b.status) for b in bookings.list_bookings(session)]
    assert booked == [
        (D(2027, 3, 2), T(20), "confirmed"), (D(2027, 3, 9), T(20), "confirmed"),
        (D(2027, 3, 18), T(19), "confirmed"), (D(2027, 3, 25), T(19), "confirmed"),
        (D(2027, 3, 30), T(20), "cancelled"),  # no Thursday left for it before the end
    ]  # fmt: skip


def test_capacity_warning_for_members_and_audience(db, hall):
    with db.transaction() as session:
        alt = categories.add_category(session, "section", "Alt")
        for n in range(3):
            member_records.create_member(
                session, MemberDetails(f"Lid{n}", "Koor", member_since=D(2020, 1, 1),
                                       section_id=alt), D(2020, 1, 1),
            )  # fmt: skip
        small = rooms.create_room(
            session, rooms.list_venues(session)[0].venue_id, RoomDetails("Foyer", capacity=50)
        )
        concert = activities.create_activity(
            session,
            ActivityDetails("performance", "Concert", D(2027, 3, 6), T(15), T(17),
                            audience=48),
        )  # fmt: skip
        bookings.place_activity(session, concert, small)
    with db.reading() as session:
        row = bookings.booking_of_activity(session, concert)
        assert booking_checks.capacity_problem(session, row) == (
            "De Regentes – Foyer heeft plaats voor 50; 51 personen verwacht.")  # fmt: skip
        assert booking_checks.capacity_problems(session) == {
            row.booking_id: booking_checks.capacity_problem(session, row)}  # fmt: skip
    with db.transaction() as session:
        bookings.place_activity(session, concert, hall)  # 60 seats
    with db.reading() as session:
        assert booking_checks.capacity_problems(session) == {}


def test_venues_keep_their_contact_as_a_person_and_rooms_with_bookings_stay(db, hall):
    with db.reading() as session:
        [venue] = rooms.list_venues(session)
        assert venue.details.contact_last_name == "Beheer"
        assert venue.address == "Weimarstraat 63, 2562 GR  DEN HAAG"
        contact = session.execute(select(Venue.contact_person_id)).scalar_one()
        found = person_data.collect(session, contact, D(2027, 1, 1))
        assert "De Regentes" in str(found)  # a request for access finds the venue
    with db.transaction() as session:
        bookings.book(session, booking(hall, D(2027, 3, 2), T(20), T(22)))
    with pytest.raises(UserError, match="1 boeking;"), db.transaction() as session:
        rooms.delete_room(session, hall)
    with pytest.raises(UserError, match="zalen"), db.transaction() as session:
        rooms.delete_venue(session, venue.venue_id)
    with db.transaction() as session:  # no contact any more: the person is gone too
        rooms.update_venue(
            session, venue.venue_id, VenueDetails("De Regentes", "Weimarstraat", "63")
        )
    with db.reading() as session:
        assert rooms.list_venues(session)[0].details.has_contact is False
        assert session.get(Person, contact) is None


FIRST_TUESDAY = D(2027, 3, 2)


def rehearsal(session, day: D = FIRST_TUESDAY) -> int:
    return activities.create_activity(
        session, ActivityDetails("rehearsal", "Repetitie", day, T(20), T(22))
    )


def test_a_settled_cost_stays_what_was_charged(db, hall):
    with db.transaction() as session:
        made = rehearsal(session)
        booking_id = bookings.place_activity(session, made, hall)
        bookings.mark(session, [booking_id], paid=True)
        rooms.update_room(session, hall, replace(HALL, hourly_rate=Money.euros("50")))
    with db.transaction() as session:  # another title, or a later start: still what was paid
        row = activities.get_activity(session, made)
        activities.update_activity(session, made, replace(row.details, title="Repetitie!"))
        activities.move_activity(session, made, D(2027, 3, 2), T(19, 30), T(22))
    with db.reading() as session:
        assert bookings.get_booking(session, booking_id).cost == Money.euros("70.00")
    with db.transaction() as session:  # not settled: a change of times follows the rates
        other = rehearsal(session, D(2027, 3, 9))
        second = bookings.place_activity(session, other, hall)
        row = activities.get_activity(session, other)
        activities.update_activity(session, other, replace(row.details, title="Anders"))
        assert bookings.get_booking(session, second).cost == Money.euros("100.00")
        activities.move_activity(session, other, D(2027, 3, 9), T(20), T(23))
        assert bookings.get_booking(session, second).cost == Money.euros("150.00")


def test_another_room_leaves_a_paid_booking_behind_and_a_typed_place_keeps_it(db, hall):
    with db.transaction() as session:
        venue = rooms.list_venues(session)[0].venue_id
        studio = rooms.create_room(
            session, venue, RoomDetails("Studio", hourly_rate=Money.euros("10"))
        )
        made = rehearsal(session)
        paid = bookings.place_activity(session, made, hall)
        bookings.mark(session, [paid], paid=True)
        row = activities.get_activity(session, made)
        activities.update_activity(session, made, row.details, room=studio)
    with db.reading() as session:
        old = bookings.get_booking(session, paid)
        new = bookings.booking_of_activity(session, made)
        assert (old.status, old.paid, old.room_id, old.activity_id) == (
            "cancelled", True, hall, None)  # fmt: skip
        assert old.purpose == "Repetitie" and old.cost == Money.euros("70.00")
        assert (new.room_id, new.cost, new.paid) == (studio, Money.euros("20.00"), False)
    with db.transaction() as session:  # a typed place: the unpaid studio booking goes
        row = activities.get_activity(session, made)
        activities.update_activity(session, made, replace(row.details, place="Bij Anna"), room=None)
    with db.reading() as session:
        row = activities.get_activity(session, made)
        assert (row.place, row.room_id) == ("Bij Anna", None)
        assert [b.booking_id for b in bookings.list_bookings(session)] == [paid]


def test_a_room_and_times_changed_together_are_checked_once_as_chosen(db, hall):
    with db.transaction() as session:
        studio = rooms.create_room(
            session, rooms.list_venues(session)[0].venue_id, RoomDetails("Studio")
        )
        made = rehearsal(session)
        bookings.place_activity(session, made, hall)
        bookings.book(session, booking(hall, D(2027, 3, 2), T(17), T(18), purpose="Toneel"))
        bookings.book(session, booking(studio, D(2027, 3, 2), T(17, 30), T(19), purpose="Yoga"))
    row = None
    with pytest.raises(ConflictFound, match="Yoga") as found, db.transaction() as session:
        row = activities.get_activity(session, made)
        later = replace(row.details, start_time=T(17), end_time=T(19))
        activities.update_activity(session, made, later, room=studio)
    assert "Toneel" not in found.value.message  # only what is in the way where it goes


def test_a_booking_the_board_cancelled_stays_cancelled(db, hall):
    with db.transaction() as session:
        made = rehearsal(session)
        booking_id = bookings.place_activity(session, made, hall)
        bookings.set_status(session, booking_id, "cancelled")
        row = activities.get_activity(session, made)
        activities.update_activity(session, made, replace(row.details, title="Repetitie 2"))
    with db.reading() as session:
        assert bookings.get_booking(session, booking_id).status == "cancelled"
        row = activities.get_activity(session, made)
        assert (row.place, row.room_id) == ("", None)  # no room: not shown nor exported
    with db.transaction() as session:
        activities.cancel_activity(session, made)
    with pytest.raises(UserError, match="afgelast"), db.transaction() as session:
        bookings.set_status(session, booking_id, "confirmed")
    with db.transaction() as session:  # takes place after all: the room is wanted again
        activities.cancel_activity(session, made, cancelled=False)
    with db.reading() as session:
        assert bookings.get_booking(session, booking_id).status == "confirmed"


def test_undoing_a_deleted_activity_brings_its_booking_back(db, hall):
    from verenigingsbeheer.services import history

    with db.transaction() as session:
        made = rehearsal(session)
        bookings.place_activity(session, made, hall)
    with db.transaction() as session:
        activities.delete_activity(session, made)
    with db.reading() as session:
        assert bookings.list_bookings(session) == []
        last = history.last_undoable(session, db.actions)
    with db.transaction() as session:
        history.undo(session, last.action_id)
    with db.reading() as session:
        assert activities.get_activity(session, made).room_id == hall


def test_longer_set_up_time_that_makes_bookings_overlap_asks_first(db, hall):
    with db.transaction() as session:
        bookings.book(session, booking(hall, D(2027, 3, 2), T(18), T(19, 30), purpose="A"))
        bookings.book(session, booking(hall, D(2027, 3, 2), T(20, 15), T(22), purpose="B"))
    longer = replace(HALL, buffer_before=30, buffer_after=30)  # 19:30 + 30 > 20:15 - 30
    with pytest.raises(ConflictFound, match="A"), db.transaction() as session:
        rooms.update_room(session, hall, longer)
    with db.transaction() as session:
        rooms.update_room(session, hall, longer, accept_conflicts=True)
    with db.reading() as session:
        [pair] = booking_checks.all_conflicts(session)
        assert pair.first.conflict_accepted and pair.second.conflict_accepted


def test_a_series_booked_in_full_takes_the_room(db, hall):
    rule = SeriesRule(1, T(20), T(22), D(2027, 3, 2), D(2027, 3, 16))
    with db.transaction() as session:
        series_id = series.plan_series(
            session, series.SeriesDetails("rehearsal", "Rep", rule, "De Regentes")
        )
        bookings.book_series(session, series_id, hall)
    with db.reading() as session:
        details = series.get_series(session, series_id)
    assert (details.room_id, details.place) == (hall, "")
    with db.transaction() as session:  # a longer season: the new weeks are booked too
        later = series.SeriesDetails("rehearsal", "Rep", replace(rule, last_date=D(2027, 3, 30)),
                                     room_id=hall)  # fmt: skip
        series.change_series_from(session, series_id, D(2027, 3, 2), later)
    with db.reading() as session:
        assert len(bookings.list_bookings(session, room_id=hall)) == 5


def test_a_cancelled_booking_counts_in_the_rent_only_when_it_was_charged(db, hall):
    from verenigingsbeheer.services import rent

    with db.transaction() as session:
        fee = bookings.book(session, booking(hall, D(2027, 3, 2), T(20), T(22)))  # € 70
        free = bookings.book(session, booking(hall, D(2027, 3, 9), T(20), T(22)))
        for booking_id in (fee, free):
            bookings.set_status(session, booking_id, "cancelled")
        bookings.mark(session, [fee], invoiced=True)  # the venue charged it all the same
    with db.reading() as session:
        overview = rent.rent_overview(session, 2027)
        assert rent.rent_total(session, 2027) == Money.euros("70.00")
    assert overview.total.invoiced == Money.euros("70.00") and overview.cancelled == 1
