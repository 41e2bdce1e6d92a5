"""`verenigingsbeheer --db FILE ical --out FILE.ics`: the calendar from the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli.test_cli import digest, run
from tests.season_data import make_season


@pytest.fixture
def season_path(tmp_path: Path) -> Path:
    path = tmp_path / "koor.sqlite"
    make_season(path).database.close()
    return path


def ical(db: Path, *args: str, paths=None) -> tuple[int, str, str]:
    return run("--db", str(db), "ical", *args, paths=paths)


def test_the_whole_file_one_section_or_a_period(season_path: Path, paths, tmp_path: Path):
    out = tmp_path / "agenda.ics"
    code, stdout, err = ical(season_path, "--out", str(out), paths=paths)
    assert (code, err) == (0, "")
    assert stdout == f"Agenda opgeslagen in {out} (45 activiteiten).\n"
    assert len(Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 45
    code, stdout, err = ical(season_path, "--out", str(out), "--section", "alt", paths=paths)
    assert (code, err) == (0, "") and "(44 activiteiten)" in stdout
    code, stdout, _err = ical(
        season_path, "--out", str(out), "--from", "2026-10-01", "--to", "2026-10-31", paths=paths
    )
    assert code == 0 and "(4 activiteiten)" in stdout
    code, stdout, _err = ical(
        season_path, "--out", str(out), "--from", "2030-01-01", "--to", "2030-12-31", paths=paths
    )
    assert code == 0 and "(0 activiteiten)" in stdout
    assert Calendar.from_ical(out.read_bytes()).walk("VEVENT") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--section", "Bariton"), "Onbekende sectie 'Bariton'; kies uit: Sopraan, Alt, Tenor"),
        (("--from", "2026-10-01"), "Geef zowel --from als --to, of geen van beide."),
        (("--to", "2026-10-01"), "Geef zowel --from als --to, of geen van beide."),
        (("--from", "2026-10-31", "--to", "2026-10-01"), "--to 2026-10-01 ligt vóór --from"),
        (("--from", "1-10-2026", "--to", "2026-10-31"), "JJJJ-MM-DD"),
    ],
)
def test_bad_choices_are_refused_in_dutch_and_nothing_is_written(
    season_path: Path, paths, tmp_path: Path, args, message
):
    before = digest(season_path)
    out = tmp_path / "agenda.ics"
    code, stdout, err = ical(season_path, "--out", str(out), *args, paths=paths)
    assert (code, stdout) == (2, "")
    assert message in err and "Traceback" not in err
    assert not out.exists() and digest(season_path) == before


def test_a_place_that_cannot_be_written_is_refused(season_path: Path, paths, tmp_path: Path):
    folder = tmp_path / "map.ics"
    folder.mkdir()
    for out, message in [
        (tmp_path / "agenda.txt", "moet eindigen op .ics"),
        (tmp_path / "nergens" / "agenda.ics", "bestaat niet"),
        (folder, "is een map"),
    ]:
        code, _stdout, err = ical(season_path, "--out", str(out), paths=paths)
        assert code == 2 and message in err, (out, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "koor.sqlite", "map.ics"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_without_permission_is_refused(season_path: Path, paths, tmp_path: Path):
    locked = tmp_path / "alleen-lezen"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _stdout, err = ical(season_path, "--out", str(locked / "a.ics"), paths=paths)
    finally:
        locked.chmod(0o700)
    assert code == 2 and "Geen toestemming" in err
    assert list(locked.iterdir()) == []
