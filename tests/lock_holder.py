"""A real second process that holds a file's lock, for the tests of one writer at a time."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import verenigingsbeheer

SOURCES = Path(verenigingsbeheer.__file__).resolve().parent.parent
HOLD = """
import sys
from verenigingsbeheer.db.lock import acquire
lock = acquire(sys.argv[1])
print("held", flush=True)
sys.stdin.read()  # until the test closes our stdin (or kills us)
lock.release()
"""


def python(code: str, *args: str, **kwargs) -> subprocess.Popen:
    """`python -c code args` with this checkout's sources first."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SOURCES), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, text=True, **kwargs)


def wait_for(condition, timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@contextmanager
def held_elsewhere(data_file: Path) -> Iterator[subprocess.Popen]:
    """Another process holds the lock of `data_file` while the block runs."""
    process = python(HOLD, str(data_file), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert process.stdout.readline().strip() == "held"
        yield process
    finally:
        if process.poll() is None:
            process.stdin.close()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)


def dead_pid() -> int:
    """The id of a process of this computer that has ended (and was reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait(timeout=20)
    return process.pid
