"""Migrations: head on new files, models agree, older files upgrade safely, newer refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from tests.db.schema_fill import FILLERS, fill_0001
from verenigingsbeheer.db import migrate
from verenigingsbeheer.db import sqlite as seam
from verenigingsbeheer.db.base import Base
from verenigingsbeheer.db.opening import create_database, open_database
from verenigingsbeheer.db.schema_version import KNOWN_REVISIONS, SCHEMA_HEAD
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.errors import MigrationFailed, NewerSchema


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_file_at(path: Path, revision: str) -> None:
    engine = seam.make_engine(path)
    migrate.upgrade(engine, revision)
    engine.dispose()


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name != 'alembic_version'"
            )
        ]
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_schema_version_module_matches_the_migrations():
    head, revisions = migrate.script_revisions()
    assert head == SCHEMA_HEAD
    assert revisions == KNOWN_REVISIONS
    assert (
        migrate.SCHEMA_VERSION_MODULE.read_text(encoding="utf-8") == migrate.render_schema_version()
    )


def test_new_file_is_at_head_and_models_agree_with_migrations(tmp_path: Path):
    path = tmp_path / "nieuw.sqlite"
    create_database(path, AssociationDetails(name="Nieuw Koor")).close()
    assert revision_of(path) == SCHEMA_HEAD
    engine = seam.make_engine(path)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_upgrade_keeps_every_row_and_makes_a_backup_first(tmp_path: Path, paths):
    path = tmp_path / "oud.sqlite"
    make_file_at(path, "0001")
    fill_0001(path)
    before = table_counts(path)
    assert before["membership_periods"] == 60

    open_database(path, paths.backup_dir).close()

    assert revision_of(path) == SCHEMA_HEAD
    after = table_counts(path)
    for table, count in before.items():
        assert after[table] == count, table
    backups = list(paths.backup_dir.glob("oud-*-voor-upgrade-0001.sqlite"))
    assert len(backups) == 1
    assert revision_of(backups[0]) == "0001"
    assert table_counts(backups[0]) == before
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # the rebuilt members table still cascades to its periods
        fks = db.execute("PRAGMA foreign_key_list(membership_periods)").fetchall()
        assert any(fk[2] == "members" and fk[6] == "CASCADE" for fk in fks)


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, ordered, as (column, value) pairs."""
    with sqlite3.connect(path) as db:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name != 'alembic_version'"
            )
        ]
        result = {}
        for table in tables:
            cursor = db.execute(f"SELECT * FROM {table} ORDER BY 1")
            names = [d[0] for d in cursor.description]
            result[table] = [tuple(zip(names, row, strict=True)) for row in cursor]
        return result


def test_every_revision_has_a_data_filler():
    assert set(FILLERS) == set(KNOWN_REVISIONS)


@pytest.mark.parametrize("revision", KNOWN_REVISIONS[:-1])
def test_upgrading_from_each_older_revision_keeps_every_value(revision, tmp_path: Path, paths):
    path = tmp_path / f"rev{revision}.sqlite"
    make_file_at(path, revision)
    FILLERS[revision](path)
    before = table_rows(path)
    assert all(before.values()), "the filler leaves no table empty"

    open_database(path, paths.backup_dir).close()

    assert revision_of(path) == SCHEMA_HEAD
    after = table_rows(path)
    for table, rows in before.items():
        kept = [tuple(pair for pair in row if pair[0] in dict(rows[0])) for row in after[table]]
        if table == "school_holidays":  # newer years are shipped by later migrations
            assert kept[: len(rows)] == rows and len(kept) >= len(rows), table
        else:
            assert kept == rows, table
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_failing_foreign_key_check_undoes_the_whole_upgrade(tmp_path: Path, paths):
    path = tmp_path / "kapot.sqlite"
    make_file_at(path, "0001")
    fill_0001(path, members=3)
    with sqlite3.connect(path) as db:  # an orphan, as an old bug could have left
        db.execute("PRAGMA foreign_keys=OFF")
        db.execute(
            "INSERT INTO membership_periods (member_id, start_date, end_reason)"
            " VALUES (999, '2020-01-01', '')"
        )
    before = table_counts(path)
    with pytest.raises(MigrationFailed) as failure:
        open_database(path, paths.backup_dir)
    assert "reservekopie" in failure.value.message
    assert revision_of(path) == "0001"
    assert table_counts(path) == before
    assert "sections" not in before and "sections" not in table_counts(path)


def test_a_file_from_a_newer_version_is_refused_and_untouched(tmp_path: Path, paths):
    path = tmp_path / "nieuwer.sqlite"
    create_database(path, AssociationDetails(name="Toekomstkoor")).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(path)
    with pytest.raises(NewerSchema) as refusal:
        open_database(path, paths.backup_dir)
    assert "nieuwere versie" in refusal.value.message
    assert digest(path) == before
    assert not paths.backup_dir.exists() or not any(paths.backup_dir.iterdir())


def test_opening_a_current_file_does_not_import_alembic(demo_path: Path, tmp_path: Path):
    import subprocess
    import sys

    code = (
        "import sys, pathlib\n"
        "from verenigingsbeheer.db.opening import open_database\n"
        f"path, backups = pathlib.Path({str(demo_path)!r}), pathlib.Path({str(tmp_path)!r})\n"
        "open_database(path, backups).close()\n"
        "print('alembic' in sys.modules, 'reportlab' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "False"]


def application_id(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA application_id").fetchone()[0]


def test_files_are_stamped_as_ours(tmp_path: Path, paths):
    new = tmp_path / "nieuw.sqlite"
    create_database(new, AssociationDetails(name="Koor")).close()
    assert application_id(new) == seam.APPLICATION_ID == 0x56424548
    old = tmp_path / "oud.sqlite"
    make_file_at(old, "0002")
    assert application_id(old) == 0
    open_database(old, paths.backup_dir).close()
    assert application_id(old) == seam.APPLICATION_ID


def test_another_programs_alembic_database_is_not_called_newer(tmp_path: Path, paths):
    from verenigingsbeheer.errors import NotAnAssociationFile

    path = tmp_path / "ander.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE association (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        db.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
    before = digest(path)
    with pytest.raises(NotAnAssociationFile) as refusal:
        open_database(path, paths.backup_dir)
    assert "geen Verenigingsbeheer-bestand" in refusal.value.message
    assert digest(path) == before
