"""The printed member lists: gather the rows from the file and hand them to outputs.pdf.

One function per list, for the window's print buttons and the CLI's `report` command
alike. Each reads in the caller's Session, checks the choices (a UserError in Dutch when
one is wrong) and writes a PDF to `path`. ReportLab is imported only here, when a list is
actually made, so the program starts without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.outputs.pdf.options import (
    DEFAULT_COLUMNS,
    DEFAULT_SHEET,
    LABEL_SHEETS,
    MAX_OFFSET_MM,
    MEMBER_COLUMNS,
    Letterhead,
)
from verenigingsbeheer.services import association, categories, members

if TYPE_CHECKING:
    from verenigingsbeheer.outputs.pdf.labels import LabelsWritten


def letterhead(session: Session, today: dt.date) -> Letterhead:
    details = association.get_details(session)
    return Letterhead(details.name, today, details.logo_png)


def section_order(session: Session) -> list[str]:
    """The association's sections in its own order (the voice parts top to bottom)."""
    return [category.name for category in categories.list_categories(session, "section")]


def sections_to_choose(session: Session, today: dt.date) -> list[tuple[str, int]]:
    """Every section with its current members, for choosing a sign-in sheet's sections.

    In the association's order, and last ("", n) when n members have no section.
    """
    counts = dict(members.current_per_section(session, today))
    chosen = [(name, counts.get(name, 0)) for name in section_order(session)]
    if counts.get(""):
        chosen.append(("", counts[""]))
    return chosen


def make_member_list(
    session: Session,
    path: Path,
    today: dt.date,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    include_former: bool = False,
) -> int:
    """The member list (current members, or everyone); returns how many are on it."""
    unknown = [key for key in columns if key not in MEMBER_COLUMNS]
    if unknown:
        raise UserError(
            _("Unknown column '{key}'; choose from: {keys}.").format(
                key=unknown[0], keys=", ".join(MEMBER_COLUMNS)
            )
        )
    from verenigingsbeheer.outputs.pdf.member_list import write_member_list

    rows = members.list_members(session, today, include_former=include_former)
    return write_member_list(
        path,
        letterhead(session, today),
        rows,
        columns=columns,
        section_order=section_order(session),
        include_former=include_former,
    )


def make_labels(
    session: Session,
    path: Path,
    today: dt.date,
    sheet: str = DEFAULT_SHEET,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
    per_household: bool = False,
    outlines: bool = False,
) -> LabelsWritten:
    """Address labels for the current members; `.skipped` names those without an address."""
    if sheet not in LABEL_SHEETS:
        raise UserError(
            _("Unknown label sheet '{sheet}'; choose from: {sheets}.").format(
                sheet=sheet, sheets=", ".join(LABEL_SHEETS)
            )
        )
    if max(abs(offset_x_mm), abs(offset_y_mm)) > MAX_OFFSET_MM:
        raise UserError(
            _("The printer offset must lie between -{mm} and {mm} mm.").format(
                mm=f"{MAX_OFFSET_MM:g}"
            )
        )
    from verenigingsbeheer.outputs.pdf.labels import write_labels

    return write_labels(
        path,
        letterhead(session, today),
        members.list_members(session, today),
        sheet=LABEL_SHEETS[sheet],
        offset_x_mm=offset_x_mm,
        offset_y_mm=offset_y_mm,
        per_household=per_household,
        outlines=outlines,
    )


def make_birthdays(
    session: Session,
    path: Path,
    today: dt.date,
    month: int | None = None,
    year: int | None = None,
) -> int:
    """Birthdays of the current members in one month, or the whole year when month is None."""
    if month is not None and not 1 <= month <= 12:
        raise UserError(_("Choose a month from January to December."))
    from verenigingsbeheer.outputs.pdf.birthdays import write_birthdays

    return write_birthdays(
        path,
        letterhead(session, today),
        members.list_members(session, today),
        year=year or today.year,
        month=month,
    )


def make_sign_in_sheet(
    session: Session,
    path: Path,
    today: dt.date,
    title: str = "",
    sections: Sequence[str] | None = None,
    day: dt.date | None = None,
) -> int:
    """A sign-in sheet per section for `day` (default today).

    `sections` None means everyone; otherwise only the sections named, with "" for the
    members without a section.
    """
    day = day or today
    order = section_order(session)
    rows = members.list_members(session, day)
    if sections is not None:
        wanted = {name.casefold() for name in sections}
        unknown = wanted - {name.casefold() for name in order} - {""}
        if unknown:
            raise UserError(
                _("Unknown section '{name}'; choose from: {names}.").format(
                    name=next(n for n in sections if n.casefold() in unknown),
                    names=", ".join(order),
                )
            )
        rows = [row for row in rows if row.section.casefold() in wanted]
    from verenigingsbeheer.outputs.pdf.sign_in import write_sign_in_sheet

    return write_sign_in_sheet(
        path, letterhead(session, today), rows, day=day, title=title, section_order=order
    )


def make_board_list(session: Session, path: Path, today: dt.date) -> int:
    """The current board and committees with phone and e-mail; returns the number of
    functions."""
    from verenigingsbeheer.outputs.pdf.board_list import BoardMember, write_board_list

    board = members.current_functions(session, today)
    contact = {}
    if board:
        contact = {
            row.member_id: row for row in members.list_members(session, today, include_former=True)
        }
    lines = []
    for function in board:
        row = contact.get(function.member_id)
        lines.append(
            BoardMember(
                function.title,
                function.name.full,
                function.since,
                row.phone if row else "",
                row.email if row else "",
                function.committee,
            )
        )
    return write_board_list(path, letterhead(session, today), lines)
