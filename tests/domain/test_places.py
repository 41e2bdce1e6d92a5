"""Which typed places mean a known room: case, accents, spacing and punctuation aside."""

from __future__ import annotations

import pytest

from verenigingsbeheer.domain.places import PlaceMatch, match_place

ROOMS = ("Grote zaal", "Studio 2", "Zaal", "Zaal 2")
ROOM, VENUE = PlaceMatch.ROOM, PlaceMatch.VENUE


def regentes(place: str, room: str, address: bool = True) -> PlaceMatch | None:
    street, number = ("Weimarstraat", "63") if address else ("", "")
    return match_place(place, "De Regentes", room, ROOMS, street, number)


@pytest.mark.parametrize(
    ("place", "room", "expected"),
    [
        ("De Regentes – Grote zaal", "Grote zaal", ROOM),
        ("de regentes - GROTE   ZAAL", "Grote zaal", ROOM),
        ("Dé Regéntes, grote zaal", "Grote zaal", ROOM),  # accents typed by mistake
        ("De Regentes (Grote zaal)", "Grote zaal", ROOM),
        ("De Regentes Grote zaal", "Grote zaal", ROOM),  # no separator: a room follows
        ("De Regentes, Weimarstraat 63, Studio 2", "Studio 2", ROOM),
        ("De Regentes – Studio 2", "Grote zaal", None),  # another room of the venue
        ("De Regentes, Zaal 2", "Zaal", None),  # the longest room name wins
        ("De Regentes, Zaal 2", "Zaal 2", ROOM),
        ("De Regentes, zaal", "Zaal", ROOM),
        ("De Regentes", "Grote zaal", VENUE),  # the venue: any room may be meant
        (" de  regentes ", "Studio 2", VENUE),
        ("De Regentes, Weimarstraat 63", "Grote zaal", VENUE),
        ("De Regentes, achteringang", "Grote zaal", VENUE),
        ("Wijkcentrum De Regentes, Weimarstraat 63", "Grote zaal", VENUE),  # by its address
        ("Weimarstraat 63 - Studio 2", "Studio 2", ROOM),
        ("De Regentesse", "Grote zaal", None),  # another word, another venue
        ("De Regentes Zuid", "Grote zaal", None),  # glued on, and no room of it
        ("Wijkcentrum De Regentes", "Grote zaal", None),  # not how the venue starts
        ("Lutherse Kerk, Lutherse Burgwal 9", "Grote zaal", None),
        ("Weimarstraat 630", "Grote zaal", None),
        ("", "Grote zaal", None),
        ("– De Regentes", "Grote zaal", None),
    ],
)
def test_a_typed_place_names_a_room_its_venue_or_neither(place, room, expected):
    assert regentes(place, room) is expected


def test_without_an_address_only_the_name_counts():
    assert regentes("Wijkcentrum De Regentes, Weimarstraat 63", "Grote zaal", False) is None
    assert regentes("De Regentes, Weimarstraat 63", "Grote zaal", False) is VENUE


def test_punctuation_inside_the_venues_name_does_not_count():
    assert match_place("St Jacobskerk", "St. Jacobskerk", "Kerk", ("Kerk",)) is VENUE
    assert match_place("st.jacobskerk: kerk", "St. Jacobskerk", "Kerk", ("Kerk",)) is ROOM
