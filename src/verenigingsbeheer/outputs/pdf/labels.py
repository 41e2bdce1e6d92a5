"""Address labels on A4 label sheets, with a printer offset.

Labels are drawn straight on the canvas at the sheet's measured positions, without a
header or footer (they would print across the labels). A printer that feeds the paper
a little askew is corrected with the offset: positive x moves everything to the right,
positive y moves it down. Every label of a print has the same text size
(`label_fitting`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from verenigingsbeheer.i18n import _
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.addresses import Addressee, addressees
from verenigingsbeheer.outputs.pdf.fonts import REGULAR, register_fonts
from verenigingsbeheer.outputs.pdf.label_fitting import LEADING, fit_label, sheet_size
from verenigingsbeheer.outputs.pdf.options import LabelSheet, Letterhead

if TYPE_CHECKING:
    from verenigingsbeheer.services.members import MemberRow

PAD_X, PAD_Y = 6 * mm, 3 * mm  # inside each label: printers rarely reach the paper's edge


@dataclass(frozen=True)
class LabelsWritten:
    """What was printed, and whom the caller should tell the user about."""

    labels: int
    sheets: int
    skipped: list[str]  # members left out for want of an address (full names)


def write_labels(
    path: Path,
    letterhead: Letterhead,
    members: Sequence[MemberRow],
    *,
    sheet: LabelSheet,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
    per_household: bool = False,
    outlines: bool = False,
) -> LabelsWritten:
    """Write the labels to `path`; `outlines` draws each label's edge, for a test print."""
    chosen = addressees(members, per_household=per_household)
    if not chosen.labels:
        title = _("Address labels {sheet}").format(sheet=sheet.name)
        sentence = _("There are no addresses to print.")
        document.build(path, letterhead, title, document.nothing_to_list(sentence))
        return LabelsWritten(0, 0, chosen.skipped)
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(_("Address labels {sheet}").format(sheet=sheet.name))
    canvas.setAuthor(letterhead.association_name)
    canvas.setCreator("Verenigingsbeheer")
    size = sheet_size([label.lines for label in chosen.labels], *_room(sheet))
    for index, label in enumerate(chosen.labels):
        if index and index % sheet.per_sheet == 0:
            canvas.showPage()
        place = index % sheet.per_sheet
        column, row = place % sheet.columns, place // sheet.columns
        left = (sheet.margin_left + column * sheet.pitch_x + offset_x_mm) * mm
        top = A4[1] - (sheet.margin_top + row * sheet.pitch_y + offset_y_mm) * mm
        if outlines:
            _outline(canvas, left, top, sheet)
        _draw_label(canvas, label, left, top, sheet, size)
    canvas.showPage()
    canvas.save()
    document.save(path, buffer.getvalue())
    sheets = -(-len(chosen.labels) // sheet.per_sheet)
    return LabelsWritten(len(chosen.labels), sheets, chosen.skipped)


def _outline(canvas: Canvas, left: float, top: float, sheet: LabelSheet) -> None:
    canvas.saveState()
    canvas.setStrokeColor(document.LINE)
    canvas.setLineWidth(0.3)
    width, height = sheet.label_width * mm, sheet.label_height * mm
    canvas.roundRect(left, top - height, width, height, 2 * mm)
    canvas.restoreState()


def _draw_label(
    canvas: Canvas, label: Addressee, left: float, top: float, sheet: LabelSheet, size: float
) -> None:
    """The lines at the sheet's `size` (a too long one smaller), centred top to bottom."""
    room_x, room_y = _room(sheet)
    size, lines = fit_label(label.lines, size, room_x, room_y)
    leading = size * LEADING
    y = top - PAD_Y - (room_y - len(lines) * leading) / 2 - size  # the first baseline
    for line in lines:
        canvas.setFont(REGULAR, line.size)
        canvas.drawString(left + PAD_X, y, line.text)
        y -= leading


def _room(sheet: LabelSheet) -> tuple[float, float]:
    """Width and height inside a label's padding, in points."""
    return sheet.label_width * mm - 2 * PAD_X, sheet.label_height * mm - 2 * PAD_Y
