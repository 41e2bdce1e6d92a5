"""What every page of a list carries: the letterhead at the top, the footer at the bottom.

The letterhead is the association's name (shrunk rather than running into the logo), the
list's title and the logo. The footer holds the print date and "Pagina X van Y", which
needs the total: pages are kept until the end and numbered when the file is saved.
"""

from __future__ import annotations

import io
import logging

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_number
from verenigingsbeheer.outputs.pdf.fonts import BOLD, REGULAR
from verenigingsbeheer.outputs.pdf.options import Letterhead

log = logging.getLogger(__name__)

MARGIN = 18 * mm
HEADER_SPACE = 32 * mm  # from the top of the page to the first line of the list
FOOTER_SPACE = 20 * mm
LINE = colors.HexColor("#9A9A9A")


def load_logo(png: bytes | None) -> ImageReader | None:
    """The logo, or None when there is none or it cannot be read (the list still prints)."""
    if not png:
        return None
    try:
        reader = ImageReader(io.BytesIO(png))
        reader.getSize()
        return reader
    except Exception:  # a damaged image must not stop the list
        log.warning("the association's logo cannot be read; printing without it", exc_info=True)
        return None


def draw_header(
    canvas: Canvas,
    page_size: tuple[float, float],
    letterhead: Letterhead,
    title: str,
    logo: ImageReader | None,
) -> None:
    width, height = page_size
    top = height - 12 * mm
    room = width - 2 * MARGIN
    if logo is not None:
        image_width, image_height = logo.getSize()
        scale = min(16 * mm / image_height, 45 * mm / image_width)
        shown_width, shown_height = image_width * scale, image_height * scale
        canvas.drawImage(
            logo,
            width - MARGIN - shown_width,
            top - shown_height + 2 * mm,
            shown_width,
            shown_height,
            mask="auto",
        )
        room -= shown_width + 5 * mm
    canvas.saveState()
    _draw_fitted(canvas, letterhead.association_name, BOLD, 13, MARGIN, top - 9, room)
    _draw_fitted(canvas, title, REGULAR, 11, MARGIN, top - 9 - 6 * mm, room)
    canvas.setStrokeColor(LINE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, height - 26 * mm, width - MARGIN, height - 26 * mm)
    canvas.restoreState()


def _draw_fitted(
    canvas: Canvas, text: str, font: str, size: float, x: float, y: float, room: float
) -> None:
    """Draw one line, made smaller (down to 7 pt) rather than running into the logo."""
    needed = stringWidth(text, font, size)
    if needed > room:
        size = max(7.0, size * room / needed)
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


class NumberedCanvas(Canvas):
    """Keeps every page until saving, then adds "Pagina X van Y" and the print date."""

    def __init__(self, *args, footer_left: str, **kwargs) -> None:
        # Starting in DejaVu keeps the unembedded Helvetica out of the file altogether.
        kwargs["initialFontName"] = REGULAR
        super().__init__(*args, **kwargs)
        self._footer_left = footer_left
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _height = self._pagesize
        self.saveState()
        self.setStrokeColor(LINE)
        self.setLineWidth(0.5)
        self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        self.setFont(REGULAR, 8)
        self.drawString(MARGIN, 10 * mm, self._footer_left)
        page = _("Page {page} of {pages}").format(
            page=format_number(number), pages=format_number(total)
        )
        self.drawRightString(width - MARGIN, 10 * mm, page)
        self.restoreState()
