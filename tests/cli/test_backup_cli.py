"""`backup`, `restore` and `check` on the command line: exit codes, messages, files left alone."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import digest, info_counts, run
from tests.db.test_backups import damage
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.backups import ENV_PASSPHRASE, PASSPHRASE_FILE

SRC = Path(__file__).resolve().parents[2] / "src"


def backups_in(folder: Path, reason: str = "") -> list[Path]:
    return sorted(p for p in folder.glob(f"*{reason}*") if not p.name.endswith(".json"))


def rename_members(path: Path, first_name: str) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE persons SET first_name = ?", (first_name,))


def first_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT first_name FROM persons")}


def test_backup_into_the_backup_folder_then_restore(demo_path: Path, paths):
    code, out, err = run("--db", str(demo_path), "backup", paths=paths)
    assert (code, err) == (0, "")
    made = backups_in(paths.backup_dir, "handmatig")
    assert len(made) == 1 and str(made[0]) in out
    names = first_names(demo_path)
    rename_members(demo_path, "Iedereen")
    code, out, err = run("--db", str(demo_path), "restore", str(made[0]), paths=paths)
    assert (code, err) == (0, "")
    assert first_names(demo_path) == names
    kept = backups_in(paths.backup_dir, "voor-terugzetten")
    assert len(kept) == 1 and str(kept[0]) in out
    assert first_names(kept[0]) == {"Iedereen"}


def test_backup_to_a_named_file(demo_path: Path, tmp_path: Path, paths):
    out_file = tmp_path / "usb" / "koor-kopie.sqlite"
    out_file.parent.mkdir()
    code, out, _err = run("--db", str(demo_path), "backup", "--out", str(out_file), paths=paths)
    assert code == 0 and str(out_file) in out
    assert info_counts(run("--db", str(out_file), "info", paths=paths)[1])["leden"] == 40
    before = digest(out_file)
    code, _out, err = run("--db", str(demo_path), "backup", "--out", str(out_file), paths=paths)
    assert (
        code == 2 and _("{path} already exists; choose another name.").format(path=out_file) in err
    )
    assert digest(out_file) == before


def test_a_missing_backup_folder_falls_back_to_the_default_with_a_note(
    demo_path: Path, tmp_path: Path, paths, capsys
):
    usb = tmp_path / "usb-stick"
    settings_store.save(settings_store.Settings(backup_folder=str(usb)), paths.settings_file)
    code, out, _err = run("--db", str(demo_path), "backup", paths=paths)
    assert code == 0
    assert str(usb) in capsys.readouterr().err
    assert len(backups_in(paths.backup_dir, "handmatig")) == 1 and not usb.exists()
    usb.mkdir()
    assert run("--db", str(demo_path), "backup", paths=paths)[0] == 0
    assert len(backups_in(usb, "handmatig")) == 1


def test_restoring_another_associations_backup_needs_force(demo_path: Path, tmp_path: Path, paths):
    other = tmp_path / "toneel.sqlite"
    assert run("--db", str(other), "demo", "--members", "3", paths=paths)[0] == 0
    foreign = tmp_path / "toneel-kopie.sqlite"
    assert run("--db", str(other), "backup", "--out", str(foreign), paths=paths)[0] == 0
    before = digest(demo_path)
    code, _out, err = run("--db", str(demo_path), "restore", str(foreign), paths=paths)
    assert code == 2 and "--force" in err and "Traceback" not in err
    assert digest(demo_path) == before
    code, _out, _err = run("--db", str(demo_path), "restore", str(foreign), "--force", paths=paths)
    assert code == 0
    assert info_counts(run("--db", str(demo_path), "info", paths=paths)[1])["leden"] == 3


def test_encrypted_backup_restored_with_a_passphrase_file_or_the_environment(
    demo_path: Path, tmp_path: Path, paths, monkeypatch
):
    (paths.config_dir / PASSPHRASE_FILE).write_text("lang genoeg wachtwoord")
    settings_store.save(settings_store.Settings(backup_encrypted=True), paths.settings_file)
    assert run("--db", str(demo_path), "backup", paths=paths)[0] == 0
    [made] = backups_in(paths.backup_dir, "handmatig")
    assert made.suffix == ".versleuteld"
    (paths.config_dir / PASSPHRASE_FILE).unlink()  # as on another computer
    names = first_names(demo_path)
    rename_members(demo_path, "Iedereen")
    before = digest(demo_path)

    code, _out, err = run("--db", str(demo_path), "restore", str(made), paths=paths)
    assert code == 2 and made.name in err
    wrong = tmp_path / "fout.txt"
    wrong.write_text("verkeerd wachtwoord\n")
    argv = ["--db", str(demo_path), "restore", str(made), "--passphrase-file", str(wrong)]
    code, _out, err = run(*argv, paths=paths)
    assert code == 2 and made.name in err and "Traceback" not in err
    assert digest(demo_path) == before
    assert len(backups_in(paths.backup_dir)) == 1  # nothing written

    right = tmp_path / "goed.txt"
    right.write_text("lang genoeg wachtwoord\n")
    argv[-1] = str(right)
    assert run(*argv, paths=paths)[0] == 0
    assert first_names(demo_path) == names
    rename_members(demo_path, "Weer anders")
    monkeypatch.setenv(ENV_PASSPHRASE, "lang genoeg wachtwoord")
    settings_store.save(settings_store.Settings(), paths.settings_file)
    assert run("--db", str(demo_path), "restore", str(made), paths=paths)[0] == 0
    assert first_names(demo_path) == names


def test_a_damaged_backup_is_refused(demo_path: Path, tmp_path: Path, paths):
    copy = tmp_path / "kopie.sqlite"
    assert run("--db", str(demo_path), "backup", "--out", str(copy), paths=paths)[0] == 0
    damage(copy)
    before = digest(demo_path)
    code, _out, err = run("--db", str(demo_path), "restore", str(copy), paths=paths)
    assert code == 2 and copy.name in err
    assert digest(demo_path) == before
    not_a_backup = tmp_path / "brief.txt"
    not_a_backup.write_text("Beste leden,")
    assert run("--db", str(demo_path), "restore", str(not_a_backup), paths=paths)[0] == 2
    assert digest(demo_path) == before


def test_check_a_sound_file(demo_path: Path, paths):
    code, out, err = run("--db", str(demo_path), "check", paths=paths)
    assert (code, err) == (0, "")
    expected = _("{path} is sound: SQLite's full check found no errors.")
    assert expected.format(path=demo_path) in out


def test_check_and_open_a_damaged_file_leave_it_byte_identical(demo_path: Path, paths):
    damage(demo_path)
    before = digest(demo_path)
    code, out, _err = run("--db", str(demo_path), "check", paths=paths)
    assert code == 1
    assert str(demo_path) in out and "Traceback" not in out
    code, _out, err = run("--db", str(demo_path), "info", paths=paths)
    assert code == 2 and str(demo_path) in err
    assert digest(demo_path) == before
    assert not Path(f"{demo_path}-journal").exists()


def test_check_finds_references_to_missing_records(demo_path: Path, paths):
    with sqlite3.connect(demo_path) as db:  # foreign keys are off in a plain connection
        db.execute("DELETE FROM persons WHERE id = 1")
    before = digest(demo_path)
    code, out, _err = run("--db", str(demo_path), "check", paths=paths)
    assert code == 1 and "members" in out
    assert digest(demo_path) == before


@pytest.mark.parametrize(
    "argv",
    [
        ("restore",),
        ("check", "--grondig"),
        ("backup", "--out"),
        ("restore", "x.sqlite", "--passphrase-file"),
    ],
)
def test_bad_arguments_exit_2_with_a_dutch_message_and_change_nothing(argv, demo_path: Path, paths):
    before = digest(demo_path)
    code, out, err = run("--db", str(demo_path), *argv, paths=paths)
    assert code == 2 and out == ""
    assert "fout" in err and "Traceback" not in err and "error" not in err
    assert digest(demo_path) == before
    assert not paths.backup_dir.exists()


def test_commands_on_a_missing_file(tmp_path: Path, paths):
    missing = tmp_path / "typo.sqlite"
    for argv in (("check",), ("backup",)):
        code, _out, err = run("--db", str(missing), *argv, paths=paths)
        assert code == 2 and "niet gevonden" in err.lower()
    assert not missing.exists()


def test_check_after_a_crash_rolls_back_the_hot_journal(demo_path: Path, tmp_path: Path):
    """A real crash: a child process writes half a transaction and is killed."""
    names = first_names(demo_path)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"db = sqlite3.connect({str(demo_path)!r}, isolation_level=None)\n"
            "db.execute('PRAGMA cache_size=1')\n"  # spill changed pages into the file
            "db.execute('BEGIN IMMEDIATE')\n"
            "db.execute(\"UPDATE persons SET first_name = 'Half' || zeroblob(3000)\")\n"
            "db.execute('CREATE TABLE ballast AS SELECT zeroblob(100000) AS b')\n"
            "print('ready', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    journal = Path(f"{demo_path}-journal")
    assert journal.exists() and journal.stat().st_size > 0  # a hot journal
    env = dict(os.environ, PYTHONPATH=str(SRC))
    result = subprocess.run(
        [sys.executable, "-m", "verenigingsbeheer", "--db", str(demo_path), "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not journal.exists()
    assert first_names(demo_path) == names


def test_members_import_backs_up_first_and_a_refused_one_does_not(
    demo_path: Path, tmp_path: Path, paths
):
    from tests.cli.test_members_cli import MESSY

    messy = tmp_path / "ledenlijst.csv"
    messy.write_bytes(MESSY)
    command = ["--db", str(demo_path), "members", "import", str(messy)]
    assert run(*command, paths=paths)[0] == 2
    assert backups_in(paths.backup_dir, "voor-import") == []
    assert run(*command, "--skip-invalid", paths=paths)[0] == 0
    [made] = backups_in(paths.backup_dir, "voor-import")
    assert info_counts(run("--db", str(made), "info", paths=paths)[1])["leden"] == 40
    assert info_counts(run("--db", str(demo_path), "info", paths=paths)[1])["leden"] == 42


def old_file(tmp_path: Path) -> Path:
    """A file of the first schema revision, with members: opening it upgrades it."""
    from tests.db.schema_fill import fill_0001
    from tests.db.test_migrations import make_file_at

    path = tmp_path / "oud.sqlite"
    make_file_at(path, "0001")
    fill_0001(path)
    return path


def test_an_upgrade_by_the_command_line_backs_up_as_chosen(tmp_path: Path, paths):
    usb = tmp_path / "usb"
    usb.mkdir()
    (paths.config_dir / PASSPHRASE_FILE).write_text("lang genoeg wachtwoord")
    settings_store.save(
        settings_store.Settings(backup_folder=str(usb), backup_encrypted=True), paths.settings_file
    )
    path = old_file(tmp_path)
    assert run("--db", str(path), "info", paths=paths)[0] == 0
    [made] = backups_in(usb, "voor-upgrade")
    assert "voor-upgrade-0001" in made.name and made.suffix == ".versleuteld"
    assert not made.read_bytes().startswith(b"SQLite format 3")
    (tmp_path / "tweede").mkdir()
    again = old_file(tmp_path / "tweede")
    (paths.config_dir / PASSPHRASE_FILE).unlink()  # encryption chosen, passphrase gone
    before = digest(again)
    code, out, err = run("--db", str(again), "info", paths=paths)
    assert code == 2 and "wachtwoord" in err and digest(again) == before


@pytest.mark.slow
def test_a_reading_command_that_must_upgrade_waits_for_the_lock(tmp_path: Path, paths):
    from tests.lock_holder import held_elsewhere

    path = old_file(tmp_path)
    before = digest(path)
    with held_elsewhere(path):
        code, out, err = run("--db", str(path), "info", paths=paths)
    assert code == 2 and "in gebruik" in err and digest(path) == before
    assert run("--db", str(path), "info", paths=paths)[0] == 0  # and once it is free


def test_an_encrypted_backup_to_a_named_file_says_so_in_its_name(demo_path, tmp_path, paths):
    (paths.config_dir / PASSPHRASE_FILE).write_text("lang genoeg wachtwoord")
    settings_store.save(settings_store.Settings(backup_encrypted=True), paths.settings_file)
    wanted = tmp_path / "kopie.sqlite"
    code, out, _err = run("--db", str(demo_path), "backup", "--out", str(wanted), paths=paths)
    made = tmp_path / "kopie.sqlite.versleuteld"
    assert code == 0 and str(made) in out and made.exists() and not wanted.exists()
