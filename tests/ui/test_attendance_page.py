"""The attendance page on known data: percentages, the threshold warning, the figures per
activity and section, the chart, the line-up warning, and registering from the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.attendance_data import TODAY, D, make_choir
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_percent
from verenigingsbeheer.services import attendance
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.pages.attendance.controller import AttendancePage

MARKS = {  # the rehearsals of 1 and 8 December; 15 and 22 December not registered yet
    0: {"Anna": "present", "Bep": "present", "Piet": "present", "Jan": "absent",
        "Kees": "late", "Wim": "present"},
    1: {"Anna": "present", "Bep": "excused", "Piet": "present", "Jan": "absent",
        "Kees": "present", "Wim": "absent"},
}  # fmt: skip


@pytest.fixture
def choir(tmp_path: Path):
    made = make_choir(tmp_path / "koor.sqlite")
    with made.database.transaction() as session:
        for number, marks in MARKS.items():
            for name, status in marks.items():
                attendance.set_attendance(
                    session, made.rehearsals[number], made.people[name], status
                )
        for name, status in (("Piet", "signed_up"), ("Jan", "excused"), ("Kees", "signed_up"),
                             ("Wim", "signed_up")):  # fmt: skip
            reason = "op reis" if status == "excused" else ""
            attendance.set_availability(session, made.concert, made.people[name], status, reason)
    yield made
    made.database.close()


@pytest.fixture
def page(qtbot, choir, asker) -> AttendancePage:
    made = AttendancePage(PageContext(choir.database, asker, today=lambda: TODAY))
    qtbot.addWidget(made)
    made.resize(900, 600)
    made.show()
    made.refresh()
    return made


def column(model, number: int) -> list[str]:
    return [model.index(row, number).data() for row in range(model.rowCount())]


def members_shown(page) -> dict[str, tuple[str, str]]:
    """first name -> (turnout text, section), in the order the table shows."""
    proxy = page.members_proxy
    found = {}
    for row in range(proxy.rowCount()):
        figure = page.members_model.row_at(proxy.mapToSource(proxy.index(row, 0)).row())
        found[figure.name.first_name] = (proxy.index(row, 2).data(), proxy.index(row, 1).data())
    return found


def test_the_current_season_of_rehearsals_with_the_threshold_warning(page):
    assert page.period.currentText() == _("Season {first}–{last}").format(first=2026, last=2027)
    assert page.kind.currentText() == _("Rehearsals")
    warn = "⚠ "
    assert list(members_shown(page).items()) == [  # by last name: Aalders, Bakker, ...
        ("Piet", ("100%", "Tenor")),
        ("Kees", ("100%", "Bas")),  # late counts as present
        ("Anna", ("100%", "Sopraan")),
        ("Bep", (warn + "50%", "Sopraan")),
        ("Jan", (warn + "0%", "Tenor")),
        ("Wim", (warn + "50%", "Bas")),
    ]
    expected = ngettext(
        "{n} member came to less than {threshold} of the activities.",
        "{n} members came to less than {threshold} of the activities.",
        3,
    ).format(n=3, threshold=format_percent(0.75))
    assert page.members_warning.text() == expected and not page.members_warning.isHidden()
    bep = page.members_model.row_at(3)
    assert (bep.present, bep.excused, bep.expected) == (1, 1, 2)

    page.threshold.setValue(50)  # adjustable on the page: 50 % itself is no warning
    assert [name for name, (text, _s) in members_shown(page).items() if warn in text] == ["Jan"]
    assert page.chart.threshold() == 0.5


def test_figures_per_activity_and_per_section(page, choir):
    model = page.activities_model
    assert column(model, 0) == [format_date(D(2026, 12, day), "medium") for day in (1, 8, 15, 22)]
    assert column(model, 3) == [
        format_percent(5 / 6), "50%", _("not registered yet"), _("not registered yet"),
    ]  # fmt: skip
    assert column(model, 4) == ["4", "3", "", ""]  # present (late apart)
    assert page.selected_activity() == choir.rehearsals[2]  # today's, ready to register
    page.select_activity(choir.rehearsals[0])
    sections = page.sections_model
    assert column(sections, 0) == ["Sopraan", "Tenor", "Bas", _("Total")]
    assert column(sections, 1) == ["100%", "50%", "100%", format_percent(5 / 6)]
    assert column(sections, 3) == ["0", "0", "1", "1"]  # Kees was late
    assert page.chart.points() == [(D(2026, 12, 1), 5 / 6), (D(2026, 12, 8), 0.5)]
    assert page.course_title.text().endswith(  # of those registered only, as on paper
        f"gemiddeld kwam {format_percent(8 / 12)} (8 van de 12 verwachte)."
    )

    page.kind.setCurrentIndex(page.kind.findText(_("All kinds")))  # the concert too
    assert len(column(page.activities_model, 1)) == 5
    assert "Kerstconcert" in column(page.activities_model, 1)


def test_another_period(page):
    page.period.setCurrentIndex(page.period.count() - 1)  # "Other period"
    assert not page.dates.isHidden()
    page.since.setText("08-12-2026")
    page.until.setText("31-12-2026")
    page.until.editingFinished.emit()
    assert members_shown(page)["Kees"][0] == "100%"
    assert members_shown(page)["Bep"][0] == "⚠ 0%"  # only the 8th counts now
    page.until.setText("01-12-2026")
    page.until.editingFinished.emit()
    assert page.date_problem.text() == _("The last day lies before the first.")


def test_the_line_up_warns_for_thin_sections(page, choir):
    page.tabs.setCurrentIndex(3)
    assert page.performance.currentData() == choir.concert
    assert column(page.line_up_model, 0) == ["Tenor", "Bas"]  # only those it is for
    assert column(page.line_up_model, 1) == ["1", "2"]  # coming

    def only(section: str, n: int) -> str:
        text = ngettext("{section}: only {n} signed up", "{section}: only {n} signed up", n)
        return text.format(section=section, n=n)

    assert page.line_up_warning.text() == f"{only('Tenor', 1)} · {only('Bas', 2)}"  # under 3
    assert column(page.line_up_model, 4) == [only("Tenor", 1), only("Bas", 2)]
    page.minimum.setValue(2)  # adjustable on the page
    assert page.line_up_warning.text() == only("Tenor", 1)
    assert column(page.line_up_model, 4) == [only("Tenor", 1), ""]
    assert "op reis" not in page.line_up_warning.text()


def test_registering_from_the_page_updates_the_figures(page, choir, asker, qtbot):
    def by_keyboard(dialog) -> bool:
        assert dialog.activity_id == choir.rehearsals[2]
        for _person in range(6):
            qtbot.keyClick(dialog.table, Qt.Key.Key_P)
        return True

    asker.dialog_steps.append(by_keyboard)
    page.register_button.click()
    assert column(page.activities_model, 3)[2] == "100%"
    assert page.selected_activity() == choir.rehearsals[2]  # still the chosen one
    assert members_shown(page)["Jan"][0] == "⚠ " + format_percent(1 / 3)


def test_the_line_up_opens_availability(page, choir, asker, qtbot):
    def wim_cannot(dialog) -> bool:
        assert dialog.mode == "availability" and dialog.activity_id == choir.concert
        dialog.go_to(dialog.model.row_of_member(choir.people["Wim"]))
        qtbot.keyClick(dialog.table, Qt.Key.Key_E)
        return True

    page.tabs.setCurrentIndex(3)
    asker.dialog_steps.append(wim_cannot)
    page.line_up_button.click()
    assert column(page.line_up_model, 1) == ["1", "1"]


def test_printing_the_period_shown_with_its_threshold(qtbot, page, asker):
    from pypdf import PdfReader

    page.threshold.setValue(60)
    page.print_button.click()
    [made] = asker.opened
    text = "".join(p.extract_text() for p in PdfReader(made).pages)
    assert "Seizoen 2026–2027" in text
    assert "minder dan 60% aanwezig" in text and "3 leden zitten" in text  # the page's 60 %
    assert "Vries, Jan de\n2\n0\n0\n0\n2\n⚠ 0%" in text
    assert "Jansen, Anna\n2\n2\n0\n0\n0\n100%" in text
    assert "Sopraan 2/2, Tenor 1/2, Bas 2/2" in text  # per activity, per section
    assert "op reis" not in text  # an excuse's reason is never printed
