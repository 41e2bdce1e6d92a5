"""The demo association: realistic, and the same for the same seed and date."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from verenigingsbeheer.services import households, members, overview
from verenigingsbeheer.services.demo import VOICE_PARTS, create_demo

DAY = dt.date(2026, 9, 15)


def dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT p.first_name, p.tussenvoegsel, p.last_name, p.email, m.member_number,"
            " m.section_id, mp.start_date, mp.end_date FROM persons p JOIN members m"
            " ON m.person_id = p.id JOIN membership_periods mp ON mp.member_id = m.id ORDER BY p.id"
        ).fetchall()


def test_same_seed_and_date_give_the_same_association(tmp_path: Path):
    create_demo(tmp_path / "a.sqlite", members=25, seed=3, today=DAY).close()
    create_demo(tmp_path / "b.sqlite", members=25, seed=3, today=DAY).close()
    create_demo(tmp_path / "c.sqlite", members=25, seed=4, today=DAY).close()
    assert dump(tmp_path / "a.sqlite") == dump(tmp_path / "b.sqlite")
    assert dump(tmp_path / "a.sqlite") != dump(tmp_path / "c.sqlite")


def test_a_hague_choir_with_voice_parts_tussenvoegsels_and_a_board(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", members=120, seed=1, today=DAY)
    with database.reading() as session:
        rows = members.list_members(session, DAY)
        sections = dict(members.current_per_section(session, DAY))
        board = members.current_board(session, DAY)
        counts = overview.counts(session, DAY)
    database.close()
    assert len(rows) == 120 == counts.current_members
    assert counts.former_members > 0
    assert set(sections) == set(VOICE_PARTS)
    assert sum(1 for row in rows if row.name.tussenvoegsel) > 20
    assert {b.title for b in board} >= {"Voorzitter", "Secretaris", "Penningmeester"}
    assert all(row.member_since <= DAY for row in rows)
    assert all("@" in row.email and row.email.isascii() for row in rows)


def test_zero_members_is_an_empty_choir(tmp_path: Path):
    database = create_demo(tmp_path / "leeg.sqlite", members=0, seed=1, today=DAY)
    with database.reading() as session:
        assert overview.counts(session, DAY).current_members == 0
    database.close()


def test_board_members_are_current_members_who_joined_before_taking_office(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", members=60, seed=9, today=DAY)
    with database.reading() as session:
        since = {row.member_id: row.member_since for row in members.list_members(session, DAY)}
        board = members.current_board(session, DAY)
    database.close()
    for row in board:
        assert row.member_id in since
        assert since[row.member_id] <= row.since <= DAY


def age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def test_the_default_demo_has_a_couple_and_a_parent_with_a_child(tmp_path: Path):
    def made(name: str):
        database = create_demo(tmp_path / name, today=DAY)  # the default size and seed
        with database.reading() as session:
            rows = members.list_members(session, DAY)
            homes = households.list_households(session)
        database.close()
        return rows, homes

    rows, homes = made("a.sqlite")
    assert made("b.sqlite")[1] == homes  # the same households every time
    assert len(homes) >= 2
    kinds = set()
    for home in homes:
        people = [row for row in rows if row.name.full in home.members]
        assert len(people) == len(home.members) == 2
        assert len({(r.name.tussenvoegsel, r.name.last_name) for r in people}) == 1
        assert len({(r.address, r.postcode, r.town) for r in people}) == 1
        assert home.payer and home.payer in home.members  # one payer
        payer = next(r for r in people if r.name.full == home.payer)
        other = next(r for r in people if r is not payer)
        assert payer.iban and age(payer.date_of_birth, DAY) >= 25
        if age(other.date_of_birth, DAY) < 16:
            kinds.add("parent and child")
            assert other.membership_type == "Jeugdlid" and not other.iban
            assert (other.date_of_birth - payer.date_of_birth).days > 24 * 365
        else:
            kinds.add("couple")
            assert abs((other.date_of_birth - payer.date_of_birth).days) < 7 * 365
    assert kinds == {"couple", "parent and child"}


def test_nobody_joins_before_the_age_of_eight(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", members=200, seed=5, today=DAY)
    with database.reading() as session:
        rows = members.list_members(session, DAY, include_former=True)
    database.close()
    assert all((row.member_since - row.date_of_birth).days >= 8 * 365 for row in rows)
