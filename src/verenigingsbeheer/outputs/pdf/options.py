"""What a caller may choose for the printed lists; cheap to import (no ReportLab)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from verenigingsbeheer.i18n import N_


@dataclass(frozen=True)
class Letterhead:
    """What every page shows: the association's name and logo, and the day it was printed."""

    association_name: str
    printed_on: dt.date
    logo_png: bytes | None = field(default=None, repr=False)


# After the name of a member without consent for photos and video, with a legend below.
NO_PHOTOS_MARK = "\u2298"  # ⊘, drawn by the embedded DejaVu Sans

# The member list's columns: key -> heading (translated when printed), in printing order.
MEMBER_COLUMNS: dict[str, str] = {
    "number": N_("No."),
    "name": N_("Name"),
    "section": N_("Section"),
    "type": N_("Membership type"),
    "address": N_("Street and number"),
    "postcode_town": N_("Postcode and town"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "date_of_birth": N_("Born"),
    "member_since": N_("Member since"),
}
DEFAULT_COLUMNS: tuple[str, ...] = ("number", "name", "address", "postcode_town", "phone", "email")


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of address labels, measured in millimetres from the top left of the page."""

    name: str
    columns: int
    rows: int
    label_width: float
    label_height: float
    margin_left: float
    margin_top: float
    pitch_x: float  # from the left edge of one label to that of the next
    pitch_y: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


# Common A4 sheets (Avery, Herma and shop brands), keyed as the CLI names them.
LABEL_SHEETS: dict[str, LabelSheet] = {
    "3x7": LabelSheet("3x7 (70 x 42,3 mm)", 3, 7, 70, 42.3, 0, 0.45, 70, 42.3),
    "3x8": LabelSheet("3x8 (70 x 37 mm)", 3, 8, 70, 37, 0, 0.5, 70, 37),
    "2x7": LabelSheet("2x7 (105 x 42,3 mm)", 2, 7, 105, 42.3, 0, 0.45, 105, 42.3),
}
DEFAULT_SHEET = "3x7"
MAX_OFFSET_MM = 20.0
