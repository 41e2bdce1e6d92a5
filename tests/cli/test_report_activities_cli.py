"""`report schedule` and `report attendance` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.test_cli import digest, run
from tests.season_data import make_season
from verenigingsbeheer.i18n.formatting import format_percent
from verenigingsbeheer.outputs.pdf.attendance import BELOW_MARK

DAY = "2026-11-03"


@pytest.fixture
def season_path(tmp_path: Path) -> Path:
    path = tmp_path / "koor.sqlite"
    make_season(path).database.close()
    return path


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def report(db: Path, *args: str, paths=None) -> tuple[int, str, str]:
    return run("--db", str(db), "report", *args, paths=paths)


def test_the_schedule_of_the_season_of_date_or_of_a_period(season_path, paths, tmp_path: Path):
    out = tmp_path / "rooster.pdf"
    code, stdout, err = report(season_path, "schedule", "--out", str(out), "--date", DAY,
                               paths=paths)  # fmt: skip
    assert (code, err) == (0, "")
    assert stdout == f"Repetitierooster opgeslagen in {out} (45 activiteiten).\n"
    assert "Repetitierooster – Seizoen 2026–2027" in text_of(out)
    code, stdout, _err = report(season_path, "schedule", "--out", str(out), "--from", "2026-12-01",
                                "--to", "2026-12-31", paths=paths)  # fmt: skip
    assert code == 0 and "(6 activiteiten)" in stdout
    assert "1 december 2026 t/m 31 december 2026" in text_of(out)


def test_the_attendance_report_and_its_options(season_path, paths, tmp_path: Path):
    out = tmp_path / "aanwezigheid.pdf"
    code, stdout, err = report(season_path, "attendance", "--out", str(out), "--date", DAY,
                               paths=paths)  # fmt: skip
    assert (code, err) == (0, "")
    assert stdout == f"Aanwezigheidsoverzicht opgeslagen in {out} (8 leden, 8 activiteiten).\n"
    text = text_of(out)
    assert "Per lid" in text and "Per activiteit" in text
    code, stdout, _err = report(season_path, "attendance", "--out", str(out), "--date", DAY,
                                "--by", "member", "--threshold", "90%", "--kinds", "all",
                                paths=paths)  # fmt: skip
    assert code == 0 and "(8 leden, 8 activiteiten)" in stdout
    text = text_of(out)
    assert "Per activiteit" not in text and "Aanwezigheid – Seizoen 2026–2027" in text
    assert f"Mulder, Dora 8 6 0 2 0 {BELOW_MARK} {format_percent(0.75)}" in text
    code, stdout, _err = report(season_path, "attendance", "--out", str(out), "--date", DAY,
                                "--by", "activity", paths=paths)  # fmt: skip
    assert code == 0 and stdout.endswith("(8 activiteiten).\n") and "Per lid" not in text_of(out)


def test_an_empty_period_still_gives_a_proper_pdf(season_path, paths, tmp_path: Path):
    out = tmp_path / "aanwezigheid.pdf"
    code, stdout, _err = report(season_path, "attendance", "--out", str(out), "--date",
                                "2031-01-01", paths=paths)  # fmt: skip
    assert code == 0 and "(0 leden, 0 activiteiten)" in stdout
    assert "In deze periode is geen aanwezigheid geregistreerd." in text_of(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("schedule", "--from", "2026-10-01"), "Geef zowel --from als --to, of geen van beide."),
        (("attendance", "--to", "2026-10-01"), "Geef zowel --from als --to, of geen van beide."),
        (("schedule", "--from", "2026-10-31", "--to", "2026-10-01"), "ligt vóór --from"),
        (("attendance", "--threshold", "150"), "'150' is geen percentage van 0 tot en met 100"),
        (("attendance", "--threshold", "veel"), "'veel' is geen percentage"),
        (("attendance", "--by", "sectie"), "onbekende keuze: 'sectie'"),
        (("attendance", "--kinds", "concerten"), "onbekende keuze: 'concerten'"),
    ],
)
def test_bad_options_are_refused_in_dutch_and_nothing_is_written(
    season_path: Path, paths, tmp_path: Path, args, message
):
    before = digest(season_path)
    out = tmp_path / "lijst.pdf"
    code, stdout, err = report(season_path, *args, "--out", str(out), paths=paths)
    assert (code, stdout) == (2, "")
    assert message in err and "Traceback" not in err
    assert not out.exists() and digest(season_path) == before


def test_the_help_is_dutch(season_path: Path, paths, capsys):
    code, _stdout, _err = report(season_path, "attendance", "--help", paths=paths)
    printed = capsys.readouterr().out
    assert code == 0
    assert "--threshold PROCENT" in printed and "per lid (member)" in printed
    assert "het seizoen (1 september - 31 augustus) van --date" in printed


def test_the_command_line_offers_what_the_service_accepts():
    """The choices are spelled out in the CLI so that building the parser stays lean."""
    from verenigingsbeheer.cli.commands import report_activities
    from verenigingsbeheer.services import activity_reports

    assert report_activities.PARTS == activity_reports.REPORT_PARTS
    assert tuple(activity_reports.KIND_CHOICES) == report_activities.KINDS
