"""Backups in the data layer: names, a round trip over every table, encryption, restore."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from verenigingsbeheer.db import backup_crypto, backups
from verenigingsbeheer.db import sqlite as seam
from verenigingsbeheer.db.backup_crypto import DamagedBackup, WrongPassphrase
from verenigingsbeheer.db.base import Base
from verenigingsbeheer.db.models import Person
from verenigingsbeheer.db.schema_version import SCHEMA_HEAD

NOW = dt.datetime(2026, 3, 7, 10, 15, 0)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def all_rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as db:
        return {
            table.name: sorted(db.execute(f"SELECT * FROM {table.name}").fetchall(), key=repr)
            for table in Base.metadata.sorted_tables
        }


def fill_every_table(database) -> None:
    """The demo fills most tables; a logged edit adds audit rows. A table added later that
    stays empty makes the round-trip test fail until it is filled here."""
    from sqlalchemy import select

    from verenigingsbeheer.db.models import Activity, ActivitySeries
    from verenigingsbeheer.domain.activities import SeriesRule
    from verenigingsbeheer.domain.money import Money
    from verenigingsbeheer.domain.rooms import RoomDetails, VenueDetails
    from verenigingsbeheer.services import (
        activities,
        allowances,
        attendance,
        bookings,
        rooms,
        series,
        volunteers,
    )

    with database.transaction() as session:
        person = session.get(Person, 1)
        person.town = "Delft"
        rule = SeriesRule(1, dt.time(20), dt.time(22, 15), dt.date(2026, 1, 6), dt.date(2026, 2, 3))
        plan = series.SeriesDetails("rehearsal", "Repetitie", rule, "Kloosterkerk", (1,))
        series_id = series.plan_series(session, plan)
        first = (
            session.execute(
                select(Activity.id).where(Activity.series_id == series_id).order_by(Activity.date)
            )
            .scalars()
            .first()
        )
        attendance.set_availability(session, first, 1, "signed_up")
        attendance.set_attendance(session, first, 1, "present")
        last = (
            session.execute(
                select(Activity.id).where(Activity.series_id == series_id).order_by(Activity.date)
            )
            .scalars()
            .all()[-1]
        )
        activities.delete_activity(session, last)  # its day of the series stays marked
        venue = rooms.create_venue(
            session, VenueDetails("De Regentes", contact_first_name="Hans", contact_last_name="B")
        )
        room = rooms.create_room(session, venue, RoomDetails("Grote zaal", 80))
        bookings.place_activity(session, first, room)
        session.get(ActivitySeries, series_id).room_id = room
        helper = volunteers.save_volunteer(
            session, volunteers.VolunteerDetails("Petra", "Helpers"), dt.date(2026, 1, 1)
        )
        bar = volunteers.tasks(session)[1].task_id
        volunteers.add_hours(
            session, volunteers.HoursDetails(helper, dt.date(2026, 1, 6), bar, 90, first)
        )
        allowances.save_allowance(
            session,
            allowances.AllowanceDetails(helper, dt.date(2026, 2, 1), Money(5000),
                                        dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        )  # fmt: skip


@pytest.fixture
def full_db(demo_db):
    fill_every_table(demo_db)
    return demo_db


def test_names_tell_the_association_the_moment_and_the_reason(tmp_path: Path):
    uid = "3fa9c1d2-0000-4000-8000-000000000001"
    target = backups.target_for(tmp_path, "haags-kamer-koor", uid, "voor-import", NOW, False)
    assert target.name == "haags-kamer-koor-3fa9c1d2-20260307-101500-voor-import.sqlite"
    target.write_bytes(b"")
    second = backups.target_for(tmp_path, "haags-kamer-koor", uid, "voor-import", NOW, False)
    assert second.name.endswith("voor-import_2.sqlite")
    second.write_bytes(b"")
    encrypted = backups.target_for(tmp_path, "koor", uid, "voor-upgrade-0004", NOW, True)
    encrypted.write_bytes(b"")
    parsed = {b.path.name: b for b in backups.list_backups(tmp_path)}
    assert parsed[target.name].stem == "haags-kamer-koor"
    assert parsed[second.name].reason == "voor-import"
    assert parsed[encrypted.name].reason == "voor-upgrade-0004"
    assert parsed[encrypted.name].encrypted and parsed[encrypted.name].made_at == NOW
    assert {b.tag for b in parsed.values()} == {"3fa9c1d2"}
    (tmp_path / "vakantiefoto.sqlite").write_bytes(b"")
    assert len(backups.list_backups(tmp_path)) == 3


def test_round_trip_over_every_table(full_db, tmp_path: Path):
    before = all_rows(full_db.path)
    assert all(before.values()), [name for name, rows in before.items() if not rows]
    made = backups.make_backup(full_db.path, tmp_path / "kopieen", "handmatig", now=NOW)
    assert seam.has_sqlite_header(made)
    with full_db.transaction() as session:
        session.get(Person, 2).first_name = "Gewijzigd"
    full_db.close()
    kept = backups.restore(made, full_db.path, tmp_path / "kopieen", now=NOW)
    assert all_rows(full_db.path) == before
    assert "Gewijzigd" in str(all_rows(kept)["persons"])  # the replaced file was kept
    assert seam.check_file(full_db.path, full=True) == []


def test_contents_for_the_restore_screen(demo_db, tmp_path: Path):
    made = backups.make_backup(demo_db.path, tmp_path, "voor-import", now=NOW)
    contents = backups.read_backup_contents(made)
    assert contents.association == "Haags Gemengd Koor Residentie Cantorij"
    assert contents.revision == SCHEMA_HEAD
    assert contents.counts["leden"] == 40 and contents.counts["secties"] == 6
    people = contents.counts["leden"] + contents.counts["oud-leden"]
    # and the contacts of the demo's venues and its volunteers who are no member
    assert contents.counts["personen"] == people + 2 + 6
    assert backups.file_uid_of(demo_db.path) == contents.file_uid


def test_encrypted_round_trip_with_a_readable_header(full_db, tmp_path: Path):
    before = all_rows(full_db.path)
    made = backups.make_backup(
        full_db.path, tmp_path, "handmatig", now=NOW, passphrase="geheim wachtwoord"
    )
    assert made.suffix == ".versleuteld" and backup_crypto.is_encrypted(made)
    data = made.read_bytes()
    with full_db.reading() as session:
        name = session.get(Person, 1).last_name.encode()
    assert b"SQLite format 3" not in data and name not in data
    contents = backups.read_backup_contents(made)  # no passphrase needed
    assert contents.association.startswith("Haags") and contents.counts["leden"] == 40
    full_db.close()
    backups.restore(made, full_db.path, tmp_path, now=NOW, passphrase="geheim wachtwoord")
    assert all_rows(full_db.path) == before


def test_a_wrong_passphrase_is_told_and_nothing_is_written(demo_db, tmp_path: Path):
    made = backups.make_backup(demo_db.path, tmp_path, "handmatig", now=NOW, passphrase="juist-123")
    demo_db.close()
    before, files = digest(demo_db.path), sorted(tmp_path.iterdir())
    with pytest.raises(WrongPassphrase) as refused:
        backups.restore(made, demo_db.path, tmp_path, now=NOW, passphrase="fout-1234")
    assert made.name in refused.value.message
    with pytest.raises(WrongPassphrase):
        backups.restore(made, demo_db.path, tmp_path, now=NOW, passphrase=None)
    assert digest(demo_db.path) == before and sorted(tmp_path.iterdir()) == files


def test_a_changed_or_cut_off_encrypted_backup_is_damaged(demo_db, tmp_path: Path):
    made = backups.make_backup(demo_db.path, tmp_path, "handmatig", now=NOW, passphrase="juist-123")
    data = bytearray(made.read_bytes())
    data[-100] ^= 0xFF
    made.write_bytes(bytes(data))
    with pytest.raises(DamagedBackup):
        backups.load_checked(made, "juist-123")
    made.write_bytes(bytes(data[:40]))
    with pytest.raises(DamagedBackup):
        backups.read_backup_contents(made)


def damage(path: Path) -> None:
    """Overwrite the middle of the file: b-tree pages, not the header."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(3 * page, len(data) - page, 2 * page):
        data[offset : offset + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def test_a_damaged_backup_is_refused_and_the_file_untouched(demo_db, tmp_path: Path):
    made = backups.make_backup(demo_db.path, tmp_path / "kopie", "handmatig", now=NOW)
    damage(made)
    demo_db.close()
    before = digest(demo_db.path)
    with pytest.raises(DamagedBackup):
        backups.restore(made, demo_db.path, tmp_path / "kopie", now=NOW)
    assert digest(demo_db.path) == before
    assert [p.name for p in (tmp_path / "kopie").iterdir()] == [made.name]


def test_the_changed_index_notices_every_commit(demo_db, tmp_path: Path):
    uid = backups.file_uid_of(demo_db.path)
    first = seam.fingerprint(demo_db.path)
    assert backups.changed_since_backup(tmp_path, uid, first)
    made = backups.make_backup(demo_db.path, tmp_path, "bij-openen", now=NOW)
    backups.record(tmp_path, uid, first, made)
    assert not backups.changed_since_backup(tmp_path, uid, seam.fingerprint(demo_db.path))
    with demo_db.transaction() as session:
        session.get(Person, 1).phone = "0701234567"
    after = seam.fingerprint(demo_db.path)
    assert after[0] == first[0] + 1  # SQLite's change counter
    assert backups.changed_since_backup(tmp_path, uid, after)
    backups.record(tmp_path, uid, after, made)
    made.unlink()  # the backup it names is gone: back up again
    assert backups.changed_since_backup(tmp_path, uid, after)
