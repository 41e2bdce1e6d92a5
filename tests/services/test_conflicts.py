"""Conflict copies of synced folders: recognised by name, the OneDrive form by file id too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.services import conflicts


@pytest.mark.parametrize(
    "name",
    [
        "koor (conflicted copy).sqlite",
        "koor (conflicted copy 2024-05-01).sqlite",
        "koor (Jan's conflicted copy 2024-05-01).sqlite",
        "koor (LAPTOP-JAN's conflicted copy 2024-05-01 123456).sqlite",
        "koor (conflicterende kopie van Jan 2024-05-01).sqlite",
        "koor (Conflict 1).sqlite",
        "koor (conflict).sqlite",
        "koor_conflict-20240501-123456.sqlite",
        "koor.sync-conflict-20240501-123456-ABCDEF7.sqlite",
    ],
)
def test_names_of_conflict_copies(name: str):
    assert conflicts.candidates(name) == [conflicts.Candidate("koor.sqlite", False)]


@pytest.mark.parametrize("name", ["koor-LAPTOP.sqlite", "koor-LAPTOP-2.sqlite"])
def test_a_computer_name_suffix_is_only_a_candidate(name: str):
    assert conflicts.Candidate("koor.sqlite", True) in conflicts.candidates(name)


@pytest.mark.parametrize(
    "name",
    [
        "koor.sqlite",
        "koor (2).sqlite",
        "koor-2.sqlite",
        "koor-20260307-120000-voor-upgrade-0004.sqlite",
        "koor",
        "koor.sqlite.lock",
        "concert (programma).sqlite",
    ],
)
def test_names_that_are_no_conflict_copy(name: str):
    assert all(c.original != "koor.sqlite" for c in conflicts.candidates(name))
    assert not [c for c in conflicts.candidates(name) if not c.needs_same_file]


def make(path: Path, name: str = "Koor") -> Path:
    create_database(path, AssociationDetails(name=name)).close()
    return path


def test_a_computer_name_copy_counts_only_beside_the_original_with_the_same_file_id(
    tmp_path: Path,
):
    original = make(tmp_path / "koor.sqlite")
    same = tmp_path / "koor-LAPTOP-2.sqlite"
    same.write_bytes(original.read_bytes())  # what OneDrive leaves: a copy of the same file
    other = make(tmp_path / "koor-jeugd.sqlite", "Jeugdkoor")  # another association
    assert conflicts.original_of(same) == original
    assert conflicts.original_of(other) is None
    assert conflicts.copies_beside(original) == [same]
    original.unlink()  # without the original beside it, nothing is said
    assert conflicts.original_of(same) is None


def test_copies_beside_a_file_and_the_notes(tmp_path: Path):
    original = make(tmp_path / "koor.sqlite")
    dropbox = tmp_path / "koor (conflicted copy 2024-05-01).sqlite"
    syncthing = tmp_path / "koor.sync-conflict-20240501-123456-ABCDEF7.sqlite"
    for copy in (dropbox, syncthing):
        copy.write_bytes(original.read_bytes())
    make(tmp_path / "toneel.sqlite")
    (tmp_path / "toneel (conflicted copy).sqlite").write_bytes(b"")  # a copy of another file
    assert conflicts.copies_beside(original) == [dropbox, syncthing]
    [note] = conflicts.notes(original)
    assert dropbox.name in note and syncthing.name in note
    [note] = conflicts.notes(dropbox)
    assert "koor.sqlite" in note
    assert conflicts.notes(tmp_path / "toneel (conflicted copy).sqlite") != []
    assert conflicts.notes(make(tmp_path / "solo.sqlite")) == []


def test_backups_kept_beside_the_file_are_no_conflict_copies(tmp_path):
    from verenigingsbeheer.db import backups as store
    from verenigingsbeheer.services.demo import create_demo

    original = tmp_path / "koor.sqlite"
    create_demo(original, members=3, seed=1).close()
    made = store.make_backup(original, tmp_path, "handmatig", now=dt.datetime(2026, 3, 7, 10))
    assert made.parent == tmp_path and made.name.startswith("koor-")
    assert conflicts.copies_beside(original) == []
    assert conflicts.original_of(made) is None
