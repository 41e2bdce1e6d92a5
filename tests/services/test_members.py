"""Member lists and counts on known data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from verenigingsbeheer.db.models import BoardFunction, Member, MembershipPeriod, Person, Section
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.services import members, overview

D = dt.date


@pytest.fixture
def small_db(tmp_path: Path):
    """Four people with known periods; counted on 1 March 2026."""
    database = create_database(tmp_path / "klein.sqlite", AssociationDetails(name="Klein Koor"))
    with database.transaction() as session:
        alt = Section(name="Alt", sort_order=1)
        bas = Section(name="Bas", sort_order=2)
        session.add_all([alt, bas])
        people = [
            ("Anna", "van der", "Berg", alt, [(D(2020, 1, 1), None)]),
            ("Piet", "", "Aalders", bas, [(D(2026, 3, 1), None)]),  # joins on the day
            ("Cor", "ten", "Dam", bas, [(D(2010, 1, 1), D(2026, 2, 28))]),  # left the day before
            (
                "Bea",
                "",
                "Boëlens",
                None,
                [(D(2000, 1, 1), D(2005, 1, 1)), (D(2026, 1, 1), D(2026, 3, 1))],
            ),
        ]
        for number, (first, tussen, last, section, periods) in enumerate(people, start=1):
            person = Person(first_name=first, tussenvoegsel=tussen, last_name=last)
            member = Member(person=person, member_number=number, section=section)
            member.periods = [MembershipPeriod(start_date=s, end_date=e) for s, e in periods]
            session.add(member)
        session.flush()
        anna = session.get(Member, 1)
        anna.functions.append(BoardFunction(title="Voorzitter", start_date=D(2024, 1, 1)))
        cor = session.get(Member, 3)
        cor.functions.append(
            BoardFunction(title="Secretaris", start_date=D(2015, 1, 1), end_date=D(2026, 2, 28))
        )
    yield database
    database.close()


def test_current_members_on_a_day_include_both_edges(small_db):
    with small_db.reading() as session:
        rows = members.list_members(session, D(2026, 3, 1))
    assert [row.name.full for row in rows] == ["Piet Aalders", "Anna van der Berg", "Bea Boëlens"]


def test_former_members_are_listed_on_request_sorted_without_tussenvoegsel(small_db):
    with small_db.reading() as session:
        rows = members.list_members(session, D(2026, 3, 1), include_former=True)
    assert [row.name.sorted_form for row in rows] == [
        "Aalders, Piet",
        "Berg, Anna van der",
        "Boëlens, Bea",
        "Dam, Cor ten",
    ]
    cor = rows[-1]
    assert cor.member_until == D(2026, 2, 28)
    assert not cor.is_current(D(2026, 3, 1))
    bea = rows[2]
    assert bea.member_since == D(2000, 1, 1) and bea.member_until == D(2026, 3, 1)
    anna = rows[1]
    assert anna.member_until is None and anna.functions == "Voorzitter"


def test_counts_per_section_and_board(small_db):
    with small_db.reading() as session:
        assert members.count_current(session, D(2026, 3, 1)) == 3
        assert members.count_current(session, D(2026, 3, 2)) == 2
        assert members.current_per_section(session, D(2026, 3, 1)) == [
            ("Alt", 1),
            ("Bas", 1),
            ("", 1),
        ]
        board = members.current_board(session, D(2026, 2, 28))
        assert [(b.title, b.name.full) for b in board] == [
            ("Voorzitter", "Anna van der Berg"),
            ("Secretaris", "Cor ten Dam"),
        ]
        assert [b.title for b in members.current_board(session, D(2026, 3, 1))] == ["Voorzitter"]
        counts = overview.counts(session, D(2026, 3, 1))
    assert counts.as_lines() == [
        ("leden", 3),
        ("oud-leden", 1),
        ("personen", 4),
        ("secties", 2),
        ("bestuursfuncties", 1),
    ]


def test_tally_from_rows_matches_the_database_counts(tmp_path: Path):
    from verenigingsbeheer.services import categories
    from verenigingsbeheer.services.demo import create_demo

    day = D(2026, 9, 15)
    database = create_demo(tmp_path / "koor.sqlite", members=150, seed=5, today=day)
    with database.reading() as session:
        rows = members.list_members(session, day, include_former=True)
        sections = [c.name for c in categories.list_categories(session, "section")]
        types = [c.name for c in categories.list_categories(session, "type")]
        assert members.tally_current(rows, "section", sections) == members.current_per_section(
            session, day
        )
        assert members.tally_current(rows, "membership_type", types) == members.current_per_type(
            session, day
        )
    database.close()


def test_search_text_ignores_case_and_accents_and_finds_postcodes_without_space(small_db):
    with small_db.reading() as session:
        bea = next(
            r for r in members.list_members(session, D(2026, 3, 1)) if r.name.last_name == "Boëlens"
        )
    assert "boelens" in bea.search_text and "bea" in bea.search_text
    assert bea.search_text == bea.search_text.lower()
