"""`report volunteers`, `report volunteer` and `report allowances` from the command line:
the year they default to, the person as typed, bad arguments refused in Dutch with nothing
written, and no lock taken."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import digest, run
from tests.cli.test_report_activities_cli import text_of
from tests.lock_holder import held_elsewhere
from tests.volunteer_data import make_volunteer_file
from verenigingsbeheer.cli import build_parser
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n.formatting import format_money


@pytest.fixture(scope="module")
def koor(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "koor.sqlite"
    make_volunteer_file(path).database.close()
    return path


def report(db: Path, *args: str, paths=None) -> tuple[int, str, str]:
    return run("--db", str(db), "report", *args, paths=paths)


def money(value: str) -> str:
    return format_money(Money.euros(value))


def test_the_annual_overview_of_a_year_or_of_the_year_of_date(koor, paths, tmp_path: Path):
    out = tmp_path / "uren.pdf"
    code, stdout, err = report(koor, "volunteers", "--year", "2026", "--out", str(out),
                               paths=paths)  # fmt: skip
    assert (code, err) == (0, "")
    assert stdout == (
        f"Jaaroverzicht vrijwilligersuren 2026 opgeslagen in {out} (6 vrijwilligers, 24 uur, "
        f"waarde {money('345')}).\n"
    )
    assert "Jaaroverzicht vrijwilligersuren 2026" in text_of(out)
    code, stdout, _err = report(koor, "volunteers", "--date", "2025-12-31", "--out", str(out),
                                paths=paths)  # fmt: skip
    assert code == 0 and "(1 vrijwilliger, 1 uur, waarde " in stdout
    assert "Jaaroverzicht vrijwilligersuren 2025" in text_of(out)


def test_the_register_of_allowances(koor, paths, tmp_path: Path):
    out = tmp_path / "register.pdf"
    code, stdout, err = report(koor, "allowances", "--year", "2026", "--out", str(out),
                               paths=paths)  # fmt: skip
    assert (code, err) == (0, "")
    assert stdout == (
        f"Register vrijwilligersvergoedingen 2026 opgeslagen in {out} (5 betalingen, samen "
        f"{money('510.01')}).\n"
    )
    assert "Register vrijwilligersvergoedingen 2026" in text_of(out)


@pytest.mark.parametrize(
    ("person", "name", "count"),
    [
        ("zwart, carla", "Carla Zwart", f"6,25 uur, vergoedingen {money('220.01')}"),
        ("1", "Anna Berg", f"4,5 uur, vergoedingen {money('55')}"),
        ("EEF", "Eef Oud", f"1,5 uur, vergoedingen {money('0')}"),  # a former member
    ],
)
def test_a_personal_statement_by_name_or_member_number(koor, paths, tmp_path, person, name, count):
    out = tmp_path / "overzicht.pdf"
    code, stdout, err = report(koor, "volunteer", "--person", person, "--year", "2026", "--out",
                               str(out), paths=paths)  # fmt: skip
    assert (code, err) == (0, "")
    assert stdout == (
        f"Persoonlijk overzicht vrijwilligerswerk 2026 van {name} opgeslagen in {out} ({count}).\n"
    )
    assert f"Naam {name}" in text_of(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("volunteers", "--year", "1800"), "fout: Kies een jaar van 1950 tot en met 2100."),
        (("allowances", "--date", "2101-01-01"), "Kies een jaar van 1950 tot en met 2100."),
        (("allowances", "--year", "vorig"), "'vorig' is geen jaartal"),
        (("volunteer", "--person", "anna", "--year", "2026"),
         "'anna' past bij meer dan één vrijwilliger: Berg, Anna (lid 1); Jansen, Anna. Geef het "
         "lidnummer of de volledige naam."),
        (("volunteer", "--person", "Piet", "--year", "2026"),
         "Geen lid of vrijwilliger 'Piet' gevonden; kies uit: Aalders, Bram (lid 2);"),
        (("volunteer", "--person", "99"), "Er is geen lid met nummer 99."),
        (("volunteer", "--person", "Frits Weg", "--year", "2026"), "Geen lid of vrijwilliger"),
        (("volunteer", "--person", "1", "--year", "1800"), "Kies een jaar van 1950"),
        (("volunteer", "--year", "2026"), "deze argumenten zijn verplicht: --person"),
    ],
)  # fmt: skip
def test_bad_arguments_are_refused_in_dutch_and_nothing_is_written(
    koor: Path, paths, tmp_path: Path, args, message
):
    before = digest(koor)
    out = tmp_path / "lijst.pdf"
    code, stdout, err = report(koor, *args, "--out", str(out), paths=paths)
    assert (code, stdout) == (2, "")
    assert message in err and "Traceback" not in err
    assert not out.exists() and digest(koor) == before


@pytest.mark.parametrize(
    "argv", [["volunteers"], ["allowances"], ["volunteer", "--person", "Anna Berg"]]
)
def test_the_volunteer_lists_only_read(argv):
    args = build_parser().parse_args(["--db", "x.sqlite", "report", *argv, "--out", "x.pdf"])
    assert getattr(args, "writes", False) is False


@pytest.mark.slow
def test_the_volunteer_lists_work_while_the_window_has_the_file_open(koor, paths, tmp_path):
    out = tmp_path / "lijst.pdf"
    with held_elsewhere(koor):
        for argv in (["volunteers"], ["allowances"], ["volunteer", "--person", "1"]):
            code, _out, err = report(koor, *argv, "--year", "2026", "--out", str(out),
                                     paths=paths)  # fmt: skip
            assert (code, err) == (0, "")


def test_the_help_is_dutch(koor: Path, paths, capsys):
    assert report(koor, "volunteer", "--help", paths=paths)[0] == 0
    printed = capsys.readouterr().out
    assert "--person NAAM_OF_LIDNUMMER" in printed and "'Vries, Anna de'" in printed
    assert "--year JAAR" in printed
    assert report(koor, "--help", paths=paths)[0] == 0
    printed = capsys.readouterr().out
    assert "volunteers het jaaroverzicht van de vrijwilligersuren" in " ".join(printed.split())
