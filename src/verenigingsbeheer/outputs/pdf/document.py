"""The frame every printed list shares: A4, letterhead, page numbers and print date.

A report module builds a list of flowables (the story) from the pieces here (headings,
list tables) and hands it to `build`, which lays it out under the letterhead (`page`)
and writes the file.
"""

from __future__ import annotations

import errno
import io
import re
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from babel.numbers import format_decimal
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, babel_locale
from verenigingsbeheer.i18n.formatting import format_date, format_money
from verenigingsbeheer.outputs.pdf.fonts import BOLD, REGULAR, register_fonts
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.page import (
    FOOTER_SPACE,
    HEADER_SPACE,
    LINE,
    MARGIN,
    NumberedCanvas,
    draw_header,
    load_logo,
)

CELL_SIZE = 9
LINE_HEIGHT = 11
CAPTION_SIZE = 11
CELL_PADDING = 3  # points either side of a cell's text
PAD_TOP, PAD_BOTTOM = 2, 3
GREY = colors.HexColor("#E6E6E6")
CANCELLED_GREY = colors.HexColor("#7A7A7A")  # a cancelled line, still readable

STYLES = {
    "heading": ParagraphStyle(
        "heading",
        fontName=BOLD,
        fontSize=12,
        leading=15,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=True,
    ),
    "body": ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13, spaceAfter=6),
}


def usable_width(wide: bool = False) -> float:
    """The width between the margins, portrait or landscape."""
    page_width = A4[1] if wide else A4[0]
    return page_width - 2 * MARGIN


def paragraph(text: str, style: str = "body") -> Paragraph:
    register_fonts()
    return Paragraph(escape(text), STYLES[style])


def nothing_to_list(sentence: str) -> list[Flowable]:
    """The story of a report without data: one plain sentence under the letterhead."""
    return [Spacer(1, 6 * mm), paragraph(sentence)]


def table(
    header: Sequence[str],
    rows: list[list[str]],
    widths: Sequence[float],
    *,
    caption: str = "",
    row_height: float | None = None,
    boxed: bool = False,
) -> Table:
    """A list table: bold heading row repeated on every page, text wrapped where too long.

    A `caption` (e.g. the section and its count) fills the first row and is repeated on
    every page too, so a continued group still says what it is; it runs on over the empty
    cells beside it (a SPAN would be recomputed at every page break: far slower). Text
    too wide for its column is broken over lines, and every row's height is worked out
    here: plain strings and known heights keep a list of 10,000 members fast.
    """
    register_fonts()
    top = [_row(header, widths, BOLD)]
    heights = [_row_height(top[0], None)]
    if caption:
        top.insert(0, [caption] + [""] * (len(header) - 1))
        heights.insert(0, CAPTION_SIZE * 1.25 + 8)
    body = [_row(row, widths, REGULAR) for row in rows]
    heights += [_row_height(cells, row_height) for cells in body]
    head = len(top)
    result = Table([*top, *body], colWidths=list(widths), rowHeights=heights, repeatRows=head)
    commands: list[tuple] = [
        ("FONT", (0, head - 1), (-1, head - 1), BOLD, CELL_SIZE, LINE_HEIGHT),
        ("FONT", (0, head), (-1, -1), REGULAR, CELL_SIZE, LINE_HEIGHT),
        ("BACKGROUND", (0, head - 1), (-1, head - 1), GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP" if row_height is None else "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
    ]
    if boxed:
        commands.append(("GRID", (0, head - 1), (-1, -1), 0.5, LINE))
    else:
        commands.append(("LINEBELOW", (0, head - 1), (-1, -1), 0.25, LINE))
    if caption:
        commands += [
            ("FONT", (0, 0), (-1, 0), BOLD, CAPTION_SIZE, CAPTION_SIZE * 1.25),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, 0), 0),
        ]
    result.setStyle(TableStyle(commands))
    return result


def _row(texts: Sequence[str], widths: Sequence[float], font: str) -> list[str]:
    return [fit_cell(text, width, font) for text, width in zip(texts, widths, strict=True)]


def _row_height(cells: Sequence[str], least: float | None) -> float:
    lines = max(cell.count("\n") + 1 for cell in cells)
    return max(lines * LINE_HEIGHT + PAD_TOP + PAD_BOTTOM, least or 0)


def fit_cell(text: str, width: float, font: str = REGULAR) -> str:
    """The text, broken over lines ("\n") where it is too wide for its column.

    Plain strings with line breaks are far cheaper for a Table than paragraphs. A text
    that has line breaks of its own keeps them, each line fitted on its own.
    """
    if "\n" in text:
        return "\n".join(fit_cell(line, width, font) for line in text.split("\n"))
    room = width - 2 * CELL_PADDING
    # A character is never wider than one em, so short texts need no measuring.
    if len(text) * CELL_SIZE <= room or stringWidth(text, font, CELL_SIZE) <= room:
        return text
    if "@" in text and " " not in text:  # an e-mail address breaks after the @
        local, domain = text.split("@", 1)
        parts = [local + "@", domain]
    else:
        parts = simpleSplit(text, font, CELL_SIZE, room)
    return "\n".join(piece for part in parts for piece in _break_word(part, font, room))


def details(lines: Sequence[tuple[str, str]], label_width: float) -> Table:
    """Labels and their values without lines, as at the top of a letter; a line without
    a value is left out."""
    register_fonts()
    value_width = usable_width() - label_width
    rows = [
        [fit_cell(label, label_width, BOLD), fit_cell(value, value_width)]
        for label, value in lines
        if value
    ]
    table = Table(rows, colWidths=[label_width, value_width])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), BOLD, CELL_SIZE, LINE_HEIGHT),
                ("FONT", (1, 0), (1, -1), REGULAR, CELL_SIZE, LINE_HEIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def amount(money: Money, width: float, font: str = REGULAR) -> str:
    """ "€ 1.234,50", or without the sign when that would not fit its column (never an
    amount broken over two lines)."""
    text = format_money(money)
    if stringWidth(text, font, CELL_SIZE) <= width - 2 * CELL_PADDING:
        return text
    return format_decimal(money.as_decimal(), format="#,##0.00", locale=babel_locale())


def bold_rows(table: Table, rows: Sequence[int]) -> Table:
    """The given rows bold (the totals): what the reader looks for first."""
    table.setStyle(TableStyle([("FONT", (0, n), (-1, n), BOLD, CELL_SIZE, LINE_HEIGHT)
                               for n in rows]))  # fmt: skip
    return table


def right_aligned(table: Table, first_column: int, head_row: int = 0, last_column: int = -1):
    """Numbers (and their headings) on the right, as in a spreadsheet."""
    table.setStyle(TableStyle([("ALIGN", (first_column, head_row), (last_column, -1), "RIGHT")]))
    return table


def greyed(table: Table, rows: Sequence[int], bold_column: int) -> None:
    """Cancelled lines in grey, with the column that says so in bold."""
    marks: list[tuple] = []
    for n in rows:
        marks.append(("TEXTCOLOR", (0, n), (-1, n), CANCELLED_GREY))
        marks.append(("FONT", (bold_column, n), (bold_column, n), BOLD, CELL_SIZE, LINE_HEIGHT))
    if marks:
        table.setStyle(TableStyle(marks))


def _break_word(text: str, font: str, room: float) -> list[str]:
    """A word wider than the column (rare) breaks after a hyphen, dot or underscore
    ("Maximiliaan-" / "Alexander"); only a piece still too wide is cut at the edge."""
    if stringWidth(text, font, CELL_SIZE) <= room:
        return [text]
    lines = [""]
    for piece in re.findall(r"[^-._]+[-._]*|[-._]+", text):
        if lines[-1] and stringWidth(lines[-1] + piece, font, CELL_SIZE) > room:
            lines.append("")
        if stringWidth(lines[-1] + piece, font, CELL_SIZE) <= room:
            lines[-1] += piece
            continue
        for char in piece:
            if lines[-1] and stringWidth(lines[-1] + char, font, CELL_SIZE) > room:
                lines.append("")
            lines[-1] += char
    return lines


def build(
    path: Path,
    letterhead: Letterhead,
    title: str,
    story: list[Flowable],
    *,
    wide: bool = False,
) -> None:
    """Lay out `story` under the letterhead on A4 (landscape when `wide`) and write `path`."""
    register_fonts()
    buffer = io.BytesIO()
    page_size = landscape(A4) if wide else A4
    logo = load_logo(letterhead.logo_png)

    def decorate(canvas: Canvas, _document) -> None:
        draw_header(canvas, page_size, letterhead, title, logo)

    # No padding inside the frame: tables and headings line up with the letterhead.
    frame = Frame(
        MARGIN,
        FOOTER_SPACE,
        page_size[0] - 2 * MARGIN,
        page_size[1] - HEADER_SPACE - FOOTER_SPACE,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        pageTemplates=[PageTemplate("list", [frame], onPage=decorate)],
        title=f"{title} – {letterhead.association_name}",
        author=letterhead.association_name,
        creator="Verenigingsbeheer",
    )

    printed = _("Printed on {date}").format(date=format_date(letterhead.printed_on, "long"))

    def make_canvas(*args, **kwargs) -> Canvas:
        return NumberedCanvas(*args, footer_left=printed, **kwargs)

    document.build(story or [Spacer(1, 1)], canvasmaker=make_canvas)
    save(path, buffer.getvalue())


def save(path: Path, data: bytes) -> None:
    """Write the finished file; problems become a Dutch message the user can act on."""
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=path.parent))
    if path.is_dir():
        raise UserError(_("{path} is a folder, not a file.").format(path=path))
    try:
        path.write_bytes(data)
    except PermissionError:
        raise UserError(
            _("{path} cannot be written: no permission, or it is open in another program.").format(
                path=path
            )
        ) from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise UserError(_("The disk is full; nothing was saved.")) from None
        raise UserError(_("{path} cannot be written.").format(path=path)) from error
