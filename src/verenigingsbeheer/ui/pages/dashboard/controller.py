"""Fills the dashboard from the services."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date, format_number, format_percent
from verenigingsbeheer.services import (
    activities,
    association,
    attendance,
    booking_checks,
    members,
    overview,
)
from verenigingsbeheer.services import attendance_figures as figures
from verenigingsbeheer.services.activities import ActivityRow
from verenigingsbeheer.services.attendance import SectionTally
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.icons import icon
from verenigingsbeheer.ui.pages.dashboard.view import DashboardView


class DashboardPage(DashboardView):
    """The first page: figures and the board of the association today."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context

    def page_title(self) -> str:
        return _("Dashboard")

    def editing_controls(self) -> list:
        return []  # only figures to look at

    def refresh(self) -> None:
        today = self.context.today()
        with self.context.database.reading() as session:
            details = association.get_details(session)
            counts = overview.counts(session, today)
            per_section = members.current_per_section(session, today)
            board = members.current_board(session, today)
            coming = activities.next_activities(session, self._now(), count=5)
            conflicts = booking_checks.all_conflicts(session, today)
            last = figures.last_rehearsal(session, today)
            rehearsal = (
                (activities.get_activity(session, last), attendance.section_tallies(session, last))
                if last is not None
                else None
            )
        self.name.setText(details.name)
        day = format_date(today, "full")
        self.date.setText(day[:1].upper() + day[1:])
        pixmap = QPixmap()
        if details.logo_png and pixmap.loadFromData(details.logo_png):
            self.logo.setPixmap(
                pixmap.scaled(
                    64,
                    64,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo.setPixmap(icon("verenigingsbeheer").pixmap(56, 56))
        self.current_card.value.setText(format_number(counts.current_members))
        self.former_card.value.setText(format_number(counts.former_members))
        self.board_card.value.setText(format_number(counts.board_functions))
        self.sections_chart.set_data(
            [(name or _("(no section)"), count) for name, count in per_section]
        )
        self.sections_chart.setVisible(bool(per_section))
        self.sections_empty.setVisible(not per_section)
        self.set_board([(row.title, row.name.full) for row in board])
        self.set_next_activities([_when_and_what(row) for row in coming])
        shown = [_conflict_line(c) for c in conflicts[:3]]
        self.set_conflicts(shown, len(conflicts) - len(shown))
        self._show_last_rehearsal(rehearsal)

    def _now(self) -> dt.datetime:
        """The moment that splits past and coming: now, or the start of the page's day."""
        today = self.context.today()
        now = dt.datetime.now()
        return now if now.date() == today else dt.datetime.combine(today, dt.time())

    def _show_last_rehearsal(self, found: tuple[ActivityRow, list[SectionTally]] | None) -> None:
        self.last_title.setVisible(found is not None)
        self.last_chart.setVisible(found is not None)
        self.last_empty.setVisible(found is None)
        if found is None:
            self.last_chart.set_data([])
            return
        rehearsal, counted = found
        tallies = [t for t in counted if t.expected]
        attended = sum(t.attended for t in tallies)
        expected = sum(t.expected for t in tallies)
        self.last_title.setText(
            _("{title} on {date}: {attended} of {expected} present ({percent})").format(
                title=rehearsal.title,
                date=format_date(rehearsal.date, "EEEE d MMMM"),
                attended=format_number(attended),
                expected=format_number(expected),
                percent=format_percent(attended / expected if expected else 0),
            )
        )
        self.last_chart.set_data(
            [(t.section or _("(no section)"), round(100 * t.attended / t.expected))
             for t in tallies],
            texts=[
                _("{attended} of {expected}").format(
                    attended=format_number(t.attended), expected=format_number(t.expected)
                )
                for t in tallies
            ],
            maximum=100,
        )  # fmt: skip

    def can_leave(self) -> bool:
        return True


def _conflict_line(conflict: booking_checks.Conflict) -> str:
    """ "di 8 dec: De Regentes – Grote zaal, Repetitie 20:00–22:15 and Yoga 21:00–22:00"."""
    first, second = conflict.first, conflict.second
    line = _("{day}: {room}, {first} and {second}").format(
        day=format_date(first.date, "EEE d MMM"),
        room=first.room_label,
        first=f"{first.what} {first.start_time:%H:%M}–{first.end_time:%H:%M}",
        second=f"{second.what} {second.start_time:%H:%M}–{second.end_time:%H:%M}",
    )
    return line + (" " + _("(on purpose)") if conflict.accepted else "")


def _when_and_what(row: ActivityRow) -> tuple[str, str]:
    """ "za 19 dec 15:00" and "Kerstconcert – Kloosterkerk (Tenor, Bas)"."""
    when = f"{format_date(row.date, 'EEE d MMM')} {row.start_time:%H:%M}"
    what = row.title
    if row.place:
        what += f" – {row.place}"
    if row.section_names:
        what += f" ({row.sections_text})"
    return when, what
