"""Killing the program (SIGKILL) in the middle of a bulk action never damages the file:
afterwards it passes the full check and holds all or none of that action's rows.

The program runs as a real process (the CLI, the same code as the window); it is killed
at moments spread over the action's duration, many times.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]
ROUNDS = 8
IMPORTED = 3000


def command(home: Path, *argv: str) -> list[str]:
    return [sys.executable, "-m", "verenigingsbeheer", *argv]


def environment(home: Path) -> dict[str, str]:
    return {**os.environ, "VERENIGINGSBEHEER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def sound(path: Path) -> bool:
    """SQLite's own verdict, after it rolled back what a crash left (the hot journal)."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        keys = connection.execute("PRAGMA foreign_key_check").fetchall()
    return integrity == [("ok",)] and keys == []


def counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as connection:
        return tuple(
            connection.execute(query).fetchone()[0]
            for query in (
                "SELECT count(*) FROM members",
                "SELECT count(*) FROM persons WHERE anonymised_on IS NOT NULL",
                "SELECT count(*) FROM audit_entries",
            )
        )


def kill_during(
    argv: list[str], env: dict[str, str], after: float, journal: Path | None = None
) -> tuple[bool, bool]:
    """Run and kill: after `after` seconds, or (with `journal`) `after` seconds after the
    write transaction began (SQLite's journal appeared). Returns (really killed: it was
    still running, killed inside the write: the journal was there)."""
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if journal is not None:
        deadline = time.monotonic() + 60
        while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
    try:
        process.wait(timeout=after)
        return False, False
    except subprocess.TimeoutExpired:
        inside = journal is not None and journal.exists()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        return True, inside


def journal_of(path: Path) -> Path:
    """SQLite's rollback journal: there while a write transaction is under way."""
    return path.with_name(path.name + "-journal")


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


@pytest.fixture
def spreadsheet(tmp_path: Path) -> Path:
    path = tmp_path / "nieuwe-leden.csv"
    lines = ["Voornaam;Achternaam;Geboortedatum;Postcode;Plaats;E-mail;Stemgroep"]
    lines += [
        f"Lid{n};Achternaam{n};{1 + n % 28:02d}-{1 + n % 12:02d}-19{50 + n % 50};"
        f"25{n % 100:02d} AB;Den Haag;lid{n}@example.nl;Alt {1 + n % 2}"
        for n in range(IMPORTED)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_killing_an_import_leaves_all_or_nothing(tmp_path: Path, spreadsheet: Path):
    home, env = tmp_path / "home", environment(tmp_path / "home")
    original = tmp_path / "koor.sqlite"
    subprocess.run(command(home, "--db", str(original), "demo", "--members", "100"),
                   env=env, check=True, timeout=60)  # fmt: skip
    before = counts(original)[0]
    probe = tmp_path / "proef.sqlite"
    probe.write_bytes(original.read_bytes())
    argv = ["--db", str(probe), "members", "import", str(spreadsheet)]
    duration = timed(command(home, *argv), env)
    assert counts(probe)[0] == before + IMPORTED
    rng = random.Random(4)
    outcomes = []
    for round_ in range(ROUNDS):
        path = tmp_path / f"ronde{round_}.sqlite"
        path.write_bytes(original.read_bytes())
        argv = ["--db", str(path), "members", "import", str(spreadsheet)]
        # Even rounds: anywhere in the run; odd ones: inside the write transaction.
        journal = journal_of(path) if round_ % 2 else None
        after = rng.uniform(0.3, 1.0) * duration if journal is None else rng.uniform(0, 0.3)
        _killed, inside = kill_during(command(home, *argv), env, after, journal)
        assert sound(path), f"round {round_}: the file is damaged"
        members = counts(path)[0]
        assert members in (before, before + IMPORTED), f"round {round_}: {members} members"
        outcomes.append((inside, members == before))
    assert any(inside and nothing for inside, nothing in outcomes)  # killed mid-write


def test_killing_an_anonymisation_leaves_all_or_nothing(tmp_path: Path):
    home, env = tmp_path / "home", environment(tmp_path / "home")
    original = tmp_path / "koor.sqlite"
    # Many former members, all gone long ago: every one of them is due.
    subprocess.run(
        command(home, "--db", str(original), "demo", "--members", "2000", "--date",
                "2015-06-01"),
        env=env, check=True, timeout=120,
    )  # fmt: skip
    with sqlite3.connect(original) as connection:
        connection.execute(
            "UPDATE membership_periods SET end_date = '2016-12-31' WHERE end_date IS NULL"
            " AND member_id % 2 = 0"
        )
        connection.execute("UPDATE board_functions SET end_date = '2016-12-31'")
        connection.execute("UPDATE members SET pays_for_household = 0")
    due = _due(original)
    assert due > 900
    probe = tmp_path / "proef.sqlite"
    probe.write_bytes(original.read_bytes())
    argv = ["--db", str(probe), "privacy", "anonymise", "--confirm"]
    duration = timed(command(home, *argv), env)
    assert counts(probe)[1] == due
    rng = random.Random(7)
    outcomes = []
    for round_ in range(ROUNDS):
        path = tmp_path / f"ronde{round_}.sqlite"
        path.write_bytes(original.read_bytes())
        argv = ["--db", str(path), "privacy", "anonymise", "--confirm"]
        journal = journal_of(path) if round_ % 2 else None
        after = rng.uniform(0.3, 1.0) * duration if journal is None else rng.uniform(0, 0.5)
        _killed, inside = kill_during(command(home, *argv), env, after, journal)
        assert sound(path), f"round {round_}: the file is damaged"
        anonymised = counts(path)[1]
        assert anonymised in (0, due), f"round {round_}: {anonymised} of {due} anonymised"
        if anonymised == 0:
            assert _names_left(path) == _names_left(original)
        outcomes.append((inside, anonymised == 0))
    assert any(inside and nothing for inside, nothing in outcomes)  # killed mid-write


def _due(path: Path) -> int:
    """Former members, and the volunteers who are no member (in a demo of 2015 all of them
    last helped long ago)."""
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT (SELECT count(*) FROM members m WHERE NOT EXISTS (SELECT 1 FROM"
            " membership_periods p WHERE p.member_id = m.id AND p.end_date IS NULL))"
            " + (SELECT count(*) FROM volunteers v WHERE NOT EXISTS (SELECT 1 FROM members m"
            " WHERE m.person_id = v.person_id))"
        ).fetchone()[0]


def _names_left(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM persons WHERE first_name != ''").fetchone()[
            0
        ]
