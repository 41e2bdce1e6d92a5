"""Reading the spreadsheets boards keep, and writing ones Dutch Excel opens correctly."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.outputs.tables import Table, read_table, write_csv, write_table, write_xlsx

D = dt.date


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_semicolons_bom_and_an_empty_line_keep_the_spreadsheet_line_numbers(tmp_path: Path):
    path = write(
        tmp_path / "leden.csv",
        "\ufeffVoornaam;Achternaam;Plaats\r\nAnna;Berg;Den Haag\r\n\r\n;;\r\nPiet;Jansen;Delft\r\n",
    )
    table = read_table(path)
    assert table.headers == ["Voornaam", "Achternaam", "Plaats"]  # no BOM in the first header
    assert table.rows == [["Anna", "Berg", "Den Haag"], ["Piet", "Jansen", "Delft"]]
    assert table.line_numbers == [2, 5]


def test_commas_without_bom_and_quoted_cells(tmp_path: Path):
    path = write(
        tmp_path / "leden.csv",
        'Voornaam,Achternaam,Opmerkingen\n"Anna","Berg","zingt; ook, alt"\nPiet,Jansen,\n',
    )
    table = read_table(path)
    assert table.rows == [["Anna", "Berg", "zingt; ook, alt"], ["Piet", "Jansen", ""]]


def test_a_quoted_cell_over_two_lines_is_one_spreadsheet_row(tmp_path: Path):
    path = write(tmp_path / "l.csv", 'Naam;Opmerkingen\nAnna;"regel een\nregel twee"\nPiet;x\n')
    table = read_table(path)
    assert table.rows[0] == ["Anna", "regel een\nregel twee"]
    assert table.line_numbers == [2, 3]


def test_windows_1252_accents(tmp_path: Path):
    path = write(tmp_path / "oud.csv", "Voornaam;Achternaam\nJoke;Boëlens\nRenée;Çelik\n", "cp1252")
    assert read_table(path).rows == [["Joke", "Boëlens"], ["Renée", "Çelik"]]


def test_utf16_from_excel_unicode_text(tmp_path: Path):
    path = write(tmp_path / "unicode.txt", "Voornaam\tAchternaam\r\nJoke\tBoëlens\r\n", "utf-16")
    assert read_table(path).rows == [["Joke", "Boëlens"]]


def test_extra_cells_get_a_column_and_trailing_empty_columns_are_dropped(tmp_path: Path):
    path = write(tmp_path / "l.csv", "Voornaam;Achternaam;;;\nAnna;Berg;extra;;\nPiet;Jansen\n")
    table = read_table(path)
    assert table.headers == ["Voornaam", "Achternaam", ""]
    assert table.rows == [["Anna", "Berg", "extra"], ["Piet", "Jansen", ""]]


def excel_file(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Voornaam", "Geboortedatum", "Huisnummer", "Lid"])
    sheet.append(["Anna", dt.datetime(1949, 6, 30), 112, True])
    sheet.append([])  # line 3 stays empty
    sheet.append(["Piet", "12-12-80", 7.0, None])
    sheet["A6"] = "Joke"
    sheet["B6"] = D(1975, 2, 1)
    sheet["B6"].number_format = "dd-mm-yyyy"
    book.save(path)
    return path


def test_xlsx_date_cells_come_back_as_dates_with_spreadsheet_line_numbers(tmp_path: Path):
    table = read_table(excel_file(tmp_path / "leden.xlsx"))
    assert table.headers == ["Voornaam", "Geboortedatum", "Huisnummer", "Lid"]
    assert table.rows == [
        ["Anna", D(1949, 6, 30), "112", "1"],
        ["Piet", "12-12-80", "7", ""],
        ["Joke", D(1975, 2, 1), "", ""],
    ]
    assert table.line_numbers == [2, 4, 6]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("leeg.csv", b"", "is leeg"),
        ("leeg.csv", b"\r\n\r\n;;\r\n", "is leeg"),
        ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "geen CSV"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "oud Excel-bestand"),
        ("kapot.xlsx", b"PK\x03\x04" + os.urandom(2000), "geen geldig Excel-bestand"),
        ("tekst.xlsx", b"Voornaam;Achternaam\n", "geen geldig Excel-bestand"),
    ],
)
def test_unreadable_files_give_a_dutch_message(tmp_path: Path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError) as refused:
        read_table(path)
    assert expected in refused.value.message
    assert str(path) in refused.value.message


def test_a_zip_that_is_no_workbook(tmp_path: Path):
    path = tmp_path / "archief.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "geen werkmap")
    with pytest.raises(UserError, match="geen geldig Excel-bestand"):
        read_table(path)


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(UserError, match="niet gevonden"):
        read_table(tmp_path / "bestaat-niet.csv")
    with pytest.raises(UserError, match="map"):
        read_table(tmp_path)


HEADERS = ["Lidnummer", "Voornaam", "Geboortedatum", "Opmerkingen"]
ROWS = [[1, "Anna", D(1949, 6, 30), 'zegt "hoi"; zingt'], [2, "Joke", None, ""]]


def test_csv_for_dutch_excel(tmp_path: Path):
    path = tmp_path / "leden.csv"
    write_csv(path, HEADERS, ROWS)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfLidnummer;Voornaam;Geboortedatum;Opmerkingen\r\n")
    assert b'1;Anna;30-06-1949;"zegt ""hoi""; zingt"\r\n' in data
    assert data.endswith(b"2;Joke;;\r\n")
    assert read_table(path) == Table(
        HEADERS,
        [["1", "Anna", "30-06-1949", 'zegt "hoi"; zingt'], ["2", "Joke", "", ""]],
        [2, 3],
    )


RISKY = [
    "0612345678", '=HYPERLINK("http://x")', "+31 6 12345678", "-5", "@SUM(A1)",
    "'=al een aanhalingsteken", "'s-Gravenhage", "123456789012", "070-1234567", "2517 AK",
]  # fmt: skip


def test_csv_keeps_phone_numbers_text_and_formulas_harmless_and_reads_back_exactly(
    tmp_path: Path,
):
    path = tmp_path / "leden.csv"
    write_csv(path, ["Waarde", "Getal"], [[text, 7] for text in RISKY])
    cells = [line.split(";")[0] for line in path.read_text("utf-8-sig").splitlines()[1:]]
    assert cells == [
        "\t0612345678",  # a tab keeps the leading 0 in Excel and is invisible
        '"\'=HYPERLINK(""http://x"")"',  # a quote in front: text, not a formula
        "'+31 6 12345678", "'-5", "'@SUM(A1)",
        "''=al een aanhalingsteken",  # an apostrophe of its own survives too
        "'s-Gravenhage", "\t123456789012", "070-1234567", "2517 AK",
    ]  # fmt: skip
    assert [row[0] for row in read_table(path).rows] == RISKY


def test_xlsx_writes_text_that_looks_like_a_formula_as_text(tmp_path: Path):
    path = tmp_path / "leden.xlsx"
    write_xlsx(path, ["Waarde"], [[text] for text in RISKY])
    cells = [row[0] for row in openpyxl.load_workbook(path).active.iter_rows(min_row=2)]
    assert {cell.data_type for cell in cells} == {"s"}  # no formula, no number
    assert [row[0] for row in read_table(path).rows] == RISKY


def test_xlsx_has_a_bold_header_real_date_cells_and_widths(tmp_path: Path):
    path = tmp_path / "leden.xlsx"
    write_xlsx(path, HEADERS, ROWS)
    sheet = openpyxl.load_workbook(path).active
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert all(cell.font.b for cell in sheet[1])
    born = sheet["C2"]
    assert born.is_date and born.number_format == "dd-mm-yyyy"
    assert sheet["A2"].value == 1 and sheet["C3"].value is None
    assert sheet.column_dimensions["D"].width >= len('zegt "hoi"; zingt')
    assert sheet.freeze_panes == "A2"
    assert read_table(path).rows[0] == ["1", "Anna", D(1949, 6, 30), 'zegt "hoi"; zingt']


def test_only_the_header_when_there_are_no_rows(tmp_path: Path):
    write_table(tmp_path / "leeg.csv", HEADERS, [])
    assert (tmp_path / "leeg.csv").read_bytes().decode("utf-8-sig").splitlines() == [
        ";".join(HEADERS)
    ]
    write_table(tmp_path / "leeg.xlsx", HEADERS, [])
    rows = list(openpyxl.load_workbook(tmp_path / "leeg.xlsx").active.values)
    assert rows == [tuple(HEADERS)]


def test_unknown_extension_and_missing_folder_are_refused_and_nothing_is_written(
    tmp_path: Path,
):
    with pytest.raises(UserError, match=r"\.csv of \.xlsx"):
        write_table(tmp_path / "leden.pdf", HEADERS, ROWS)
    with pytest.raises(UserError, match="bestaat niet"):
        write_table(tmp_path / "nergens" / "leden.csv", HEADERS, ROWS)
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == []


def test_a_failed_write_keeps_the_old_file(tmp_path: Path):
    path = tmp_path / "leden.csv"
    path.write_text("oud")
    (tmp_path / "leden.csv.nieuw").mkdir()  # the partial file cannot be made
    with pytest.raises(UserError):
        write_csv(path, HEADERS, ROWS)
    assert path.read_text() == "oud"


def test_a_path_given_as_text(tmp_path: Path):
    path = write(tmp_path / "l.csv", "Voornaam;Achternaam\nAnna;Berg\n")
    assert read_table(str(path)).rows == [["Anna", "Berg"]]  # type: ignore[arg-type]
