"""DejaVu Sans, embedded, so every member's name (ë, ç, ł, ğ, ı) prints and stays in the file.

ReportLab's built-in Helvetica is not embedded and lacks ł and ğ; a TrueType font is
subset into each PDF with just the characters used.
"""

from __future__ import annotations

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from verenigingsbeheer.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_registered: list[bool] = []


def register_fonts() -> None:
    """Register the fonts once per process; `<b>` in a paragraph picks the bold one."""
    if _registered:
        return
    # Plain compressed streams: ASCII85 only makes files bigger and slower to write
    # (a tenth of the time of a 10,000-member list), and every PDF reader takes binary.
    rl_config.useA85 = 0
    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    _registered.append(True)
