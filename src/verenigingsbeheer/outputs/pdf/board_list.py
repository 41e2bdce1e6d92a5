"""The board list: function, name, since when, phone and e-mail; the board first, then
each committee under its own heading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.options import Letterhead


@dataclass(frozen=True)
class BoardMember:
    """One function on the board, with how to reach whoever holds it."""

    function: str
    name: str
    since: dt.date | None
    phone: str = ""
    email: str = ""
    committee: str = ""  # empty for the board itself


def write_board_list(path: Path, letterhead: Letterhead, board: Sequence[BoardMember]) -> int:
    """Write the list to `path`, grouped in the order first met; returns the number of
    functions (board and committees)."""
    story: list[Flowable] = []
    if not board:
        story = document.nothing_to_list(_("No board functions recorded."))
    groups: dict[str, list[BoardMember]] = {}
    for line in board:
        groups.setdefault(line.committee, []).append(line)
    header = [_("Function"), _("Name"), _("Since"), _("Phone"), _("E-mail")]
    widths = [38 * mm, 45 * mm, 22 * mm, 25 * mm, 44 * mm]
    for committee, lines in groups.items():
        if committee or len(groups) > 1:
            story.append(document.paragraph(committee or _("Board"), "heading"))
        rows = [
            [
                line.function,
                line.name,
                format_date(line.since, "short") if line.since else "",
                line.phone,
                line.email,
            ]
            for line in lines
        ]
        story.append(document.table(header, rows, widths))
    title = _("Board and committees") if any(line.committee for line in board) else _("Board")
    document.build(path, letterhead, title, story)
    return len(board)
