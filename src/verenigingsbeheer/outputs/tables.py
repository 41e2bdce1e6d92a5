"""Spreadsheets in and out: the CSV and XLSX files boards really keep.

Reading accepts what Excel, LibreOffice and web forms write (comma, semicolon or tab;
UTF-8 with or without BOM, UTF-16, else Windows-1252). Writing makes files that Dutch
Excel opens correctly: CSV with semicolons and a BOM, XLSX with real date cells.
Every problem with a file becomes a UserError in the user's language, never a traceback.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _

Cell = str | dt.date
READ_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
WRITE_SUFFIXES = (".csv", ".xlsx")
DATE_FORMAT = "%d-%m-%Y"  # dd-mm-jjjj, as Dutch spreadsheets write dates
MAX_WIDTH = 50
# A text cell starting with one of these is a formula to Excel and LibreOffice; the CSV
# writer puts a ' in front (OWASP's advice) and the CSV reader takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_FORMULA = re.compile(r"^'+[=+\-@\t\r]")
# Digits Excel would turn into a number: a leading 0 ("0612345678") or more than 11 digits
# (shown as 1,23E+11). A tab in front keeps them text and is invisible; reading strips it.
_NUMBER_LIKE = re.compile(r"^(0\d+|\d{12,})$")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, or an encrypted (password) workbook


@dataclass(frozen=True)
class Table:
    """A sheet as text and dates; `line_numbers[i]` is row i's line as the spreadsheet shows it."""

    headers: list[str]
    rows: list[list[Cell]]
    line_numbers: list[int]


# Reading -------------------------------------------------------------------------------


def read_table(path: Path) -> Table:
    """The first sheet of a CSV or XLSX file; the first non-empty line is the header."""
    path = Path(path)
    data = _read_bytes(path)
    if not data.strip():
        raise UserError(_("{path} is empty.").format(path=path))
    if data.startswith(_OLE_MAGIC):
        raise UserError(
            _(
                "{path} is an old Excel file (.xls) or protected with a password. "
                "Save it in Excel as .xlsx or CSV and try again."
            ).format(path=path)
        )
    if data.startswith(_ZIP_MAGIC):
        lines = _xlsx_lines(path, data)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        raise UserError(_("{path} is not a valid Excel file, or it is damaged.").format(path=path))
    else:
        lines = _csv_lines(path, data)
    return _as_table(path, lines)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UserError(_describe_os_error(error, path)) from error


def _describe_os_error(error: OSError, path: Path) -> str:
    if isinstance(error, FileNotFoundError):
        return _("File not found: {path}").format(path=path)
    if isinstance(error, IsADirectoryError):
        return _("{path} is a folder, not a file.").format(path=path)
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return _("No permission to read or write {path}.").format(path=path)
    if error.errno == errno.ENOSPC:
        return _("The disk is full; nothing was saved.")
    return _("{path} cannot be read or written.").format(path=path)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return "\x00" in sample or controls > len(sample) // 100 + 2


def _delimiter(text: str) -> str:
    """The separator the header line uses most (outside quotes): ; , or tab."""
    for line in text.splitlines():
        if not line.strip():
            continue
        counts = {";": 0, ",": 0, "\t": 0}
        quoted = False
        for ch in line:
            if ch == '"':
                quoted = not quoted
            elif not quoted and ch in counts:
                counts[ch] += 1
        best = max(counts, key=lambda sep: (counts[sep], sep == ";"))
        return best if counts[best] else ","
    return ","


def _csv_lines(path: Path, data: bytes) -> Iterable[tuple[int, list[Cell]]]:
    text = _decode(data)
    if _looks_binary(text):
        raise UserError(_("{path} is not a CSV or Excel file (.csv or .xlsx).").format(path=path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        # A spreadsheet shows one row per record, even when a quoted cell spans lines.
        return [
            (number, [_unescaped(cell.strip()) for cell in record])
            for number, record in enumerate(reader, start=1)
        ]
    except csv.Error as error:
        raise UserError(
            _("{path} cannot be read as CSV: {why}").format(path=path, why=error)
        ) from error


def _xlsx_lines(path: Path, data: bytes) -> Iterable[tuple[int, list[Cell]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UserError(
            _("{path} is not a valid Excel file, or it is damaged.").format(path=path)
        ) from error
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # other programs write wrong sizes; read what is there
        return [
            (number, [_from_excel(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except Exception as error:
        raise UserError(
            _("{path} is not a valid Excel file, or it is damaged.").format(path=path)
        ) from error
    finally:
        book.close()


def _from_excel(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 112.0 is house number 112
    return str(value)


def _clean(cell: Cell) -> Cell:
    return cell.strip() if isinstance(cell, str) else cell


def _unescaped(cell: str) -> str:
    """What `excel_text` wrote: the tab went with the stripping, the ' goes here."""
    return cell[1:] if _ESCAPED_FORMULA.match(cell) else cell


def _as_table(path: Path, lines: Iterable[tuple[int, list[Cell]]]) -> Table:
    headers: list[str] | None = None
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    for number, record in lines:
        cells = [_clean(cell) for cell in record]
        if all(cell == "" for cell in cells):
            continue  # an empty line is skipped, but still counts for the numbering
        if headers is None:
            headers = [_as_text(cell) for cell in cells]
            continue
        rows.append(cells)
        numbers.append(number)
    if headers is None:
        raise UserError(_("{path} is empty.").format(path=path))
    # Drop trailing columns without header and data (Excel keeps formatted empty cells).
    width = max([_used_width(headers), *(_used_width(row) for row in rows)])
    headers = (headers + [""] * width)[:width]
    rows = [(row + [""] * width)[:width] for row in rows]
    return Table(headers=headers, rows=rows, line_numbers=numbers)


def _used_width(cells: Sequence[Cell]) -> int:
    for index in range(len(cells) - 1, -1, -1):
        if cells[index] != "":
            return index + 1
    return 0


def _as_text(cell: Cell) -> str:
    return cell.strftime(DATE_FORMAT) if isinstance(cell, dt.date) else cell


# Writing -------------------------------------------------------------------------------

Value = str | int | dt.date | None


def check_output(path: Path) -> str:
    """The format ("csv" or "xlsx") for `path`, or a UserError naming the ones we write."""
    suffix = Path(path).suffix.lower()
    if suffix not in WRITE_SUFFIXES:
        raise UserError(
            _("Cannot write {path}: the file name must end in .csv or .xlsx.").format(path=path)
        )
    return suffix[1:]


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Value]]) -> None:
    """Write CSV or XLSX, chosen by the file name; replaces the file only when complete."""
    path = Path(path)
    writer: Callable[[Path, Sequence[str], Sequence[Sequence[Value]]], None] = (
        write_csv if check_output(path) == "csv" else write_xlsx
    )
    writer(path, headers, rows)


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime(DATE_FORMAT)
    return str(value)


def excel_text(value: Value) -> str:
    """A cell as Excel should show it: formulas made harmless, phone numbers kept text.

    `read_table` undoes both, so an exported file reads back unchanged."""
    text = _text(value)
    if not isinstance(value, str):
        return text
    if text.startswith(FORMULA_STARTS) or _ESCAPED_FORMULA.match(text):
        return "'" + text
    if _NUMBER_LIKE.match(text):
        return "\t" + text
    return text


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Value]]) -> None:
    """Semicolons, UTF-8 with BOM and CRLF: what Dutch Excel opens without a wizard."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([excel_text(header) for header in headers])
    writer.writerows([excel_text(value) for value in row] for row in rows)
    replace_file(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))


def write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Value]]) -> None:
    """One sheet: a bold, frozen header row, real date cells (dd-mm-jjjj), fitting widths."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        longest = max([len(header), *(len(_text(row[index - 1])) for row in rows)])
        width = min(max(longest, 4) + 2, MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells: list[object] = []
        for value in row:
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "dd-mm-yyyy"
                cells.append(cell)
            elif isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # openpyxl would write "=..." as a formula
                cells.append(cell)
            else:
                cells.append(None if value == "" else value)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    replace_file(path, buffer.getvalue())


def replace_file(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failure never leaves half a file."""
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=path.parent))
    partial = path.with_name(path.name + ".nieuw")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise UserError(_describe_os_error(error, path)) from error
