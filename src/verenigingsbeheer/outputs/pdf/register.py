"""The processing register (art. 30 AVG) as a PDF: who is responsible, who has access, the
retention period, and one block per processing activity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.options import Letterhead

if TYPE_CHECKING:
    from verenigingsbeheer.services.register import Activity


@dataclass(frozen=True)
class RegisterHeader:
    controller: str
    address: str
    kvk_number: str
    board: tuple[tuple[str, str], ...]  # (function, name)
    retention_years: int


def write_register(
    path: Path, letterhead: Letterhead, header: RegisterHeader, activities: Sequence[Activity]
) -> None:
    from verenigingsbeheer.services.register import FIELD_LABELS

    width = document.usable_width()
    widths = [width * 0.3, width * 0.7]
    board = "\n".join(f"{name} ({title})" for title, name in header.board) or _(
        "no board functions recorded"
    )
    general = [
        [_("Controller"), header.controller],
        [_("Address"), header.address],
        [_("KvK number"), header.kvk_number],
        [_("Access to the member administration"), board],
        [
            _("Former members"),
            ngettext(
                "anonymised {n} year after they left",
                "anonymised {n} years after they left",
                header.retention_years,
            ).format(n=header.retention_years),
        ],
    ]
    story: list[Flowable] = [
        document.paragraph(
            _(
                "The register of processing activities of {name} (article 30 of the "
                "General Data Protection Regulation, the AVG)."
            ).format(name=header.controller)
        ),
        document.table([_("General"), ""], [row for row in general if row[1]], widths),
    ]
    if not activities:
        story += document.nothing_to_list(_("No processing activities recorded."))
    for activity in activities:
        values = asdict(activity)
        story.append(document.paragraph(activity.name, "heading"))
        rows = [
            [_(FIELD_LABELS[name]), value]
            for name, value in values.items()
            if name != "name" and value
        ]
        story.append(document.table([_("Subject"), _("Description")], rows, widths))
    document.build(path, letterhead, _("Processing register"), story)
