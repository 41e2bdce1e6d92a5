"""The rooms page's rent: a calendar year per venue and room (booked, invoiced, paid,
outstanding), month by month for the place chosen on the left, and the printed rent
overview and room schedule."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import format_money, format_number, month_name
from verenigingsbeheer.services import rent
from verenigingsbeheer.services.rent import RentFigures
from verenigingsbeheer.ui.models.rows_table import Index, RowsTableModel
from verenigingsbeheer.ui.pages.activities.outputs import show_pdf
from verenigingsbeheer.ui.pages.attendance.controller import fit_columns

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
OWING = QBrush(QColor("#b3261e"))
FIGURE_HEADERS = (N_("Bookings"), N_("Hours"), N_("Booked"), N_("Invoiced"), N_("Paid"),
                  N_("Outstanding"))  # fmt: skip


def figures(row: RentFigures) -> tuple[str, ...]:
    return (
        format_number(row.bookings), format_number(row.hours), format_money(row.booked),
        format_money(row.invoiced), format_money(row.paid), format_money(row.outstanding),
    )  # fmt: skip


class RentTableModel(RowsTableModel[tuple[str, int, str, RentFigures]]):
    """(level, id, name, figures): "total", "venue" or "room" lines, indented."""

    HEADERS = (N_("Venue and room"), *FIGURE_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        level, _id, name, row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("    " + name) if level == "room" else name
            return figures(row)[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and level != "room":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and row.outstanding.cents:
            return OWING
        return None


class MonthsTableModel(RowsTableModel[tuple[str, RentFigures]]):
    HEADERS = (N_("Month"), *FIGURE_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        name, row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return name if column == 0 else figures(row)[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and index.row() == self.rowCount() - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None


def prepare(page) -> None:
    page.rent_model = RentTableModel(page)
    page.rent_table.setModel(page.rent_model)
    page.months_model = MonthsTableModel(page)
    page.months_table.setModel(page.months_model)
    widths = {0: 210, 1: 75, 2: 60, 3: 95, 4: 95, 5: 95}
    fit_columns(page.rent_table, widths)
    fit_columns(page.months_table, {**widths, 0: 110})
    page.rent_table.selectionModel().currentRowChanged.connect(lambda *_a: _show_months(page))


def show(page) -> None:
    with page.context.database.reading() as session:
        overview = rent.rent_overview(session, page.year.value())
    rows: list[tuple[str, int, str, RentFigures]] = []
    for venue in overview.venues:
        rows.append(("venue", venue.venue_id, venue.name, venue.year))
        rows.extend(("room", room.room_id, room.name, room.year) for room in venue.rooms)
    if len(overview.venues) > 1:
        rows.append(("total", 0, _("All venues"), overview.total))
    page.rent_overview = overview
    page.rent_model.set_rows(rows)
    wanted = page.chosen
    at = next((n for n, (level, id_, _name, _row) in enumerate(rows) if wanted
               and (level, id_) == wanted), 0)  # fmt: skip
    if rows:
        page.rent_table.selectRow(at)
    _show_months(page)
    total = overview.total
    text = _("{year}: {booked} booked, {paid} paid, {outstanding} outstanding.").format(
        year=overview.year, booked=format_money(total.booked), paid=format_money(total.paid),
        outstanding=format_money(total.outstanding),
    )  # fmt: skip
    if overview.options:
        text += " " + _("Not counted: {n} options ({cost}).").format(
            n=format_number(overview.options), cost=format_money(overview.options_cost)
        )
    page.rent_summary.setText(text if rows else _("No venues yet."))


def _show_months(page) -> None:
    index = page.rent_table.currentIndex()
    overview = getattr(page, "rent_overview", None)
    if overview is None or not index.isValid():
        page.months_model.set_rows([])
        page.months_title.setText("")
        return
    level, chosen, name, _row = page.rent_model.row_at(index.row())
    if level == "total":
        months = overview.months
    else:
        places = [v for v in overview.venues if level == "venue" and v.venue_id == chosen]
        places += [r for v in overview.venues for r in v.rooms
                   if level == "room" and r.room_id == chosen]  # fmt: skip
        months = places[0].months
    rows = [(month_name(n + 1).capitalize(), months[n]) for n in range(12)]
    rows.append((_("Year"), RentFigures.total(months)))
    page.months_model.set_rows(rows)
    page.months_title.setText(_("Month by month: {place}").format(place=name.strip()))


def print_rent(page):
    from verenigingsbeheer.services.room_reports import make_rent_overview

    year, today = page.year.value(), page.context.today()
    return show_pdf(
        page, _("rent"), lambda session, path: make_rent_overview(session, path, today, year)
    )


def print_schedule(page):
    from verenigingsbeheer.services.room_reports import make_room_schedule

    room_id, today = page.room_id(), page.context.today()
    if room_id is None:
        return None
    return show_pdf(
        page,
        _("room schedule"),
        lambda session, path: make_room_schedule(session, path, today, room_id),
    )
