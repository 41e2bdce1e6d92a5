"""The member list: chosen columns, grouped by section with a count per section."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.addresses import country_name
from verenigingsbeheer.outputs.pdf.grouping import by_section
from verenigingsbeheer.outputs.pdf.options import (
    DEFAULT_COLUMNS,
    MEMBER_COLUMNS,
    NO_PHOTOS_MARK,
    Letterhead,
)

SQUEEZE = 0.95  # columns may shrink this far before the list turns to landscape

if TYPE_CHECKING:
    from verenigingsbeheer.services.members import MemberRow


def _date(value) -> str:
    return format_date(value, "short") if value else ""


def _place(member: MemberRow) -> str:
    """Postcode and town; for an address abroad the country on a line below them."""
    place = " ".join(part for part in (member.postcode, member.town) if part)
    country = (member.country or "NL").strip().upper()
    if country == "NL":
        return place
    return "\n".join(part for part in (place, country_name(country)) if part)


# key -> (width in mm it would like, whether it may shrink, the text of a member's cell).
# Numbers, phone numbers and dates keep their width: broken over two lines they misread.
_CELLS: dict[str, tuple[float, bool, Callable[[MemberRow], str]]] = {
    "number": (13, False, lambda m: str(m.member_number)),
    "name": (46, True, lambda m: m.name.sorted_form),
    "section": (24, True, lambda m: m.section),
    "type": (24, True, lambda m: m.membership_type),
    "address": (44, True, lambda m: m.address),
    "postcode_town": (38, True, _place),
    "phone": (24, False, lambda m: m.phone),
    "email": (56, True, lambda m: m.email),
    "date_of_birth": (22, False, lambda m: _date(m.date_of_birth)),
    "member_since": (22, False, lambda m: _date(m.member_since)),
}


def no_photos_legend() -> str:
    return _("{mark} no consent for photos and video").format(mark=NO_PHOTOS_MARK)


def column_widths(columns: Sequence[str]) -> tuple[list[float], bool]:
    """Widths in points, and whether the page must be landscape to hold them.

    Portrait while the columns fit (squeezed a little at most); otherwise landscape.
    Fixed columns keep their width and the others share what is left.
    """
    wanted = sum(_CELLS[key][0] for key in columns) * mm
    wide = wanted * SQUEEZE > document.usable_width(False)
    fixed = sum(_CELLS[key][0] for key in columns if not _CELLS[key][1]) * mm
    flexible = wanted - fixed
    scale = (document.usable_width(wide) - fixed) / flexible if flexible else 1.0
    widths = [_CELLS[key][0] * mm * (scale if _CELLS[key][1] else 1.0) for key in columns]
    return widths, wide


def write_member_list(
    path: Path,
    letterhead: Letterhead,
    members: Sequence[MemberRow],
    *,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    section_order: Sequence[str] = (),
    include_former: bool = False,
) -> int:
    """Write the list to `path`; returns the number of members on it.

    `members` come sorted the Dutch way; that order is kept within each section. Landscape
    is used when the chosen columns do not fit across a portrait page.
    """
    unknown = [key for key in columns if key not in MEMBER_COLUMNS]
    if unknown:
        raise ValueError(f"unknown columns: {unknown}")
    columns = list(columns) or list(DEFAULT_COLUMNS)
    widths, wide = column_widths(columns)
    header = [_(MEMBER_COLUMNS[key]) for key in columns]
    cells = [_CELLS[key][2] for key in columns]

    title = _("Member list, former members included") if include_former else _("Member list")
    story: list[Flowable] = []
    if not members:
        story = document.nothing_to_list(_("There are no members to list."))
    for section, group in by_section(members, section_order):
        count = ngettext("{n} member", "{n} members", len(group)).format(
            n=format_number(len(group))
        )
        rows = [[cell(member) for cell in cells] for member in group]
        if "name" in columns:
            at = columns.index("name")
            for row, member in zip(rows, group, strict=True):
                if include_former and not member.current:
                    row[at] = _("{name} (former member)").format(name=row[at])
                if not member.photo_consent:
                    row[at] = f"{row[at]} {NO_PHOTOS_MARK}"
        story.append(document.table(header, rows, widths, caption=f"{section} ({count})"))
        story.append(Spacer(1, 4 * mm))
    if members:
        total = ngettext("{n} member", "{n} members", len(members)).format(
            n=format_number(len(members))
        )
        story.append(document.paragraph(_("Total: {count}").format(count=total), "heading"))
        if "name" in columns and not all(member.photo_consent for member in members):
            story.append(document.paragraph(no_photos_legend()))
    document.build(path, letterhead, title, story, wide=wide)
    return len(members)
