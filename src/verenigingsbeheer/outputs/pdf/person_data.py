"""A person's data as they read it (request for access, art. 15 AVG): every record the
association holds about them, and the changes the log recorded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.options import Letterhead

if TYPE_CHECKING:
    from verenigingsbeheer.services.person_data import PersonData


def write_person_data(path: Path, letterhead: Letterhead, data: PersonData) -> None:
    from verenigingsbeheer.services.history import field_label
    from verenigingsbeheer.services.person_data import shown_value

    story: list[Flowable] = [
        document.paragraph(
            _(
                "These are all the data {association} holds about {name}, as on {date}: "
                "the records themselves and the changes made to them. Questions, or a "
                "correction: ask the board."
            ).format(
                association=data.association,
                name=data.name.full,
                date=format_date(data.made_on, "long"),
            )
        )
    ]
    half = document.usable_width() / 2
    for group in data.groups:
        for number, row in enumerate(group.rows, start=1):
            heading = group.label if len(group.rows) == 1 else f"{group.label} {number}"
            story.append(document.paragraph(heading, "heading"))
            lines = [
                [field_label(name, group.table), shown_value(group.table, name, value)]
                for name, value in row.items()
                if value not in (None, "")  # the JSON has every field, the PDF what is filled
            ]
            story.append(document.table([_("Field"), _("Value")], lines, [half * 0.8, half * 1.2]))
    story.append(document.paragraph(_("Changes recorded in the log"), "heading"))
    if not data.log:
        story.append(document.paragraph(_("No changes recorded.")))
    widths = [30 * mm, 30 * mm, 48 * mm, 33 * mm, 33 * mm]
    rows = []
    for change in data.log:
        when = f"{format_date(change.at.date(), 'short')} {change.at:%H:%M}"
        for label, before, after in change.changes or [("", "", "")]:
            rows.append([when, change.record, label, before, after])
    if rows:
        header = [_("When"), _("Record"), _("Field"), _("Before"), _("After")]
        story.append(document.table(header, rows, widths))
    story.append(Spacer(1, 4 * mm))
    title = _("Personal data of {name}").format(name=data.name.full)
    document.build(path, letterhead, title, story)
