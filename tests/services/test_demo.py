"""The demo association: realistic, and the same for the same seed and date."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from verenigingsbeheer.services import members, overview
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
