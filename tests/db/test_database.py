"""The open file: pragmas, one transaction per action, and who may create files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import DEMO_DATE
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.db.sqlite import backup_file
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import association, members


def test_connections_use_foreign_keys_busy_timeout_and_the_rollback_journal(demo_db):
    with demo_db.reading() as session:
        pragma = lambda name: session.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000
        assert pragma("journal_mode") == "delete"


def test_an_action_that_fails_halfway_leaves_nothing_behind(demo_db):
    with demo_db.reading() as session:
        before = association.get_details(session)
    with pytest.raises(RuntimeError), demo_db.transaction() as session:
        details = association.get_details(session)
        association.update_details(
            session, AssociationDetails(**{**details.__dict__, "name": "Kwijt"})
        )
        raise RuntimeError("halfway")
    with demo_db.reading() as session:
        assert association.get_details(session) == before


def test_after_a_commit_the_main_file_is_complete_on_its_own(demo_db, tmp_path: Path):
    """Synced folders copy only the main file: no WAL or journal may hold committed data."""
    with demo_db.transaction() as session:
        details = association.get_details(session)
        association.update_details(
            session, AssociationDetails(**{**details.__dict__, "name": "Gesynct Koor"})
        )
    path = demo_db.path
    assert not Path(str(path) + "-wal").exists()
    assert not Path(str(path) + "-journal").exists()
    copy = tmp_path / "kopie.sqlite"
    copy.write_bytes(path.read_bytes())
    from verenigingsbeheer.db.database import Database

    with Database(copy) as database, database.reading() as session:
        assert association.get_details(session).name == "Gesynct Koor"


def test_foreign_keys_are_enforced(demo_db):
    from verenigingsbeheer.db.models import Member

    with pytest.raises(Exception, match="FOREIGN KEY"), demo_db.transaction() as session:
        session.add(Member(person_id=99999, member_number=99999, notes=""))


def test_create_refuses_an_existing_file_and_a_missing_folder(tmp_path: Path, demo_path: Path):
    before = demo_path.read_bytes()
    with pytest.raises(UserError, match="bestaat al"):
        create_database(demo_path, AssociationDetails(name="Overschreven"))
    assert demo_path.read_bytes() == before
    with pytest.raises(UserError, match="bestaat niet"):
        create_database(tmp_path / "nergens" / "x.sqlite", AssociationDetails(name="Koor"))
    with pytest.raises(UserError, match="naam"):
        create_database(tmp_path / "leeg.sqlite", AssociationDetails(name=""))
    assert not (tmp_path / "leeg.sqlite").exists()


def test_backup_through_the_backup_api_is_a_complete_database(demo_db, tmp_path: Path):
    target = backup_file(demo_db.path, tmp_path / "backup" / "kopie.sqlite")
    from verenigingsbeheer.db.database import Database

    with Database(target) as copy, copy.reading() as session:
        assert len(members.list_members(session, DEMO_DATE)) == 40


def test_a_read_only_file_refuses_every_write(demo_path: Path, paths):
    from sqlalchemy.exc import OperationalError

    from verenigingsbeheer.db.opening import open_database
    from verenigingsbeheer.errors import ReadOnlyFile

    before = demo_path.read_bytes()
    with open_database(demo_path, paths.backup_dir, read_only=True) as database:
        with database.reading() as session:
            assert members.count_current(session, DEMO_DATE) == 40
        with pytest.raises(ReadOnlyFile, match="koor.sqlite"), database.transaction():
            pytest.fail("a transaction was started")
        # Even a write that goes around the Unit of Work is refused, by SQLite itself.
        with pytest.raises(OperationalError, match="readonly"), database.reading() as session:
            session.execute(text("UPDATE association SET name = 'Kwijt'"))
    assert demo_path.read_bytes() == before


def test_read_only_opens_a_file_whose_name_looks_like_a_uri(tmp_path: Path, paths):
    from verenigingsbeheer.db.opening import open_database

    path = tmp_path / "koor 50% #1?.sqlite"
    create_database(path, AssociationDetails(name="Koor")).close()
    with (
        open_database(path, paths.backup_dir, read_only=True) as database,
        database.reading() as session,
    ):
        assert association.get_details(session).name == "Koor"
