"""Importing a member spreadsheet: a preview with every problem, then the import itself.

The wizard and the CLI both do: `tables.read_table` -> `auto_mapping` (the user may change
it) -> `preview` -> `run_import`, all inside one transaction for the import. Only valid
rows that are no duplicate are imported; line numbers are the spreadsheet's own (header 1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.outputs.tables import Table
from verenigingsbeheer.services.member_import_checks import (
    find_duplicates,
    household_checks,
    line_label,
    listed,
    load_existing,
    shared_details,
)
from verenigingsbeheer.services.member_import_mapping import (
    FIELDS,
    REQUIRED,
    auto_mapping,
    column_name,
    field_label,
    mapping_problems,
)
from verenigingsbeheer.services.member_import_rows import parse_row
from verenigingsbeheer.services.member_import_write import add_members

__all__ = [
    "FIELDS",
    "REQUIRED",
    "ImportPreview",
    "ImportResult",
    "PreviewRow",
    "Problem",
    "auto_mapping",
    "column_name",
    "field_label",
    "mapping_problems",
    "preview",
    "run_import",
]


@dataclass(frozen=True)
class Problem:
    """Why a row cannot be imported: `line` as the spreadsheet shows it, the column's header."""

    line: int
    field: str
    column: str
    message: str

    def __str__(self) -> str:
        return _("line {line}: {column}: {message}").format(
            line=self.line, column=self.column, message=self.message
        )


@dataclass(frozen=True)
class PreviewRow:
    """One data row: the details it would import, or why it will not be imported."""

    line: int
    details: MemberDetails  # tidied; section_id/membership_type_id set when the name exists
    member_number: int | None
    section: str
    membership_type: str
    problems: tuple[Problem, ...] = ()
    duplicate_of: str = ""  # "regel 4" or "lid 12 (Anna van der Berg)"
    notes: tuple[str, ...] = ()
    household: str = ""  # as the file writes it; the same text is the same household
    pays_for_household: bool = False

    @property
    def status(self) -> str:
        """ "duplicate" (never imported), "invalid" or "ok"."""
        return "duplicate" if self.duplicate_of else "invalid" if self.problems else "ok"

    def lines(self, *, notes: bool = True) -> list[str]:
        """What to print about this row: problems, duplicate, notes (empty when all is well)."""
        if self.duplicate_of:
            found = [
                _("line {line}: the same person as {other}; not imported.").format(
                    line=self.line, other=self.duplicate_of
                )
            ]
        else:
            found = [str(problem) for problem in self.problems]
        if not notes:
            return found
        return found + [
            _("line {line}: note: {note}").format(line=self.line, note=note) for note in self.notes
        ]

    def messages(self) -> list[str]:
        """`lines()` without the line number in front, for a table that shows it already."""
        prefix = f"{line_label(self.line)}: "
        return [text.removeprefix(prefix) for text in self.lines()]


@dataclass(frozen=True)
class ImportPreview:
    """Every data row with its status; nothing is written until `run_import`."""

    rows: tuple[PreviewRow, ...]
    today: dt.date
    new_sections: tuple[str, ...]  # names that do not exist yet and will be added
    new_types: tuple[str, ...]
    unused_columns: tuple[str, ...]  # headers no field is mapped to
    # Columns without a header that hold data: said once for the whole file.
    column_notes: tuple[str, ...] = ()
    # Every member number in the file, also on rows not imported now: new members get
    # numbers above them, so a corrected row imported later keeps its own number.
    file_numbers: frozenset[int] = frozenset()

    def _with(self, status: str) -> tuple[PreviewRow, ...]:
        return tuple(row for row in self.rows if row.status == status)

    @property
    def valid(self) -> tuple[PreviewRow, ...]:
        return self._with("ok")

    @property
    def invalid(self) -> tuple[PreviewRow, ...]:
        return self._with("invalid")

    @property
    def duplicates(self) -> tuple[PreviewRow, ...]:
        return self._with("duplicate")

    def lines(self) -> list[str]:
        return [line for row in self.rows for line in row.lines()]


@dataclass(frozen=True)
class ImportResult:
    """What the import did, for the wizard's last page and the CLI's report."""

    imported: int
    member_ids: tuple[int, ...]
    skipped_invalid: int
    duplicates: int
    new_sections: tuple[str, ...]
    new_types: tuple[str, ...]
    lines: tuple[str, ...]  # the rows not imported, and notes
    skipped: tuple[str, ...] = ()  # only the rows not imported, with the reason

    def summary(self) -> list[str]:
        """Counts and new sections, one sentence per line."""
        counts = [
            (ngettext("{n} member imported.", "{n} members imported.", self.imported),
             self.imported),
            (ngettext("{n} line with problems skipped.", "{n} lines with problems skipped.",
                      self.skipped_invalid), self.skipped_invalid),
            (ngettext("{n} duplicate not imported.", "{n} duplicates not imported.",
                      self.duplicates), self.duplicates),
        ]  # fmt: skip
        texts = [text.format(n=n) for i, (text, n) in enumerate(counts) if n or i == 0]
        if self.new_sections:
            texts.append(_("New sections: {names}.").format(names=", ".join(self.new_sections)))
        if self.new_types:
            texts.append(
                _("New membership types: {names}.").format(names=", ".join(self.new_types))
            )
        return texts


# Preview -------------------------------------------------------------------------------


def preview(
    session: Session, table: Table, mapping: dict[int, str], today: dt.date
) -> ImportPreview:
    """Read every row, check it and find duplicates; changes nothing in the file."""
    problems = mapping_problems(mapping, table.headers)
    if problems:
        raise UserError(" ".join(problems))
    existing = load_existing(session)
    names = {index: column_name(table.headers, index) for index in mapping}
    parsed = [
        parse_row(line, cells, mapping, names, today)
        for line, cells in zip(table.line_numbers, table.rows, strict=True)
    ]
    duplicates = find_duplicates(parsed, existing)
    notes = shared_details(parsed, duplicates, existing)
    for line, found in household_checks(parsed, duplicates, existing).items():
        notes[line].extend(found)
    rows = []
    for row in parsed:
        details = row.details
        ids = {
            "section_id": existing.sections.get(row.section.lower()),
            "membership_type_id": existing.types.get(row.membership_type.lower()),
        }
        if any(ids.values()):
            details = replace(details, **ids)
        rows.append(
            PreviewRow(
                line=row.line,
                details=details,
                member_number=row.member_number,
                section=row.section,
                membership_type=row.membership_type,
                problems=tuple(
                    Problem(row.line, name, column, message)
                    for name, (column, message) in _in_field_order(row.problems)
                ),
                duplicate_of=duplicates.get(row.line, ""),
                notes=(*row.notes, *notes.get(row.line, ())),
                household=row.household,
                pays_for_household=row.pays_for_household,
            )
        )
    importable = [row for row in rows if row.status == "ok"]
    return ImportPreview(
        rows=tuple(rows),
        today=today,
        new_sections=_new_names([r.section for r in importable], existing.sections),
        new_types=_new_names([r.membership_type for r in importable], existing.types),
        file_numbers=frozenset(r.member_number for r in rows if r.member_number is not None),
        unused_columns=tuple(
            column_name(table.headers, index)
            for index, header in enumerate(table.headers)
            if index not in mapping and header
        ),
        column_notes=_headerless(table, mapping),
    )


def _headerless(table: Table, mapping: dict[int, str]) -> tuple[str, ...]:
    """ "kolom H heeft geen kop ...": data that would otherwise be left out without a word."""
    notes = []
    for index, header in enumerate(table.headers):
        if header or index in mapping:
            continue
        lines = [
            line
            for line, cells in zip(table.line_numbers, table.rows, strict=True)
            if index < len(cells) and cells[index] != ""
        ]
        if lines:
            shown = [line_label(line) for line in lines[:3]]
            text = _("{column} has no header, so its data is not imported ({lines}).").format(
                column=column_name(table.headers, index), lines=listed(shown, len(lines))
            )
            notes.append(text[:1].upper() + text[1:])  # "Kolom H ...": it starts a sentence
    return tuple(notes)


def _in_field_order(problems: dict[str, tuple[str, str]]):
    order = {name: i for i, name in enumerate(FIELDS)}
    return sorted(problems.items(), key=lambda item: order.get(item[0], len(order)))


def _new_names(names: list[str], known: dict[str, int]) -> tuple[str, ...]:
    new: dict[str, str] = {}
    for name in names:
        if name and name.lower() not in known:
            new.setdefault(name.lower(), name)
    return tuple(new.values())


# Import --------------------------------------------------------------------------------


def run_import(session: Session, preview: ImportPreview, *, skip_invalid: bool) -> ImportResult:
    """Add the valid, non-duplicate rows in the caller's transaction.

    Without `skip_invalid` one invalid row refuses the whole import (UserError).
    """
    invalid = preview.invalid
    if invalid and not skip_invalid:
        raise UserError(
            ngettext(
                "Nothing was imported: {n} line has problems.",
                "Nothing was imported: {n} lines have problems.",
                len(invalid),
            ).format(n=len(invalid))
        )
    member_ids = add_members(session, preview.valid, preview.file_numbers)
    audit.note(
        session,
        "import",
        ngettext("{n} member imported", "{n} members imported", len(member_ids)).format(
            n=len(member_ids)
        ),
        undoable=bool(member_ids),
    )
    return ImportResult(
        imported=len(member_ids),
        member_ids=tuple(member_ids),
        skipped_invalid=len(invalid),
        duplicates=len(preview.duplicates),
        new_sections=preview.new_sections,
        new_types=preview.new_types,
        lines=tuple(preview.lines()),
        skipped=tuple(
            line for row in preview.rows if row.status != "ok" for line in row.lines(notes=False)
        ),
    )
