"""The dashboard's next activities and the attendance of the last rehearsal."""

from __future__ import annotations

from pathlib import Path

from tests.ui.attendance_data import TODAY, D, make_choir
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date, format_percent
from verenigingsbeheer.services import activities, attendance
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.pages.dashboard.controller import DashboardPage


def dashboard(qtbot, database, asker) -> DashboardPage:
    page = DashboardPage(PageContext(database, asker, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_the_next_activities_and_the_last_rehearsal(qtbot, tmp_path: Path, asker):
    choir = make_choir(tmp_path / "koor.sqlite")
    first, second, *_rest = choir.rehearsals
    with choir.database.transaction() as session:
        for name in ("Anna", "Bep", "Piet", "Jan", "Kees", "Wim"):
            attendance.set_attendance(session, first, choir.people[name], "present")
        marks = {"Anna": "present", "Bep": "excused", "Piet": "late", "Jan": "absent",
                 "Kees": "present", "Wim": "present"}  # fmt: skip
        for name, status in marks.items():
            attendance.set_attendance(session, second, choir.people[name], status)
        activities.cancel_activity(session, choir.rehearsals[3])  # 22 December: not coming
    try:
        page = dashboard(qtbot, choir.database, asker)
        day = lambda n: format_date(D(2026, 12, n), "EEE d MMM")  # noqa: E731
        assert page.next_rows() == [
            (f"{day(15)} 20:00", "Repetitie"),  # today's, still to come
            (f"{day(19)} 15:00", "Kerstconcert – Kloosterkerk (Tenor, Bas)"),
        ]
        assert page.next_empty.isHidden()
        assert page.last_title.text() == _(
            "{title} on {date}: {attended} of {expected} present ({percent})"
        ).format(
            title="Repetitie", date=format_date(D(2026, 12, 8), "EEEE d MMMM"), attended=4,
            expected=6, percent=format_percent(4 / 6),
        )  # fmt: skip
        assert page.last_chart.data() == [("Sopraan", 50), ("Tenor", 50), ("Bas", 100)]
        of = _("{attended} of {expected}")
        assert page.last_chart.texts() == [
            of.format(attended=1, expected=2), of.format(attended=1, expected=2),
            of.format(attended=2, expected=2),
        ]  # fmt: skip
        assert page.last_empty.isHidden()
    finally:
        choir.database.close()


def test_a_new_association_has_nothing_to_show_yet(qtbot, tmp_path: Path, asker):
    database = create_database(tmp_path / "nieuw.sqlite", AssociationDetails(name="Nieuw"))
    try:
        page = dashboard(qtbot, database, asker)
        assert page.next_rows() == [] and not page.next_empty.isHidden()
        assert page.next_empty.text() == _("No activities planned.")
        assert not page.last_empty.isHidden() and page.last_chart.isHidden()
        assert page.last_empty.text() == _("No attendance registered yet.")
    finally:
        database.close()
