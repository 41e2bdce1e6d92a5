"""Shared fixtures: offscreen Qt, private user folders, a demo file, a scripted asker."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from verenigingsbeheer import i18n  # noqa: E402
from verenigingsbeheer.paths import ENV_HOME, Paths  # noqa: E402

DEMO_DATE = dt.date(2026, 3, 7)


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever reads or writes the real user folders."""
    home = tmp_path / "home"
    monkeypatch.setenv(ENV_HOME, str(home))
    return home


@pytest.fixture(autouse=True)
def private_temp(tmp_path_factory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PDFs opened for printing go to the temporary folder: one of the test's own (beside
    tmp_path, which tests look into), not the machine's."""
    import tempfile

    folder = tmp_path_factory.mktemp("temporary")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(autouse=True)
def dutch():
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")


@pytest.fixture
def paths(private_home: Path) -> Paths:
    return Paths(private_home / "data", private_home / "config", private_home / "log").ensure()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A demo association (40 current members) made for DEMO_DATE."""
    from verenigingsbeheer.services.demo import create_demo

    path = tmp_path / "koor.sqlite"
    create_demo(path, members=40, seed=7, today=DEMO_DATE).close()
    return path


@pytest.fixture
def demo_db(demo_path: Path, paths: Paths):
    from verenigingsbeheer.db.opening import open_database

    database = open_database(demo_path, paths.backup_dir)
    yield database
    database.close()
