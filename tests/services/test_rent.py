"""The rent overview on known bookings: exact sums per room, venue, month and year; options
and cancelled bookings left out; bookings just outside the year not counted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from tests.rent_data import make_rent_file
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import rent
from verenigingsbeheer.services.rent import RentFigures

E = Money.euros
NOTHING = RentFigures()


@pytest.fixture
def made(tmp_path: Path):
    made = make_rent_file(tmp_path / "doek.sqlite")
    yield made
    made.database.close()


def test_every_room_by_month_with_exact_sums(made):
    with made.database.reading() as session:
        overview = rent.rent_overview(session, 2027)
    assert [venue.name for venue in overview.venues] == ["De Regentes", "Het Klooster"]
    regentes, klooster = overview.venues
    assert regentes.address == "Weimarstraat 63, 2562 GR  DEN HAAG"
    foyer, hall = regentes.rooms  # by name
    assert (foyer.name, hall.name) == ("Foyer", "Grote zaal")
    # three Tuesdays of 2 h 15 at 35 euros an hour; the option and the cancelled one not
    assert hall.months[0] == RentFigures(3, 405, E("236.25"), E("157.50"), E("78.75"))
    assert hall.months[1:] == (NOTHING,) * 11
    assert hall.year.outstanding == E("157.50") and hall.year.hours == Decimal("6.75")
    assert foyer.months[2] == RentFigures(1, 180, E("50"), E("50"), E("50"))  # paid: invoiced
    [chapel] = klooster.rooms
    assert chapel.months[5] == RentFigures(1, 120, E("40"), Money(0), Money(0))  # the concert
    assert chapel.months[11] == RentFigures(1, 270, E("60"), Money(0), Money(0))  # 31 December
    assert regentes.year == RentFigures(4, 585, E("286.25"), E("207.50"), E("128.75"))
    assert regentes.months[0] == hall.months[0] and regentes.months[2] == foyer.months[2]
    assert overview.total == RentFigures(6, 975, E("386.25"), E("207.50"), E("128.75"))
    assert overview.total.outstanding == E("257.50")
    assert overview.total.not_invoiced == E("178.75")
    assert [m.booked for m in overview.months][:3] == [E("236.25"), Money(0), E("50")]
    assert (overview.options, overview.options_cost, overview.cancelled) == (1, E("78.75"), 1)


def test_the_years_on_either_side_and_the_total_for_a_subsidy(made):
    with made.database.reading() as session:
        assert rent.rent_total(session, 2027) == E("386.25")
        assert rent.rent_total(session, 2026) == E("78.75")  # 29 December
        assert rent.rent_total(session, 2028) == E("40")  # 2 January, 2 h in the Kapel
        assert rent.rent_total(session, 2025) == Money(0)
        season = rent.rent_between(session, dt.date(2026, 9, 1), dt.date(2027, 8, 31))
        assert season.booked == E("405.00") and season.bookings == 6
        chapel = made.rooms["Kapel"]
        assert rent.rent_between(
            session, dt.date(2027, 1, 1), dt.date(2028, 12, 31), room_id=chapel
        ) == RentFigures(3, 510, E("140"), Money(0), Money(0))
        klooster = rent.rent_between(
            session, dt.date(2027, 1, 1), dt.date(2027, 12, 31),
            venue_id=made.venues["Het Klooster"],
        )  # fmt: skip
        assert klooster.booked == E("100")
        empty = rent.rent_overview(session, 2030)
        assert empty.total == NOTHING and len(empty.venues) == 2  # every room, even unused


@pytest.mark.parametrize("year", [1800, 1949, 2101, 20270])
def test_a_year_out_of_range_is_refused(made, year):
    with made.database.reading() as session, pytest.raises(UserError, match="Kies een jaar van"):
        rent.rent_overview(session, year)
    with made.database.reading() as session, pytest.raises(UserError):
        rent.rent_total(session, year)
