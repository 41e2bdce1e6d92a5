"""The command line and the lock: writing commands hold it, reading ones need none."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import digest, run
from tests.lock_holder import SOURCES, dead_pid, held_elsewhere
from verenigingsbeheer.cli import build_parser
from verenigingsbeheer.db import lock
from verenigingsbeheer.db.lock import Holder, lock_path, read_lock

CSV = "Voornaam;Achternaam;Lid sinds\nPiet;Jansen;01-01-2020\n"


@pytest.fixture
def spreadsheet(tmp_path: Path) -> Path:
    path = tmp_path / "nieuw.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def left_lock(data_file: Path, **changes) -> Holder:
    moment = lock.now()
    holder = Holder(
        **{
            "host": lock.this_host(),
            "user": "jan",
            "pid": dead_pid(),
            "since": moment - dt.timedelta(hours=1),
            "heartbeat": moment - dt.timedelta(minutes=30),
            "token": "left-behind",
            **changes,
        }
    )
    lock_path(data_file).write_text(holder.to_json(), encoding="utf-8")
    return holder


@pytest.mark.parametrize(
    ("argv", "writes"),
    [
        (["demo"], True),
        (["members", "import", "x.csv"], True),
        (["members", "export", "--out", "x.csv"], False),
        (["info"], False),
        (["report", "board", "--out", "x.pdf"], False),
        (["ical", "--out", "x.ics"], False),
        (["report", "schedule", "--out", "x.pdf"], False),
        (["report", "attendance", "--out", "x.pdf"], False),
        (["restore", "kopie.sqlite"], True),
        (["backup"], False),
        (["check"], False),
        (["privacy", "anonymise"], True),
        (["privacy", "forget", "--member", "3"], True),
        (["privacy", "export", "--member", "3", "--out", "x.json"], False),
        (["privacy", "due"], False),
    ],
)
def test_each_command_declares_whether_it_writes(argv, writes):
    args = build_parser().parse_args(["--db", "koor.sqlite", *argv])
    assert getattr(args, "writes", False) is writes


@pytest.mark.slow
def test_a_writing_command_on_a_file_in_use_writes_nothing(demo_path: Path, spreadsheet, paths):
    before = digest(demo_path)
    with held_elsewhere(demo_path) as other:
        holder = read_lock(demo_path)
        code, out, err = run("--db", str(demo_path), "members", "import", str(spreadsheet),
                             paths=paths)  # fmt: skip
        assert code == 2 and out == ""
        assert "koor.sqlite" in err and holder.user in err and holder.host in err
        assert f"{holder.since.astimezone():%H:%M}" in err  # since when
        assert "Traceback" not in err
        assert digest(demo_path) == before
        assert read_lock(demo_path) == holder and other.poll() is None
    assert sorted(p.name for p in demo_path.parent.iterdir()) == [
        "home",
        "koor.sqlite",
        "nieuw.csv",
    ]


@pytest.mark.slow
def test_restore_and_anonymise_are_refused_while_the_file_is_in_use(demo_path, tmp_path, paths):
    copy = tmp_path / "kopie.sqlite"
    assert run("--db", str(demo_path), "backup", "--out", str(copy), paths=paths)[0] == 0
    before = digest(demo_path)
    with held_elsewhere(demo_path):
        for argv in (["restore", str(copy)], ["privacy", "anonymise", "--confirm"]):
            code, out, err = run("--db", str(demo_path), *argv, paths=paths)
            assert code == 2 and "Traceback" not in err, argv
            assert digest(demo_path) == before, argv


@pytest.mark.slow
def test_reading_commands_work_while_the_file_is_in_use(demo_path: Path, tmp_path: Path, paths):
    with held_elsewhere(demo_path):
        assert run("--db", str(demo_path), "info", paths=paths)[0] == 0
        out_csv, out_pdf = tmp_path / "leden.csv", tmp_path / "bestuur.pdf"
        assert run("--db", str(demo_path), "members", "export", "--out", str(out_csv))[0] == 0
        assert run("--db", str(demo_path), "report", "board", "--out", str(out_pdf))[0] == 0
        out_ics = tmp_path / "agenda.ics"
        assert run("--db", str(demo_path), "ical", "--out", str(out_ics))[0] == 0
        assert out_csv.stat().st_size > 0 and out_pdf.stat().st_size > 0
        assert out_ics.stat().st_size > 0


@pytest.mark.slow
def test_the_command_line_in_its_own_process_is_refused_too(demo_path: Path, spreadsheet):
    before = digest(demo_path)
    home = demo_path.parent / "h"
    env = {**os.environ, "PYTHONPATH": str(SOURCES), "VERENIGINGSBEHEER_HOME": str(home)}
    with held_elsewhere(demo_path):
        result = subprocess.run(
            [sys.executable, "-m", "verenigingsbeheer", "--db",
             str(demo_path), "members", "import", str(spreadsheet)],
            capture_output=True, text=True, timeout=120, env=env,
        )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert lock.user_name() in result.stderr and "Traceback" not in result.stderr
    assert digest(demo_path) == before


def test_a_writing_command_holds_the_lock_while_it_runs(demo_path, spreadsheet, paths, monkeypatch):
    from verenigingsbeheer.services import member_import

    seen = []
    real = member_import.run_import

    def watched(*args, **kwargs):
        seen.append(read_lock(demo_path))
        return real(*args, **kwargs)

    monkeypatch.setattr(member_import, "run_import", watched)
    code, _out, err = run("--db", str(demo_path), "members", "import", str(spreadsheet),
                          paths=paths)  # fmt: skip
    assert (code, err) == (0, "")
    assert seen[0] is not None and seen[0].pid == os.getpid()
    assert not lock_path(demo_path).exists()  # released at the end


def test_a_refused_writing_command_releases_the_lock(demo_path, tmp_path, paths):
    bad = tmp_path / "fout.csv"
    bad.write_text("Voornaam;Achternaam;Lid sinds\nPiet;Jansen;31-02-2020\n", encoding="utf-8")
    code, _out, _err = run("--db", str(demo_path), "members", "import", str(bad), paths=paths)
    assert code == 2
    assert not lock_path(demo_path).exists()


def test_a_new_file_made_by_a_command_is_left_without_a_lock(tmp_path: Path, spreadsheet):
    path = tmp_path / "nieuw.sqlite"
    assert run("--db", str(path), "members", "import", str(spreadsheet))[0] == 0
    assert run("--db", str(tmp_path / "demo.sqlite"), "demo", "--members", "3")[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "demo.sqlite", "home", "nieuw.csv", "nieuw.sqlite"
    ]  # fmt: skip


def test_a_lock_left_by_a_dead_process_here_is_taken_over_with_a_note(demo_path, spreadsheet):
    old = left_lock(demo_path)
    code, out, err = run("--db", str(demo_path), "members", "import", str(spreadsheet))
    assert code == 0, err
    assert "jan" in err and old.host in err and "koor.sqlite" in err
    assert err.count("\n") == 1  # one note, no error
    assert not lock_path(demo_path).exists()


def test_an_unreadable_old_lock_is_taken_over_with_a_note(demo_path, spreadsheet):
    lock_path(demo_path).write_text("", encoding="utf-8")
    long_ago = lock.now().timestamp() - 60
    os.utime(lock_path(demo_path), (long_ago, long_ago))
    code, _out, err = run("--db", str(demo_path), "members", "import", str(spreadsheet))
    assert code == 0 and "koor.sqlite" in err
    assert not lock_path(demo_path).exists()


def test_a_silent_lock_of_another_computer_is_not_taken_over(demo_path, spreadsheet):
    before = digest(demo_path)
    old = left_lock(demo_path, host="LAPTOP-JAN", pid=4242)
    code, _out, err = run("--db", str(demo_path), "members", "import", str(spreadsheet))
    assert code == 2
    assert "LAPTOP-JAN" in err and "jan" in err
    assert f"{old.heartbeat.astimezone():%H:%M}" in err  # the last sign of life
    assert digest(demo_path) == before and read_lock(demo_path) == old


def test_conflict_copies_are_noted_on_stderr(demo_path: Path, paths):
    copy = demo_path.with_name("koor (conflicted copy 2026-03-01).sqlite")
    copy.write_bytes(demo_path.read_bytes())
    code, out, err = run("--db", str(demo_path), "info", paths=paths)
    assert code == 0 and "leden: 40" in out
    assert copy.name in err and "Traceback" not in err
    code, _out, err = run("--db", str(copy), "info", paths=paths)
    assert code == 0 and "koor.sqlite" in err  # opening the copy says whose copy it is
