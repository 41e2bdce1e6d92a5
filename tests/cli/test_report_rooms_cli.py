"""`report rooms` and `report room-schedule` from the command line: the year and period
they default to, the room as typed, bad arguments refused in Dutch with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import digest, run
from tests.cli.test_report_activities_cli import text_of
from tests.lock_holder import held_elsewhere
from tests.rent_data import make_rent_file
from verenigingsbeheer.cli import build_parser
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n.formatting import format_money


@pytest.fixture
def rent_path(tmp_path: Path) -> Path:
    path = tmp_path / "doek.sqlite"
    make_rent_file(path).database.close()
    return path


def report(db: Path, *args: str, paths=None) -> tuple[int, str, str]:
    return run("--db", str(db), "report", *args, paths=paths)


def test_the_rent_of_a_year_or_of_the_year_of_date(rent_path, paths, tmp_path: Path):
    out = tmp_path / "huur.pdf"
    code, stdout, err = report(rent_path, "rooms", "--year", "2027", "--out", str(out),
                               paths=paths)  # fmt: skip
    assert (code, err) == (0, "")
    booked, outstanding = format_money(Money(38625)), format_money(Money(25750))
    assert stdout == (
        f"Zaalhuur 2027 opgeslagen in {out} (6 boekingen, geboekt {booked}, "
        f"openstaand {outstanding}).\n"
    )
    assert "Zaalhuur 2027" in text_of(out)
    code, stdout, _err = report(rent_path, "rooms", "--date", "2026-12-31", "--out", str(out),
                                paths=paths)  # fmt: skip
    assert code == 0 and stdout.startswith("Zaalhuur 2026 opgeslagen") and "(1 boeking," in stdout
    assert "Afgedrukt op 31 december 2026" in text_of(out)


def test_a_room_schedule_by_the_rooms_name_for_the_season_or_a_period(rent_path, paths, tmp_path):
    out = tmp_path / "zaalrooster.pdf"
    code, stdout, err = report(rent_path, "room-schedule", "--room", "de regentes - grote zaal",
                               "--date", "2027-01-10", "--out", str(out), paths=paths)  # fmt: skip
    assert (code, err) == (0, "")
    assert stdout == (f"Zaalrooster De Regentes – Grote zaal opgeslagen in {out} (6 boekingen).\n")
    assert "Periode Seizoen 2026–2027" in text_of(out)
    code, stdout, _err = report(rent_path, "room-schedule", "--room", "KAPEL", "--from",
                                "2027-12-01", "--to", "2028-01-31", "--out", str(out),
                                paths=paths)  # fmt: skip
    assert code == 0 and "Het Klooster – Kapel" in stdout and "(2 boekingen)" in stdout
    assert "Nieuwjaarsborrel" in text_of(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rooms", "--year", "1800"), "fout: Kies een jaar van 1950 tot en met 2100."),
        (("rooms", "--date", "1800-06-01"), "Kies een jaar van 1950 tot en met 2100."),
        (("rooms", "--year", "vorig"), "'vorig' is geen jaartal; schrijf het bijvoorbeeld als"),
        (("room-schedule", "--room", "Zolder"), "Onbekende zaal 'Zolder'; kies uit: De Regentes"),
        (("room-schedule", "--room", "Regentes"), "Onbekende zaal 'Regentes'"),
        (("room-schedule",), "deze argumenten zijn verplicht: --room"),
        (("room-schedule", "--room", "Foyer", "--from", "2027-03-01", "--to", "2027-02-01"),
         "--to 2027-02-01 ligt vóór --from 2027-03-01."),
        (("room-schedule", "--room", "Foyer", "--from", "2027-03-01"),
         "Geef zowel --from als --to, of geen van beide."),
    ],
)  # fmt: skip
def test_bad_arguments_are_refused_in_dutch_and_nothing_is_written(
    rent_path: Path, paths, tmp_path: Path, args, message
):
    before = digest(rent_path)
    out = tmp_path / "lijst.pdf"
    code, stdout, err = report(rent_path, *args, "--out", str(out), paths=paths)
    assert (code, stdout) == (2, "")
    assert message in err and "Traceback" not in err
    assert not out.exists() and digest(rent_path) == before


@pytest.mark.parametrize("argv", [["rooms"], ["room-schedule", "--room", "Foyer"]])
def test_the_room_lists_only_read(argv):
    args = build_parser().parse_args(["--db", "x.sqlite", "report", *argv, "--out", "x.pdf"])
    assert getattr(args, "writes", False) is False


@pytest.mark.slow
def test_the_room_lists_work_while_the_window_has_the_file_open(rent_path, paths, tmp_path):
    out = tmp_path / "lijst.pdf"
    with held_elsewhere(rent_path):
        assert report(rent_path, "rooms", "--out", str(out), paths=paths)[0] == 0
        code, _out, err = report(rent_path, "room-schedule", "--room", "Foyer", "--out",
                                 str(out), paths=paths)  # fmt: skip
        assert (code, err) == (0, "")


def test_the_help_is_dutch(rent_path: Path, paths, capsys):
    assert report(rent_path, "room-schedule", "--help", paths=paths)[0] == 0
    printed = capsys.readouterr().out
    assert "--room ZAAL" in printed and "'Locatie – Zaal'" in printed
    assert report(rent_path, "rooms", "--help", paths=paths)[0] == 0
    assert "--year JAAR" in capsys.readouterr().out
