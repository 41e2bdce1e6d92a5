"""Places typed before the venue was known become bookings when its room is added: which
activities match, what stays text, conflicts, and a series taking the room."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.activities import ActivityDetails, SeriesRule
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.rooms import RoomDetails, VenueDetails
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import activities, bookings, place_links, rooms, series
from verenigingsbeheer.services.bookings import BookingDetails, ConflictFound

D, T = dt.date, dt.time
EVENING = (T(20), T(22))


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "koor.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def add(session, title: str, day: D, place: str, times: tuple[T, T] = EVENING) -> int:
    return activities.create_activity(
        session, ActivityDetails("rehearsal", title, day, *times, place)
    )


def add_regentes(session) -> tuple[int, int]:
    venue = rooms.create_venue(session, VenueDetails("De Regentes", "Weimarstraat", "63"))
    hall = rooms.create_room(session, venue, RoomDetails("Grote zaal", 80))
    studio = rooms.create_room(session, venue, RoomDetails("Studio 2", 25))
    return hall, studio


def test_the_places_naming_the_room_or_its_venue_are_found_and_the_rest_stays_text(db):
    with db.transaction() as session:
        ids = {
            "exact": add(session, "A", D(2027, 3, 2), "De Regentes – Grote zaal"),
            "accents": add(session, "B", D(2027, 3, 3), "  dé regentes,  GROTE zaal "),
            "venue": add(session, "C", D(2027, 3, 4), "De Regentes, Weimarstraat 63"),
            "address": add(session, "D", D(2027, 3, 5), "Wijkcentrum De Regentes, Weimarstraat 63"),
            "studio": add(session, "E", D(2027, 3, 6), "De Regentes - Studio 2"),
            "other venue": add(session, "F", D(2027, 3, 7), "Lutherse Kerk, Lutherse Burgwal 9"),
            "longer name": add(session, "G", D(2027, 3, 8), "De Regentesse"),
            "cancelled": add(session, "H", D(2027, 3, 9), "De Regentes"),
            "booked": add(session, "I", D(2027, 3, 10), "De Regentes"),
            "no place": add(session, "J", D(2027, 3, 11), ""),
        }  # fmt: skip
        activities.cancel_activity(session, ids["cancelled"])
        hall, studio = add_regentes(session)
        bookings.place_activity(session, ids["booked"], studio)  # booked already: left alone
    with db.reading() as session:
        found = place_links.places_matching(session, hall)
        names = {activity_id: key for key, activity_id in ids.items()}
        assert [(names[m.activity.activity_id], m.names_room) for m in found] == [
            ("exact", True), ("accents", True), ("venue", False), ("address", False)
        ]  # fmt: skip
        assert found[2].activity.place == "De Regentes, Weimarstraat 63"  # still the text
    with db.transaction() as session:
        assert place_links.link_places(session, hall) == 4
    with db.reading() as session:
        rows = {row.activity_id: row for row in activities.list_activities(session)}
        assert place_links.places_matching(session, hall) == []
    for key in ("exact", "accents", "venue", "address"):
        row = rows[ids[key]]
        assert (row.room_id, row.free_place, row.place) == (hall, "", "De Regentes – Grote zaal")
    assert rows[ids["studio"]].free_place == "De Regentes - Studio 2"  # for Studio 2 later
    assert rows[ids["other venue"]].free_place == "Lutherse Kerk, Lutherse Burgwal 9"
    assert rows[ids["longer name"]].free_place == "De Regentesse"
    assert (rows[ids["cancelled"]].room_id, rows[ids["cancelled"]].free_place) == (
        None, "De Regentes")  # fmt: skip
    assert rows[ids["booked"]].room_id == studio
    with db.transaction() as session:
        assert place_links.link_places(session, studio) == 1
    with db.reading() as session:
        assert activities.get_activity(session, ids["studio"]).room_id == studio


def test_only_the_activities_the_board_chose(db):
    with db.transaction() as session:
        first = add(session, "A", D(2027, 3, 2), "De Regentes")
        second = add(session, "B", D(2027, 3, 9), "De Regentes")
        hall, _studio = add_regentes(session)
    with db.transaction() as session:
        assert place_links.link_places(session, hall, activity_ids=[second]) == 1
    with db.reading() as session:
        assert activities.get_activity(session, first).free_place == "De Regentes"
        assert activities.get_activity(session, second).room_id == hall


def test_a_conflict_is_refused_naming_it_or_booked_marked_when_accepted(db):
    with db.transaction() as session:
        rehearsal = add(session, "Repetitie", D(2027, 3, 2), "De Regentes, Grote zaal")
        one = add(session, "Mannen", D(2027, 3, 6), "De Regentes", (T(10), T(12)))
        two = add(session, "Vrouwen", D(2027, 3, 6), "De Regentes", (T(11), T(13)))
        hall, _studio = add_regentes(session)
        yoga = bookings.book(
            session, BookingDetails(hall, D(2027, 3, 2), T(18), T(20, 30), purpose="Yoga")
        )
    with pytest.raises(ConflictFound) as refused, db.transaction() as session:
        place_links.link_places(session, hall)
    # the booking in the way, and one of the two sectionals in the other's way
    in_the_way = [(row.booking_id == yoga, row.what) for row in refused.value.conflicts]
    assert in_the_way == [(True, "Yoga"), (False, "Mannen")]
    assert "Yoga" in str(refused.value)
    with db.reading() as session:  # refused: nothing linked
        assert len(place_links.places_matching(session, hall)) == 3
        assert len(bookings.list_bookings(session)) == 1
    with db.transaction() as session:
        assert place_links.link_places(session, hall, accept_conflicts=True) == 3
    with db.reading() as session:
        marked = {row.activity_id: row.conflict_accepted for row in bookings.list_bookings(session)}
    assert marked == {None: False, rehearsal: True, one: False, two: True}


def test_a_series_takes_the_room_when_all_its_occurrences_are_linked(db):
    rule = SeriesRule(1, T(20), T(22), D(2027, 3, 2), D(2027, 3, 30))
    plan = series.SeriesDetails("rehearsal", "Repetitie", rule, "DE REGENTES, Weimarstraat 63")
    early = SeriesRule(1, T(18), T(19, 30), D(2027, 3, 2), D(2027, 3, 30))
    other = series.SeriesDetails("rehearsal", "Bandje", early, "De Regentes")
    with db.transaction() as session:
        series_id = series.plan_series(session, plan)
        other_id = series.plan_series(session, other)
        dates = {row.date: row for row in activities.list_activities(session)
                 if row.series_id == series_id}  # fmt: skip
        activities.cancel_activity(session, dates[D(2027, 3, 9)].activity_id)
        activities.update_activity(  # changed on its own: elsewhere that day
            session, dates[D(2027, 3, 16)].activity_id,
            ActivityDetails("rehearsal", "Repetitie", D(2027, 3, 16), T(20), T(22),
                            "Kloosterkerk"),
        )  # fmt: skip
        hall, studio = add_regentes(session)
        # the other series goes to Studio 2, except one occurrence: to the hall below
        theirs = [row.activity_id for row in activities.list_activities(session)
                  if row.series_id == other_id]  # fmt: skip
        assert place_links.link_places(session, studio, activity_ids=theirs[1:]) == 4
    with db.transaction() as session:
        assert place_links.link_places(session, hall) == 4
    with db.reading() as session:
        mine = series.get_series(session, series_id)
        assert (mine.room_id, mine.place) == (hall, "")
        theirs_now = series.get_series(session, other_id)  # in two rooms: keeps its text
        assert (theirs_now.room_id, theirs_now.place) == (None, "De Regentes")
        rows = {row.date: row for row in activities.list_activities(session)
                if row.series_id == series_id}  # fmt: skip
    assert rows[D(2027, 3, 9)].cancelled and rows[D(2027, 3, 9)].room_id is None
    assert rows[D(2027, 3, 16)].free_place == "Kloosterkerk"
    assert {rows[day].room_id for day in (D(2027, 3, 2), D(2027, 3, 23), D(2027, 3, 30))} == {
        hall}  # fmt: skip
    with db.transaction() as session:  # a longer season: the new occurrences booked too
        longer = replace(mine, rule=replace(mine.rule, last_date=D(2027, 4, 13)))
        series.change_series_from(session, series_id, D(2027, 3, 23), longer)
    with db.reading() as session:
        booked = bookings.list_bookings(session, D(2027, 4, 1), room_id=hall)
    assert [row.date for row in booked] == [D(2027, 4, 6), D(2027, 4, 13)]


def test_a_room_that_is_gone(db):
    with pytest.raises(UserError), db.reading() as session:
        place_links.places_matching(session, 99)
