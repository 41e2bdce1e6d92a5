"""The lock file beside the data file: one writer at a time, also across processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.lock_holder import dead_pid, held_elsewhere, python, wait_for
from verenigingsbeheer.db import lock
from verenigingsbeheer.db.lock import (
    DEAD,
    SILENT,
    UNREADABLE,
    Holder,
    LockHeld,
    LockLost,
    acquire,
    lock_path,
    read_lock,
)


def other_holder(**changes) -> Holder:
    """A lock as another program would have written it."""
    moment = lock.now()
    fields = {
        "host": lock.this_host(),
        "user": "jan",
        "pid": os.getpid(),
        "since": moment - dt.timedelta(hours=2),
        "heartbeat": moment,
        "token": "someone-else",
        **changes,
    }
    return Holder(**fields)


def write_lock(data_file: Path, **changes) -> Holder:
    holder = other_holder(**changes)
    lock_path(data_file).write_text(holder.to_json(), encoding="utf-8")
    return holder


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "koor.sqlite"
    path.write_bytes(b"")
    return path


def test_the_lock_is_a_json_file_beside_the_data_file(data_file: Path):
    with acquire(data_file, user="marieke") as held:
        assert held.path == data_file.with_name("koor.sqlite.lock")
        data = json.loads(held.path.read_text(encoding="utf-8"))
        assert {"host", "user", "pid", "since", "heartbeat"} <= set(data)
        assert data["user"] == "marieke" and data["pid"] == os.getpid()
        assert data["host"] == lock.this_host()
        assert dt.datetime.fromisoformat(data["since"]).tzinfo is not None
        assert read_lock(data_file) == held.holder
    assert not held.path.exists()
    assert sorted(p.name for p in data_file.parent.iterdir()) == ["koor.sqlite"]


def test_a_second_acquire_is_told_who_holds_it(data_file: Path):
    with acquire(data_file, user="marieke") as first:
        with pytest.raises(LockHeld) as refused:
            acquire(data_file, user="piet", take_over=lambda held: True)
        assert refused.value.holder == first.holder
        assert refused.value.stale is None  # a live lock is never taken over
        assert read_lock(data_file) == first.holder


def test_refresh_writes_a_new_heartbeat(data_file: Path, monkeypatch):
    held = acquire(data_file)
    later = held.holder.heartbeat + dt.timedelta(minutes=3)
    monkeypatch.setattr(lock, "now", lambda: later)
    held.refresh()
    assert read_lock(data_file).heartbeat == later
    assert read_lock(data_file).since == held.holder.since
    held.release()


def test_release_removes_only_our_own_lock(data_file: Path):
    held = acquire(data_file)
    other = write_lock(data_file, heartbeat=lock.now())  # replaced behind our back
    held.release()
    assert read_lock(data_file) == other


def test_refresh_notices_that_the_lock_was_taken_over(data_file: Path):
    held = acquire(data_file)
    other = write_lock(data_file)
    with pytest.raises(LockLost) as lost:
        held.refresh()
    assert lost.value.holder == other
    assert read_lock(data_file) == other  # not overwritten


def test_refresh_puts_back_a_lock_removed_by_hand(data_file: Path):
    held = acquire(data_file)
    lock_path(data_file).unlink()
    held.refresh()
    assert read_lock(data_file).token == held.holder.token
    held.release()


def test_a_dead_process_of_this_computer_leaves_a_stale_lock(data_file: Path):
    old = write_lock(data_file, pid=dead_pid())
    with pytest.raises(LockHeld) as refused:
        acquire(data_file)
    assert refused.value.stale == DEAD and refused.value.holder == old
    held = acquire(data_file, take_over=lambda found: found.stale == DEAD)
    assert held.taken_over.holder == old  # whose it was, for the note
    assert read_lock(data_file) == held.holder
    held.release()


def test_an_old_heartbeat_of_another_computer_is_stale(data_file: Path):
    long_ago = lock.now() - dt.timedelta(hours=3)
    old = write_lock(data_file, host="LAPTOP-JAN", pid=1, since=long_ago, heartbeat=long_ago)
    with pytest.raises(LockHeld) as refused:
        acquire(data_file, take_over=lambda found: found.stale == DEAD)
    assert refused.value.stale == SILENT
    held = acquire(data_file, take_over=lambda found: found.holder == old)
    assert held.taken_over.holder == old
    held.release()


def test_a_recent_heartbeat_of_another_computer_is_live(data_file: Path):
    write_lock(data_file, host="LAPTOP-JAN", pid=1)  # pid 1 exists here, but it is not theirs
    with pytest.raises(LockHeld) as refused:
        acquire(data_file, take_over=lambda found: True)
    assert refused.value.stale is None
    clock_ahead = lock.now() + dt.timedelta(minutes=30)
    write_lock(data_file, host="LAPTOP-JAN", heartbeat=clock_ahead)
    with pytest.raises(LockHeld):
        acquire(data_file, take_over=lambda found: True)


def test_an_unreadable_lock_is_stale_after_a_short_grace(data_file: Path):
    lock_path(data_file).write_text("", encoding="utf-8")  # just made: it may be being written
    started = time.monotonic()
    with pytest.raises(LockHeld) as refused:
        acquire(data_file, grace=0.3)
    assert time.monotonic() - started >= 0.3  # it waited for the writer to finish
    assert refused.value.stale == UNREADABLE and refused.value.holder is None
    long_ago = time.time() - 60
    os.utime(lock_path(data_file), (long_ago, long_ago))
    started = time.monotonic()
    held = acquire(data_file, take_over=lambda found: found.stale == UNREADABLE, grace=5)
    assert time.monotonic() - started < 5  # an old empty file is not waited for
    assert read_lock(data_file) == held.holder
    held.release()


def test_a_half_written_lock_of_a_live_process_is_not_stolen(data_file: Path):
    """A lock that becomes readable within the grace is respected."""
    lock_path(data_file).write_text("{", encoding="utf-8")
    writer = python(
        "import sys, time, pathlib\n"
        "time.sleep(0.5)\n"
        "pathlib.Path(sys.argv[1]).write_text(sys.argv[2])",
        str(lock_path(data_file)),
        other_holder(host="LAPTOP-JAN").to_json(),
    )
    try:
        with pytest.raises(LockHeld) as refused:
            acquire(data_file, take_over=lambda found: True, grace=5)
        assert refused.value.stale is None and refused.value.holder.host == "LAPTOP-JAN"
    finally:
        writer.wait(timeout=20)


@pytest.mark.slow
def test_the_lock_between_two_real_processes(data_file: Path):
    with held_elsewhere(data_file) as other:
        with pytest.raises(LockHeld) as refused:
            acquire(data_file, take_over=lambda found: True)
        assert refused.value.holder.pid == other.pid and refused.value.stale is None
    assert read_lock(data_file) is None  # released when the other one closed
    with acquire(data_file) as mine:
        assert read_lock(data_file) == mine.holder


@pytest.mark.slow
def test_a_killed_process_leaves_a_lock_that_can_be_taken_over(data_file: Path):
    with held_elsewhere(data_file) as other:
        os.kill(other.pid, signal.SIGKILL)
        other.wait(timeout=20)
        assert read_lock(data_file).pid == other.pid  # left behind
        held = acquire(data_file, take_over=lambda found: found.stale == DEAD)
        assert held.taken_over.holder.pid == other.pid
        held.release()


RACE = """
import sys, time
from verenigingsbeheer.db.lock import LockHeld, acquire
start = float(sys.argv[2])
while time.time() < start:
    pass
try:
    held = acquire(sys.argv[1], take_over=lambda found: True)
except LockHeld:
    print("refused", flush=True)
else:
    print("won", flush=True)
    time.sleep(1.5)  # keep it while the others look
    held.release()
"""


@pytest.mark.slow
@pytest.mark.parametrize("stale_first", [False, True], ids=["free", "stale"])
def test_of_many_processes_starting_at_once_exactly_one_gets_the_lock(
    data_file: Path, stale_first: bool
):
    if stale_first:  # all of them see the stale lock and try to take it over
        write_lock(data_file, pid=dead_pid())
    start = f"{time.time() + 1.5:.3f}"
    racers = [
        python(RACE, str(data_file), start, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(8)
    ]
    results = [racer.communicate(timeout=60) for racer in racers]
    outcomes = sorted(out.strip() for out, _err in results)
    assert outcomes == ["refused"] * 7 + ["won"], [err for _out, err in results]
    wait_for(lambda: read_lock(data_file) is None, what="the winner's release")


def test_process_alive():
    assert lock.process_alive(os.getpid())
    assert not lock.process_alive(dead_pid())
    assert not lock.process_alive(0)


def test_a_zombie_counts_as_dead():
    if not sys.platform.startswith("linux"):
        pytest.skip("zombies are read from /proc")
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    wait_for(
        lambda: Path(f"/proc/{process.pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z",
        what="the child to end",
    )
    assert not lock.process_alive(process.pid)
    process.wait(timeout=20)


def test_a_lost_lock_counts_as_released_and_leaves_the_new_one_alone(data_file: Path):
    held = acquire(data_file)
    other = write_lock(data_file)
    with pytest.raises(LockLost):
        held.refresh()
    assert held.released
    held.refresh()  # both do nothing now
    held.release()
    assert read_lock(data_file) == other
