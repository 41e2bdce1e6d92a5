"""The attendance sign-in sheet (presentielijst): a page per section, a box per signature."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.grouping import by_section
from verenigingsbeheer.outputs.pdf.member_list import no_photos_legend
from verenigingsbeheer.outputs.pdf.options import NO_PHOTOS_MARK, Letterhead

if TYPE_CHECKING:
    from verenigingsbeheer.services.members import MemberRow

ROW_HEIGHT = 9 * mm  # room to sign


def _name(member: MemberRow) -> str:
    """The name, marked when no photos may be taken of this member."""
    name = member.name.sorted_form
    return name if member.photo_consent else f"{name} {NO_PHOTOS_MARK}"


def write_sign_in_sheet(
    path: Path,
    letterhead: Letterhead,
    members: Sequence[MemberRow],
    *,
    day: dt.date,
    title: str = "",
    section_order: Sequence[str] = (),
) -> int:
    """Write the sheets to `path`; returns the number of members on them.

    `title` names the occasion ("Repetitie", "Concert Kloosterkerk"); it is printed with
    the day in the letterhead of every page.
    """
    occasion = format_date(day, "full")
    if title.strip():
        occasion = f"{title.strip()} – {occasion}"
    story: list[Flowable] = []
    if not members:
        story = document.nothing_to_list(_("There are no members to list."))
    header = [_("No."), _("Name"), _("Signature")]
    widths = [14 * mm, 75 * mm, 85 * mm]
    for section, group in by_section(members, section_order):
        if story:
            story.append(PageBreak())
        count = ngettext("{n} member", "{n} members", len(group)).format(
            n=format_number(len(group))
        )
        rows = [[str(member.member_number), _name(member), ""] for member in group]
        story.append(
            document.table(
                header,
                rows,
                widths,
                caption=f"{section} ({count})",
                row_height=ROW_HEIGHT,
                boxed=True,
            )
        )
    if not all(member.photo_consent for member in members):
        story.append(document.paragraph(no_photos_legend()))
    title = _("Attendance list – {occasion}").format(occasion=occasion)
    document.build(path, letterhead, title, story)
    return len(members)
