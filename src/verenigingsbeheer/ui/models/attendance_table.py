"""Qt table model of one activity's registration: a heading line per section with its live
counts, then the section's members with what they said beforehand and whether they came.

A mark changes one member in place (`member_changed`): a keystroke repaints two lines and
never reloads the list, so 200 members stay instant. Excuse reasons may be health data:
they are shown (the reason column, tooltips) but never put in the text made for copying.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.i18n import N_, _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.services.attendance import (
    ExpectedMember,
    Registration,
    SectionTally,
    tally,
)
from verenigingsbeheer.ui.models.rows_table import Index

ATTENDANCE = "attendance"  # after the activity: who came
AVAILABILITY = "availability"  # before it: who will come

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # "section" or "member"
ON_ROLE = Qt.ItemDataRole.UserRole + 2  # this cell's mark is the member's (a status cell)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # the mark a status cell stands for
NOTE_ROLE = Qt.ItemDataRole.UserRole + 4  # small grey text after the display text
ACTION_ROLE = Qt.ItemDataRole.UserRole + 5  # a section's "all present" button: usable?


@dataclass(frozen=True)
class Column:
    kind: str  # "name", "before", "status" or "reason"
    title: str  # msgid, translated when shown
    status: str | None = None  # for a status cell: the mark a click or key gives
    key: str = ""  # the key that gives it, shown in the empty cell


COLUMNS = {
    ATTENDANCE: (
        Column("name", N_("Name")),
        Column("before", N_("Beforehand")),
        Column("status", N_("Present (P)"), "present", "P"),
        Column("status", N_("Late (L)"), "late", "L"),
        Column("status", N_("Excused (E)"), "excused", "E"),
        Column("status", N_("Absent (A)"), "absent", "A"),
        Column("reason", N_("Reason")),
    ),
    AVAILABILITY: (
        Column("name", N_("Name")),
        Column("status", N_("Coming (P)"), "signed_up", "P"),
        Column("status", N_("Excused (E)"), "excused", "E"),
        Column("status", N_("Not known (Del)"), "unknown", N_("Del")),
        Column("reason", N_("Reason")),
    ),
}


def section_title(section: str) -> str:
    return section or _("No section")


class AttendanceTableModel(QAbstractTableModel):
    """Plain values from the attendance service in; nothing here touches the database."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.mode = ATTENDANCE
        self.editable = True
        self._registration: Registration | None = None
        self._members: list[ExpectedMember] = []
        self._lines: list[tuple[str, int]] = []  # ("section", index) or ("member", index)
        self._sections: list[str] = []
        self._section_rows: dict[str, int] = {}
        self._tallies: dict[str, SectionTally] = {}

    # -- filling ----------------------------------------------------------------------------
    def set_registration(self, registration: Registration) -> None:
        self.beginResetModel()
        self._registration = registration
        self._members = list(registration.members)
        self._sections = list(registration.sections)
        self._lines, self._section_rows = [], {}
        for n, section in enumerate(self._sections):
            self._section_rows[section] = len(self._lines)
            self._lines.append(("section", n))
            self._lines += [
                ("member", i) for i, m in enumerate(self._members) if m.section == section
            ]
        self._tallies = {t.section: t for t in tally(self._members, self._sections)}
        self.endResetModel()

    def set_mode(self, mode: str) -> None:
        self.beginResetModel()
        self.mode = mode
        self.endResetModel()

    # -- looking up -------------------------------------------------------------------------
    def columns(self) -> Sequence[Column]:
        return COLUMNS[self.mode]

    def column_of(self, status: str) -> int:
        return next(n for n, c in enumerate(self.columns()) if c.status == status)

    def member_at(self, row: int) -> ExpectedMember | None:
        if not 0 <= row < len(self._lines):
            return None
        kind, index = self._lines[row]
        return self._members[index] if kind == "member" else None

    def section_at(self, row: int) -> str | None:
        """The section of the line (a heading or a member's), None outside the list."""
        if not 0 <= row < len(self._lines):
            return None
        kind, index = self._lines[row]
        return self._sections[index] if kind == "section" else self._members[index].section

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self._lines) and self._lines[row][0] == "section"

    def row_of_member(self, member_id: int) -> int:
        return next(
            row
            for row, (kind, i) in enumerate(self._lines)
            if kind == "member" and self._members[i].member_id == member_id
        )

    def heading_row(self, section: str) -> int:
        return self._section_rows[section]

    def next_member_row(self, row: int) -> int | None:
        return next((r for r in range(row + 1, len(self._lines)) if not self.is_heading(r)), None)

    def next_heading_row(self, row: int) -> int | None:
        return next((r for r in range(row + 1, len(self._lines)) if self.is_heading(r)), None)

    def sections(self) -> list[str]:
        return list(self._sections)

    def members(self, section: str | None = None) -> list[ExpectedMember]:
        return [m for m in self._members if section is None or m.section == section]

    def unmarked(self, section: str | None = None) -> list[ExpectedMember]:
        """Those the "all present" buttons would mark: not registered yet."""
        return [m for m in self.members(section) if m.attendance is None]

    def tally_of(self, section: str) -> SectionTally:
        return self._tallies[section]

    def totals(self) -> SectionTally:
        total = SectionTally("")
        for counts in self._tallies.values():
            for name in ("expected", "present", "late", "excused", "absent", "signed_up",
                         "unknown"):  # fmt: skip
                setattr(total, name, getattr(total, name) + getattr(counts, name))
        return total

    def count(self, counts: SectionTally, status: str) -> int:
        """How many of a section (or the totals) have this mark in the current mode."""
        if self.mode == AVAILABILITY and status == "excused":
            return counts.expected - counts.signed_up - counts.unknown
        return getattr(counts, status)

    # -- changes ----------------------------------------------------------------------------
    def member_changed(self, row: int) -> None:
        """A member's mark changed: recount their section, repaint their line and heading."""
        section = self.section_at(row)
        if section is None:
            return
        self._tallies[section] = tally(self.members(section), [section])[0]
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        heading = self._section_rows[section]
        self.dataChanged.emit(self.index(heading, 0), self.index(heading, last))

    def section_changed(self, section: str | None) -> None:
        """Several members changed at once (all present): repaint their section(s)."""
        for name in self._sections if section is None else [section]:
            self._tallies[name] = tally(self.members(name), [name])[0]
            first = self._section_rows[name]
            following = self.next_heading_row(first)
            last_row = (following if following is not None else len(self._lines)) - 1
            last_column = self.columnCount() - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last_row, last_column))

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns()[section].title)
        if role == Qt.ItemDataRole.ToolTipRole and self.columns()[section].kind == "reason":
            return _("Only shown on screen: never printed and never copied.")
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns()[section].status:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, n = self._lines[index.row()]
        column = self.columns()[index.column()]
        if role == LINE_ROLE:
            return kind
        if role == STATUS_ROLE:
            return column.status
        if kind == "section":
            return self._heading_data(self._sections[n], column, role)
        return self._member_data(self._members[n], column, role)

    def _mark(self, member: ExpectedMember) -> str | None:
        return member.attendance if self.mode == ATTENDANCE else member.availability

    def _reason(self, member: ExpectedMember) -> str:
        if self.mode == ATTENDANCE:
            return member.attendance_reason if member.attendance == "excused" else ""
        return member.availability_reason if member.availability == "excused" else ""

    def _member_data(self, member: ExpectedMember, column: Column, role: int) -> Any:
        display = role == Qt.ItemDataRole.DisplayRole
        tip = role == Qt.ItemDataRole.ToolTipRole
        if column.kind == "name":
            if display:
                return member.name.sorted_form
            if tip:
                return _("{name}, member number {number}").format(
                    name=member.name.full, number=member.member_number
                )
        elif column.kind == "before":
            label = (
                _(rules.AVAILABILITY[member.availability])
                if member.availability != "unknown"
                else ""
            )
            if display:
                return label
            if role == NOTE_ROLE:
                return member.availability_reason if member.availability == "excused" else ""
            if tip:
                reason = member.availability_reason if member.availability == "excused" else ""
                return f"{label}: {reason}" if reason else label or _("Not known beforehand")
        elif column.kind == "status":
            on = self._mark(member) == column.status
            if role == ON_ROLE:
                return on
            if display:
                return self._status_label(column.status) if on else _(column.key)
            if role == ACTION_ROLE:
                return self.editable
            if tip:
                return _(column.title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        elif column.kind == "reason" and (display or tip):
            return self._reason(member)
        return None

    def _status_label(self, status: str | None) -> str:
        names = rules.ATTENDANCE if self.mode == ATTENDANCE else rules.AVAILABILITY
        return _(names[status]) if status in names else ""

    def _heading_data(self, section: str, column: Column, role: int) -> Any:
        counts = self._tallies[section]
        display = role == Qt.ItemDataRole.DisplayRole
        if column.kind == "name":
            if display:
                return section_title(section)
            if role == NOTE_ROLE:
                return ngettext("{n} expected", "{n} expected", counts.expected).format(
                    n=format_number(counts.expected)
                )
        elif column.kind == "before":
            if display:
                return _("All present")
            if role == ACTION_ROLE:
                return self.editable and bool(self.unmarked(section))
            if role == Qt.ItemDataRole.ToolTipRole:
                text = _("Marks everyone of {section} who is not marked yet as present (P).")
                return text.format(section=section_title(section))
        elif column.kind == "status" and column.status is not None:
            if display:
                return format_number(self.count(counts, column.status))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # -- copying ----------------------------------------------------------------------------
    def copy_text(self) -> str:
        """The list as tab-separated lines to paste elsewhere: names and marks, never the
        reasons of excuses (they may be health data)."""
        registration = self._registration
        if registration is None:
            return ""
        lines = [
            _("{title} on {date}").format(
                title=registration.title, date=format_date(registration.date, "long")
            ),
            "\t".join([_("Section"), _("No."), _("Name"), _("Beforehand"), _("Attendance")]),
        ]
        for member in self._members:
            before = member.availability
            lines.append(
                "\t".join(
                    [
                        section_title(member.section),
                        str(member.member_number),
                        member.name.sorted_form,
                        _(rules.AVAILABILITY[before]) if before != "unknown" else "",
                        _(rules.ATTENDANCE[member.attendance]) if member.attendance else "",
                    ]
                )
            )
        return "\n".join(lines) + "\n"
