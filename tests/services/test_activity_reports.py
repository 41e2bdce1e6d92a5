"""The schedule and the attendance report of a real file: their text read back with pypdf."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.season_data import SECRET_REASONS, TODAY, make_season
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n.formatting import format_percent
from verenigingsbeheer.outputs.pdf.attendance import BELOW_MARK
from verenigingsbeheer.services import activity_reports, attendance
from verenigingsbeheer.services import attendance_figures as figures

D = dt.date


@pytest.fixture
def season(tmp_path: Path):
    made = make_season(tmp_path / "koor.sqlite")
    yield made
    made.database.close()


def pages_of(path: Path) -> list[str]:
    """Each page's text with every run of white space one space: a table row reads as a
    line (pypdf puts each cell on a line of its own)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def in_order(text: str, *parts: str) -> bool:
    positions = [text.index(part) for part in parts]
    return positions == sorted(positions)


def no_secrets(text: str) -> bool:
    return not any(reason in text for reason in SECRET_REASONS)


def test_the_season_schedule_fits_two_pages_by_month(season, tmp_path: Path):
    path = tmp_path / "rooster.pdf"
    with season.database.reading() as session:
        assert activity_reports.make_schedule(session, path, TODAY) == 45
    pages = pages_of(path)
    assert len(pages) == 2
    text = " ".join(pages)
    assert "Haags Gemengd Koor" in text and "Repetitierooster – Seizoen 2026–2027" in text
    assert "Afgedrukt op 3 november 2026" in text and "Pagina 2 van 2" in text
    months = ["September 2026", "Oktober 2026", "December 2026", "Januari 2027", "Juni 2027"]
    assert in_order(text, *months)
    assert "di 1 sep 20:00–22:15 Repetitie De Kapel iedereen" in text
    assert "di 10 nov 20:00–22:15 Vervalt: Repetitie" in text  # cancelled, still listed
    assert "do 19 nov" in text and "di 17 nov" not in text  # moved: at its new date only
    assert "za 19 dec 15:00–17:00 Kerstconcert (uitvoering) Kloosterkerk iedereen" in text
    assert "Tenoren apart" in text and "(groepsrepetitie)" in text and "Zaaltje Tenor" in text
    assert "di 27 apr" not in text  # King's Day: the series skipped it
    assert "Totaal: 45 activiteiten, waarvan 1 vervalt" in text
    assert no_secrets(text) and "Concertkleding" not in text


def test_a_schedule_for_another_period_or_an_empty_one(season, tmp_path: Path):
    path = tmp_path / "rooster.pdf"
    with season.database.reading() as session:
        n = activity_reports.make_schedule(session, path, TODAY, D(2026, 10, 1), D(2026, 10, 31))
    text = " ".join(pages_of(path))
    assert n == 4 and "Repetitierooster – 1 oktober 2026 t/m 31 oktober 2026" in text
    assert "November" not in text and "Totaal: 4 activiteiten" in text
    with season.database.reading() as session:
        assert activity_reports.make_schedule(session, path, D(2031, 1, 1)) == 0
    text = " ".join(pages_of(path))
    assert "Seizoen 2030–2031" in text and "Er zijn in deze periode geen activiteiten." in text


def test_attendance_per_member_by_section_with_the_threshold_marked(season, tmp_path: Path):
    path = tmp_path / "aanwezigheid.pdf"
    with season.database.reading() as session:
        size = activity_reports.make_attendance_report(session, path, TODAY, by="member")
    assert (size.members, size.activities) == (8, 8)
    text = " ".join(pages_of(path))
    assert "Aanwezigheid bij repetities – Seizoen 2026–2027" in text
    assert "te laat telt als aanwezig" in text and "Per activiteit" not in text
    sections = ["Sopraan (2 leden): 75% aanwezig", "Alt (2 leden): 88% aanwezig",
                "Tenor (2 leden): 100% aanwezig", "Bas (2 leden): 100% aanwezig"]  # fmt: skip
    assert in_order(text, *sections)
    assert in_order(text, "Jansen, Anna", "Visser, Bep", "Boer, Carla de", "Mulder, Dora")
    half, three_quarters = format_percent(0.5), format_percent(0.75)
    assert f"Visser, Bep 8 4 0 1 3 {BELOW_MARK} {half}" in text
    assert f"Mulder, Dora 8 6 0 2 0 {three_quarters}" in text  # 75 %: not below 75 %
    assert f"Vries, Jan de 8 6 2 0 0 {format_percent(1)}" in text  # late counts as attended
    assert f"{BELOW_MARK} minder dan {three_quarters} aanwezig" in text
    assert "1 lid zit daaronder." in text
    assert no_secrets(text)


def test_a_higher_threshold_marks_more_members(season, tmp_path: Path):
    path = tmp_path / "aanwezigheid.pdf"
    with season.database.reading() as session:
        activity_reports.make_attendance_report(session, path, TODAY, by="member", threshold=0.9)
    text = " ".join(pages_of(path))
    assert f"Mulder, Dora 8 6 0 2 0 {BELOW_MARK} {format_percent(0.75)}" in text
    assert f"Jansen, Anna 8 8 0 0 0 {format_percent(1)}" in text
    assert "2 leden zitten daaronder." in text


def test_attendance_per_activity_with_its_sections(season, tmp_path: Path):
    path = tmp_path / "aanwezigheid.pdf"
    with season.database.reading() as session:
        size = activity_reports.make_attendance_report(session, path, TODAY)  # both parts
    assert (size.members, size.activities) == (8, 8)
    pages = pages_of(path)
    text = " ".join(pages)
    assert "Per lid" in pages[0] and "Per activiteit" in pages[-1]
    fifteenth = "15-09-2026 Repetitie Sopraan 1/2, Alt 1/2, Tenor 2/2, Bas 2/2 8 6 2 0"
    assert f"{fifteenth} {format_percent(0.75)}" in text
    assert "01-09-2026" in text and "20-10-2026" in text and "27-10-2026" not in text
    assert f"Gemiddeld {format_percent(58 / 64)} aanwezig (58 van de 64 verwachte)" in text
    assert "Sopraan 10/12" in text  # the legend
    assert no_secrets(text)


def test_section_figures_agree_with_the_registration_screen(season):
    with season.database.reading() as session:
        found = figures.section_figures(session, D(2026, 9, 1), D(2027, 8, 31))
        assert sorted(found) == sorted(season.by_date[day] for day in season.registered)
        for activity_id, sections in found.items():
            tallies = attendance.registration(session, activity_id).tallies()
            assert [(s.section, s.expected, s.attended, s.excused, s.absent) for s in sections] == [
                (t.section, t.expected, t.attended, t.excused, t.absent) for t in tallies
            ]


def test_every_kind_and_an_empty_period(season, tmp_path: Path):
    path = tmp_path / "aanwezigheid.pdf"
    with season.database.reading() as session:
        activity_reports.make_attendance_report(session, path, TODAY, kinds=None)
    text = " ".join(pages_of(path))
    assert "Aanwezigheid – Seizoen 2026–2027" in text and "Alle activiteiten" in text
    with season.database.reading() as session:
        size = activity_reports.make_attendance_report(
            session, path, TODAY, D(2027, 1, 1), D(2027, 1, 31), by="activity"
        )
    assert (size.members, size.activities) == (0, 0)
    text = " ".join(pages_of(path))
    assert "1 januari 2027 t/m 31 januari 2027" in text
    assert text.count("In deze periode is geen aanwezigheid geregistreerd.") == 1


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        ({"by": "section"}, "Onbekende keuze 'section'; kies uit: member, activity, both."),
        ({"threshold": 1.5}, "De drempel ligt tussen 0 en 100%."),
        ({"kinds": ("dance",)}, "Onbekende keuze 'dance'"),
        ({"start": D(2026, 10, 1)}, "Vul beide dagen van de periode in."),
        ({"start": D(2026, 10, 31), "end": D(2026, 10, 1)}, "Het einde ligt vóór het begin."),
    ],
)
def test_wrong_choices_are_refused_and_nothing_is_written(season, tmp_path: Path, choices, message):
    path = tmp_path / "aanwezigheid.pdf"
    with season.database.reading() as session, pytest.raises(UserError) as refused:
        activity_reports.make_attendance_report(session, path, TODAY, **choices)
    assert message in refused.value.message
    assert not path.exists()
