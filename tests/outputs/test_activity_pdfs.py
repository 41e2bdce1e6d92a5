"""The schedule and the attendance report from plain rows: bold lines that must still fit,
marks, rounding, members without a section."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.outputs.pdf.attendance import (
    BELOW_MARK,
    AttendanceReport,
    member_percent,
    write_attendance,
)
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.schedule import write_schedule
from verenigingsbeheer.services.activities import ActivityRow
from verenigingsbeheer.services.attendance_figures import MemberFigure

HEAD = Letterhead("Toneelgroep Het Doek", dt.date(2027, 6, 30))


def figure(
    first: str, last: str, section: str, expected: int, present: int, **marks
) -> MemberFigure:
    values = {"late": 0, "excused": 0, "absent": 0, **marks}
    return MemberFigure(hash(first) % 1000, 1, PersonName(first, last), section, expected,
                        present, values["late"], values["excused"], values["absent"])  # fmt: skip


def test_a_percentage_just_under_the_threshold_never_reads_as_the_threshold():
    nearly = figure("Ans", "Bos", "", 59, 44, absent=15)  # 74,58 %: rounds to 75 %
    assert member_percent(nearly, 0.75) == f"{BELOW_MARK} 74,6%"
    assert member_percent(figure("Bas", "Bos", "", 4, 3, absent=1), 0.75) == "75%"
    assert member_percent(figure("Cor", "Bos", "", 3, 2, absent=1), 0.75) == f"{BELOW_MARK} 67%"


def test_members_without_a_section_last_and_the_ones_not_noted(tmp_path: Path):
    members = [
        figure("Ans", "Bos", "", 10, 9, absent=1),
        figure("Bert", "Kok", "Spelers", 10, 5, excused=2),  # 3 not noted
        figure("Carin", "Mol", "Techniek", 10, 10),
    ]
    path = tmp_path / "aanwezigheid.pdf"
    report = AttendanceReport(dt.date(2027, 1, 1), dt.date(2027, 6, 30), None, 0.625,
                              members=members, section_order=["Techniek", "Spelers"])  # fmt: skip
    write_attendance(path, HEAD, report)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    assert "Aanwezigheid – 1 januari 2027 t/m 30 juni 2027" in text
    positions = [text.index(name) for name in ("Techniek (1 lid)", "Spelers (1 lid)",
                                               "Zonder sectie (1 lid)")]  # fmt: skip
    assert positions == sorted(positions)
    assert "Afwezig Onbekend %" in text
    assert f"Kok, Bert 10 5 0 2 0 3 {BELOW_MARK} 50%" in text
    assert f"{BELOW_MARK} minder dan 62,5% aanwezig" in text


def test_a_long_performance_is_broken_over_lines_in_bold_and_cancelled_ones_marked(tmp_path: Path):
    t = dt.time
    title = "Voorjaarsconcert met het Residentie Orkest en Maximiliaan-Alexander"
    concert = ActivityRow(
        1, "a", "performance", title,
        dt.date(2027, 4, 10), t(20), t(22), "Grote of Sint-Jacobskerk, Rond de Grote Kerk 12",
        (1, 2), ("Sopraan 1", "Alt 2"), True, None, "", False, None, False,
    )  # fmt: skip
    cancelled = ActivityRow(2, "b", "rehearsal", "Repetitie", dt.date(2027, 4, 13), t(20), t(22),
                            "De Kapel", (), (), False, None, "", True, None, False)  # fmt: skip
    path = tmp_path / "rooster.pdf"
    n = write_schedule(path, HEAD, [concert, cancelled], start=dt.date(2027, 4, 1),
                       end=dt.date(2027, 4, 30))  # fmt: skip
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert n == 2 and "za 10 apr" in text and "Sopraan 1, Alt 2" in text
    title_lines = text[text.index("Voorjaarsconcert") :].split("\n")[:3]
    assert len(title_lines[0]) < len(title) and " ".join(title_lines).startswith(
        "Voorjaarsconcert met het Residentie"
    )  # broken over lines in its column, not cut off
    assert "Vervalt: Repetitie" in text and "Totaal: 2 activiteiten, waarvan 1 vervalt" in text
