"""Start-up time: process start to the first painted window.

Run with `python -m pytest tests/benchmarks -o addopts="" --benchmark-only`
(they are not part of the default run). Figures go into the README.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BARE_QT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.resize(1100, 720)
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
quitter = Quit()
window.installEventFilter(quitter)
window.show()
app.exec()
"""


@pytest.fixture(scope="module")
def big_demo(tmp_path_factory) -> Path:
    from verenigingsbeheer.services.demo import create_demo

    path = tmp_path_factory.mktemp("bench") / "groot.sqlite"
    create_demo(path, members=10_000, seed=1).close()
    return path


def environment(home: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VERENIGINGSBEHEER_HOME": str(home)}


def test_startup_to_first_paint_with_10000_members(benchmark, big_demo: Path, tmp_path: Path):
    command = [
        sys.executable,
        "-m",
        "verenigingsbeheer",
        "--db",
        str(big_demo),
        "--quit-after-show",
    ]
    env = environment(tmp_path / "home")

    def start() -> int:
        return subprocess.run(command, env=env, capture_output=True, timeout=120).returncode

    assert benchmark.pedantic(start, rounds=5, warmup_rounds=1) == 0


def test_bare_qt_window_for_comparison(benchmark, tmp_path: Path):
    env = environment(tmp_path / "home")

    def start() -> int:
        return subprocess.run(
            [sys.executable, "-c", BARE_QT], env=env, capture_output=True, timeout=120
        ).returncode

    assert benchmark.pedantic(start, rounds=5, warmup_rounds=1) == 0
