"""The backup service: settings, backups on open and before bulk actions, the passphrase."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.db.models import Person
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import backups, integrity
from verenigingsbeheer.settings import Settings


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 3, 7, 9, 0))


def test_defaults_and_a_settings_round_trip(tmp_path: Path, paths):
    fresh = Settings()
    assert (fresh.backup_keep_daily, fresh.backup_keep_weekly, fresh.backup_keep_monthly) == (
        7,
        4,
        12,
    )
    assert fresh.backup_folder == "" and fresh.backup_encrypted is False
    chosen = Settings(backup_folder="/media/usb", backup_keep_daily=3, backup_encrypted=True)
    settings_store.save(chosen, paths.settings_file)
    assert settings_store.load(paths.settings_file) == chosen
    paths.settings_file.write_text(
        json.dumps({"backup_keep_daily": -1, "backup_keep_weekly": True, "backup_folder": 5})
    )
    assert settings_store.load(paths.settings_file) == Settings()


def test_the_default_folder_and_a_missing_chosen_one(tmp_path: Path, paths):
    config = backups.config_for(Settings(), paths)
    assert config.folder == paths.backup_dir and config.note == ""
    usb = tmp_path / "usb"
    config = backups.config_for(Settings(backup_folder=str(usb)), paths)
    assert config.folder == paths.backup_dir and str(usb) in config.note
    usb.mkdir()
    config = backups.config_for(Settings(backup_folder=str(usb), backup_keep_weekly=2), paths)
    assert config.folder == usb and config.note == "" and config.policy.weekly == 2


def test_backup_on_open_only_after_a_change(demo_db, paths, clock):
    config = backups.config_for(Settings(), paths)
    made, note = backups.backup_if_changed(demo_db, config, clock)
    assert made is not None and "bij-openen" in made.name and note == ""
    clock.advance(minutes=5)
    assert backups.backup_if_changed(demo_db, config, clock) == (None, "")
    with demo_db.transaction() as session:
        session.get(Person, 1).town = "Leiden"
    clock.advance(minutes=5)
    again, _note = backups.backup_if_changed(demo_db, config, clock)
    assert again is not None and again != made
    assert [b.path for b in backups.list_backups(demo_db, config)] == [again, made]


def test_backup_before_a_bulk_action_counts_as_the_last_backup(demo_db, paths, clock):
    config = backups.config_for(Settings(), paths)
    made = backups.backup_before(demo_db, "voor-import", config, clock)
    assert made.parent == paths.backup_dir and "voor-import" in made.name
    assert backups.contents_of(made).counts["leden"] == 40
    assert backups.backup_if_changed(demo_db, config, clock) == (None, "")


def test_rotation_runs_after_each_backup(demo_db, paths, clock):
    chosen = Settings(backup_keep_daily=2, backup_keep_weekly=0, backup_keep_monthly=0)
    config = backups.config_for(chosen, paths)
    for _day in range(10):
        backups.make_backup(demo_db.path, "handmatig", config, clock)
        clock.advance(days=1)
    kept = backups.list_backups(demo_db, config)
    # The last 48 hours (now, a day and two days ago) hold the newest of two days too.
    assert [b.made_at.day for b in kept] == [16, 15, 14]


def test_a_backup_that_cannot_be_made_stops_the_bulk_action(demo_db, tmp_path: Path, paths):
    blocked = tmp_path / "bestand-geen-map"
    blocked.write_text("")
    config = backups.BackupConfig(blocked, backups.RotationPolicy(), False, None)
    with pytest.raises(UserError) as refused:
        backups.backup_before(demo_db, "voor-import", config)
    assert str(blocked) in refused.value.message
    made, note = backups.backup_if_changed(demo_db, config)  # an open goes on
    assert made is None and str(blocked) in note


def test_encryption_on_without_a_kept_passphrase_makes_no_plain_backup(demo_db, paths):
    config = backups.config_for(Settings(backup_encrypted=True), paths)
    with pytest.raises(UserError):
        backups.backup_before(demo_db, "voor-import", config)
    assert not paths.backup_dir.exists() or not list(paths.backup_dir.glob("*.sqlite"))


def test_the_passphrase_is_kept_for_the_owner_only(demo_db, paths):
    with pytest.raises(UserError):
        backups.save_passphrase(paths, "kort")
    backups.save_passphrase(paths, "een lang wachtwoord")
    mode = stat.S_IMODE(backups.passphrase_file(paths).stat().st_mode)
    assert mode == 0o600
    config = backups.config_for(Settings(backup_encrypted=True), paths)
    assert config.passphrase == "een lang wachtwoord"
    made = backups.backup_before(demo_db, "voor-import", config)
    assert made.suffix == ".versleuteld"
    backups.forget_passphrase(paths)
    assert backups.config_for(Settings(backup_encrypted=True), paths).passphrase is None


def test_restore_and_the_newest_good_backup_of_a_damaged_file(demo_db, paths, clock):
    from tests.db.test_backups import damage, digest

    config = backups.config_for(Settings(), paths)
    good = backups.make_backup(demo_db.path, "handmatig", config, clock)
    clock.advance(hours=1)
    newer = backups.make_backup(demo_db.path, "handmatig", config, clock)
    damage(newer)
    demo_db.close()
    found = backups.newest_good_backup(demo_db.path, config)
    assert found is not None and found[0].path == good
    damage(demo_db.path)
    assert not integrity.check_file(demo_db.path).sound
    before = digest(demo_db.path)
    with pytest.raises(UserError):
        backups.restore(demo_db.path, newer, config)
    assert digest(demo_db.path) == before
    clock.advance(hours=1)
    kept = backups.restore(demo_db.path, good, config, now=clock)
    assert "voor-terugzetten" in kept.name
    assert integrity.check_file(demo_db.path).sound


def test_reasons_are_shown_in_words():
    assert backups.reason_label("voor-upgrade-0004").endswith("(0004)")
    assert backups.reason_label("voor-import") == backups._(backups.REASONS["voor-import"])
    assert backups.reason_label("iets-anders") == "iets-anders"


def test_the_file_as_it_was_before_a_restore_is_kept_for_a_year(demo_db, paths, clock):
    chosen = Settings(backup_keep_daily=1, backup_keep_weekly=0, backup_keep_monthly=0)
    config = backups.config_for(chosen, paths)
    backups.make_backup(demo_db.path, "voor-terugzetten", config, clock)
    for _day in range(30):
        clock.advance(days=1)
        backups.make_backup(demo_db.path, "handmatig", config, clock)
        backups.make_backup(demo_db.path, "handmatig", config, clock)
    reasons = [b.reason for b in backups.list_backups(demo_db, config)]
    assert "voor-terugzetten" in reasons
    assert reasons.count("handmatig") == 6  # the last 48 hours: the rest rotated away
    clock.advance(days=366)
    backups.make_backup(demo_db.path, "handmatig", config, clock)
    assert "voor-terugzetten" not in [b.reason for b in backups.list_backups(demo_db, config)]


def test_a_restore_is_recorded_in_the_restored_files_log(demo_db, paths, clock):
    from verenigingsbeheer.services import history

    config = backups.config_for(Settings(), paths)
    made = backups.make_backup(demo_db.path, "handmatig", config, clock)
    path = demo_db.path
    demo_db.close()
    clock.advance(hours=2)
    backups.restore(path, made, config, now=clock)
    from verenigingsbeheer.services.files import open_association_file

    with open_association_file(path, paths.backup_dir) as database, database.reading() as s:
        newest = history.list_actions(s)[0]
    assert newest.kind == "restore" and newest.kind_label == "Teruggezet"
    assert newest.description == "Teruggezet uit de reservekopie van 07-03-2026 09:00"
