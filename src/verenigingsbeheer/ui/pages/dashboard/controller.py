"""Fills the dashboard from the services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.services import association, members, overview
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

    def can_leave(self) -> bool:
        return True
