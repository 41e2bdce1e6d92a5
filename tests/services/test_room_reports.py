"""Finding a room by how a board member types it, and refusing a bad choice before any
file is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.rent_data import make_rent_file
from verenigingsbeheer.domain.rooms import RoomDetails
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import room_reports, rooms

DAY = dt.date(2027, 1, 10)


@pytest.fixture
def made(tmp_path: Path):
    made = make_rent_file(tmp_path / "doek.sqlite")
    yield made
    made.database.close()


@pytest.mark.parametrize(
    "typed",
    ["De Regentes – Grote zaal", "de regentes - grote zaal", "DE REGENTES—Grote  Zaal",
     " grote zaal "],
)  # fmt: skip
def test_a_room_by_its_label_or_its_own_name_in_any_case(made, typed):
    with made.database.reading() as session:
        assert room_reports.find_room(session, typed).room_id == made.rooms["Grote zaal"]


def test_a_name_two_venues_share_needs_the_venue_and_an_unknown_one_lists_the_rooms(made):
    with made.database.transaction() as session:
        rooms.create_room(session, made.venues["Het Klooster"], RoomDetails("Foyer"))
    with made.database.reading() as session:
        with pytest.raises(UserError) as twice:
            room_reports.find_room(session, "foyer")
        assert twice.value.message == (
            "Er is in meer dan één locatie een zaal 'foyer'; noem ook de locatie: "
            "De Regentes – Foyer, Het Klooster – Foyer."
        )
        found = room_reports.find_room(session, "Het Klooster - Foyer")
        assert found.label == "Het Klooster – Foyer"
        with pytest.raises(UserError) as unknown:
            room_reports.find_room(session, "Zolder")
        assert unknown.value.message == (
            "Onbekende zaal 'Zolder'; kies uit: De Regentes – Foyer, De Regentes – Grote zaal, "
            "Het Klooster – Foyer, Het Klooster – Kapel."
        )


def test_bad_choices_are_refused_before_anything_is_written(made, tmp_path: Path):
    path = tmp_path / "lijst.pdf"
    hall = made.rooms["Grote zaal"]
    with made.database.reading() as session:
        with pytest.raises(UserError, match="Kies een jaar van 1950 tot en met 2100."):
            room_reports.make_rent_overview(session, path, DAY, 1800)
        with pytest.raises(UserError, match="Het einde ligt vóór het begin."):
            room_reports.make_room_schedule(session, path, DAY, hall, DAY, DAY - dt.timedelta(1))
        with pytest.raises(UserError, match="Deze zaal bestaat niet meer."):
            room_reports.make_room_schedule(session, path, DAY, 999)
    assert not path.exists()
