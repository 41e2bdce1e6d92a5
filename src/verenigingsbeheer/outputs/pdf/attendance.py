"""The attendance report: per member (by section) and per activity (with its sections).

The figures come from services.attendance_figures, which holds the rules (only activities
whose attendance was taken count; late counts as attended). Nothing here can print an
excuse reason: the figures carry none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, TableStyle

from verenigingsbeheer.domain.activities import REHEARSAL_KINDS, kind_label
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import (
    format_date,
    format_number,
    format_percent,
    format_percent_under,
)
from verenigingsbeheer.outputs.pdf import document
from verenigingsbeheer.outputs.pdf.fonts import BOLD, REGULAR, register_fonts
from verenigingsbeheer.outputs.pdf.grouping import by_section
from verenigingsbeheer.outputs.pdf.options import Letterhead
from verenigingsbeheer.outputs.pdf.periods import period_text

if TYPE_CHECKING:
    from verenigingsbeheer.services.attendance_figures import (
        ActivityFigure,
        MemberFigure,
        SectionFigure,
    )

BELOW_MARK = "\u26a0"  # ⚠ before the percentage of a member under it, as on screen
NUMBER = 19.5 * mm  # fits "Aanwezig" in bold
NARROW = 16.5 * mm  # "Afwezig", "Te laat"
PERCENT = 13 * mm
MARKED_PERCENT = 18 * mm  # "⚠ 74,6%" in bold


def nothing_taken() -> str:
    return _("No attendance registered in this period.")


@dataclass(frozen=True)
class AttendanceReport:
    """What the report shows; `members` or `activities` None leaves that part out."""

    start: dt.date
    end: dt.date
    kinds: tuple[str, ...] | None  # None: every kind of activity
    threshold: float
    members: Sequence[MemberFigure] | None = None
    activities: Sequence[ActivityFigure] | None = None
    sections: Mapping[int, Sequence[SectionFigure]] = field(default_factory=dict)
    section_order: Sequence[str] = ()
    overall: tuple[int, int] = (0, 0)  # attended and expected where attendance was taken


def _count(n: int) -> str:
    return format_number(n)


def _percent(attended: int, expected: int) -> str:
    """A total's percentage (a section's, the average); a figure's own comes with it."""
    return format_percent(attended / expected) if expected else "–"


def threshold_text(threshold: float) -> str:
    """ "75%", or "62,5%" for a threshold that is no whole percentage."""
    return format_percent(threshold, 0 if round(threshold * 100, 6).is_integer() else 1)


def member_percent(figure: MemberFigure, threshold: float) -> str:
    """The member's percentage, marked when under the threshold; with a decimal where
    rounding would show the threshold itself ("74,6%", never a marked "75%")."""
    if figure.fraction is None:
        return "–"
    if not figure.below(threshold):
        return format_percent(figure.fraction)
    return f"{BELOW_MARK} {format_percent_under(figure.fraction, threshold)}"


def _member_part(report: AttendanceReport) -> list[Flowable]:
    members = report.members or []
    story: list[Flowable] = [document.paragraph(_("Per member"), "heading")]
    if not members:
        return story + [document.paragraph(nothing_taken())]
    unknown = any(figure.unregistered for figure in members)
    header = [_("Name"), _("Expected"), _("Present"), _("Late"), _("Excused"), _("Absent")]
    numbers = [NUMBER, NUMBER, NARROW, NUMBER, NARROW]
    if unknown:
        header.append(_("Unknown"))  # expected, but nothing was noted
        numbers.append(21 * mm)
    header.append("%")
    widths = [document.usable_width() - sum(numbers) - MARKED_PERCENT, *numbers, MARKED_PERCENT]
    for section, group in by_section(members, report.section_order):  # type: ignore[arg-type]
        rows, below = [], []
        for n, figure in enumerate(group, start=2):
            name = figure.name.sorted_form
            if figure.below(report.threshold):  # the row is printed bold: fit it in bold
                name = document.fit_cell(name, widths[0], BOLD)
                below.append(n)
            cells = [name] + [
                _count(value)
                for value in (figure.expected, figure.present, figure.late, figure.excused,
                              figure.absent)
            ]  # fmt: skip
            if unknown:
                cells.append(_count(figure.unregistered))
            rows.append([*cells, member_percent(figure, report.threshold)])
        attended = sum(figure.attended for figure in group)
        caption = _("{section} ({count}): {percent} attended").format(
            section=section,
            count=ngettext("{n} member", "{n} members", len(group)).format(n=_count(len(group))),
            percent=_percent(attended, sum(figure.expected for figure in group)),
        )
        table = document.table(header, rows, widths, caption=caption)
        document.right_aligned(table, 1, 1, len(header) - 1)
        marks = [("FONT", (0, n), (-1, n), BOLD, document.CELL_SIZE, document.LINE_HEIGHT)
                 for n in below]  # fmt: skip
        if marks:
            table.setStyle(TableStyle(marks))
        story += [table, Spacer(1, 4 * mm)]
    legend = _("{mark} attended less than {percent} of the activities they were expected at.")
    mark = legend.format(mark=BELOW_MARK, percent=threshold_text(report.threshold))
    count = sum(figure.below(report.threshold) for figure in members)
    under = ngettext("{n} member is below it.", "{n} members are below it.", count)
    story.append(document.paragraph(f"{mark} {under.format(n=_count(count))}"))
    return story


def section_breakdown(sections: Sequence[SectionFigure], width: float) -> str:
    """ "Sopraan 10/12, Alt 8/9" (attended of expected per section), broken over lines
    between sections only, never inside "Sopraan 10/12"."""
    register_fonts()
    nameless = _("No section")
    entries = [
        f"{section.section or nameless} {section.attended}/{section.expected}"
        for section in sections
    ]
    room = width - 2 * document.CELL_PADDING
    lines: list[str] = []
    for n, entry in enumerate(entries, start=1):
        joined = f"{lines[-1]}, {entry}" if lines else entry
        ending = "" if n == len(entries) else ","  # a line that goes on ends in a comma
        if lines and stringWidth(joined + ending, REGULAR, document.CELL_SIZE) <= room:
            lines[-1] = joined
        else:
            if lines:
                lines[-1] += ","
            lines.append(entry)
    return "\n".join(lines)


def _activity_part(report: AttendanceReport) -> list[Flowable]:
    activities = report.activities or []
    story: list[Flowable] = [document.paragraph(_("Per activity"), "heading")]
    if not activities:
        return story + [document.paragraph(nothing_taken())]
    header = [_("Date"), _("Activity and sections"), _("Expected"), _("Present"), _("Excused"),
              _("Absent"), "%"]  # fmt: skip
    numbers = [NUMBER, NUMBER, NUMBER, NARROW, PERCENT]
    widths = [21 * mm, document.usable_width() - 21 * mm - sum(numbers), *numbers]
    rows = []
    for figure in activities:
        breakdown = section_breakdown(report.sections.get(figure.activity_id, ()), widths[1])
        rows.append(
            [
                format_date(figure.date, "short"),
                "\n".join(part for part in (figure.title, breakdown) if part),
                _count(figure.expected),
                _count(figure.attended),
                _count(figure.excused),
                _count(figure.absent),
                format_percent(figure.fraction) if figure.fraction is not None else "–",
            ]
        )
    table = document.table(header, rows, widths)
    document.right_aligned(table, 2, 0, 6)
    attended, expected = report.overall
    average = _("On average {percent} attended ({attended} of {expected} expected).").format(
        percent=_percent(attended, expected), attended=_count(attended), expected=_count(expected)
    )
    legend = _(
        "Present includes who came late. Under each activity, per section: attended of "
        "expected, e.g. Sopraan 10/12."
    )
    return story + [table, Spacer(1, 3 * mm), document.paragraph(f"{average} {legend}")]


def write_attendance(path: Path, letterhead: Letterhead, report: AttendanceReport) -> None:
    """Write the report to `path`: the member part, the activity part, or both."""
    register_fonts()  # cells are measured before the first table is made
    period = period_text(report.start, report.end)
    title = _("Attendance – {period}").format(period=period)
    if report.kinds is None:
        which = _("All activities whose attendance was taken.")
    elif set(report.kinds) == set(REHEARSAL_KINDS):
        title = _("Attendance at rehearsals – {period}").format(period=period)
        which = _("Rehearsals and sectional rehearsals whose attendance was taken.")
    else:
        labels = ", ".join(kind_label(kind) for kind in report.kinds)
        which = _("Activities whose attendance was taken, of these kinds: {kinds}.").format(
            kinds=labels
        )
    rules = _("Cancelled activities do not count; late counts as attended.")
    story: list[Flowable] = [document.paragraph(f"{which} {rules}")]
    if not report.members and not report.activities:
        story += document.nothing_to_list(nothing_taken())
        document.build(path, letterhead, title, story)
        return
    if report.members is not None:
        story += _member_part(report)
    if report.activities is not None:
        if report.members:
            story.append(PageBreak())
        story += _activity_part(report)
    document.build(path, letterhead, title, story)
