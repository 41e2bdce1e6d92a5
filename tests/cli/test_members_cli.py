"""`members import` and `members export` on the command line, called in-process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_cli import digest, info_counts, run
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.i18n import _

# Windows-1252, semicolons, an empty line, extra column, two-digit year, "112a",
# a bad IBAN (line 3), an impossible date (line 5), a duplicate (line 6) and a bad
# postcode and e-mail address (line 7).
MESSY = (
    "Lidnr;Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;Straat;Huisnummer;Postcode;"
    "Plaats;E-mail;IBAN;Stemgroep;Schoenmaat\r\n"
    "901;Zoë;van der;Brink;30-06-49;Laan van Meerdervoort;112a;2517ak;Den Haag;"
    "zoe@example.nl;NL91ABNA0417164300;Alt 3;38\r\n"
    "902;Joke;;Boëlens;1-2-1975;Spui;70;2511 BT;Den Haag;;NL91ABNA0417164301;Alt 3;\r\n"
    "\r\n"
    "903;Piet;;Zwanenburg;31-02-2024;Spui;70;2511 BT;Den Haag;;;Tenor;\r\n"
    "904;ZOE;Van der;brink;30-06-1949;;;;;;;Alt 3;\r\n"
    "905;Kees;de;Wolff;12-12-80;Kerkstraat;5;99999;Delft;kees@;;Bas;\r\n"
    ";Fatima;;El Amrani;2010-05-04;;;;;;;;\r\n"
).encode("cp1252")
PROBLEM_LINES = [
    "regel 3: IBAN: Dit IBAN klopt niet; controleer de letters en cijfers.",
    "regel 5: Geboortedatum: '31-02-2024' is geen bestaande datum; schrijf de datum als "
    "dd-mm-jjjj, bijvoorbeeld 07-03-2026.",
    "regel 6: dezelfde persoon als regel 2; niet geïmporteerd.",
    "regel 7: Postcode: Een Nederlandse postcode heeft vier cijfers en twee letters, "
    "bijvoorbeeld 2517 AK.",
    "regel 7: E-mail: Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl.",
]


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "ledenlijst.csv"
    path.write_bytes(MESSY)
    return path


def members_of(path: Path, paths) -> int:
    return info_counts(run("--db", str(path), "info", paths=paths)[1])["leden"]


def test_one_bad_line_refuses_the_whole_import(demo_path: Path, messy: Path, paths):
    before = digest(demo_path)
    code, out, err = run("--db", str(demo_path), "members", "import", str(messy), paths=paths)
    assert (code, out) == (2, "")
    first, *lines = err.splitlines()
    assert first == (
        "verenigingsbeheer: fout: Er is niets geïmporteerd: 3 regels bevatten fouten. "
        "Verbeter het bestand, of gebruik --skip-invalid om de andere regels te importeren."
    )
    assert [line for line in lines if "let op" not in line] == [
        *PROBLEM_LINES,
        "Niet geïmporteerde kolommen: Schoenmaat.",
    ]
    assert "Traceback" not in err
    assert digest(demo_path) == before
    assert members_of(demo_path, paths) == 40


def test_skip_invalid_imports_the_good_lines_in_one_go(demo_path: Path, messy: Path, paths):
    code, out, err = run(
        "--db", str(demo_path), "members", "import", str(messy), "--skip-invalid", paths=paths
    )
    assert (code, err) == (0, "")
    notes = [
        "regel 3: let op: zelfde adres als regel 5",
        "regel 5: let op: zelfde adres als regel 3",
    ]
    assert out.splitlines() == [
        PROBLEM_LINES[0],
        notes[0],
        PROBLEM_LINES[1],
        notes[1],
        *PROBLEM_LINES[2:],
        "Niet geïmporteerde kolommen: Schoenmaat.",
        "2 leden geïmporteerd.",
        "3 regels met fouten overgeslagen.",
        "1 dubbele regel niet geïmporteerd.",
        "Nieuwe secties: Alt 3.",
    ]
    assert members_of(demo_path, paths) == 42


def test_fix_the_flagged_lines_and_import_the_file_again(demo_path: Path, messy: Path, paths):
    command = ("--db", str(demo_path), "members", "import", str(messy), "--skip-invalid")
    assert run(*command, paths=paths)[0] == 0
    messy.write_bytes(MESSY.replace(b"NL91ABNA0417164301", b"NL91ABNA0417164300"))
    code, out, _err = run(*command, paths=paths)
    assert code == 0
    # What came in before is now a duplicate; the corrected line keeps its own number.
    assert "regel 2: dezelfde persoon als lid 901 (Zoë van der Brink); niet geïmporteerd." in out
    assert "regel 8: dezelfde persoon als lid 906 (Fatima El Amrani); niet geïmporteerd." in out
    assert "1 lid geïmporteerd." in out.splitlines()
    export = demo_path.parent / "leden.csv"
    assert run("--db", str(demo_path), "members", "export", "--out", str(export))[0] == 0
    assert "902;Joke;;Boëlens;" in export.read_text(encoding="utf-8-sig")


def test_import_creates_a_new_file_named_after_it(tmp_path: Path, paths):
    source = tmp_path / "leden.csv"
    source.write_text("Voornaam;Achternaam\nAnna;Berg\n", encoding="utf-8")
    path = tmp_path / "haags-kamerkoor.sqlite"
    code, out, err = run("--db", str(path), "members", "import", str(source), paths=paths)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"Nieuw verenigingsbestand aangemaakt: {path} (Haags kamerkoor)."
    )
    code, out, _err = run("--db", str(path), "info", paths=paths)
    assert "Vereniging: Haags kamerkoor" in out and info_counts(out)["leden"] == 1


def test_a_refused_import_leaves_no_new_file(tmp_path: Path, messy: Path, paths):
    path = tmp_path / "koor.sqlite"
    code, _out, err = run("--db", str(path), "members", "import", str(messy), paths=paths)
    assert code == 2 and "regel 3: IBAN" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "ledenlijst.csv"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "is leeg"),
        (b"\x00\x01\x02\x03" * 2048, "geen CSV- of Excel-bestand"),
        (b"PK\x03\x04 dit is geen werkmap", "geen geldig Excel-bestand"),
    ],
)
def test_an_unreadable_spreadsheet_is_refused_before_anything_is_made(
    tmp_path: Path, paths, data: bytes, expected: str
):
    source = tmp_path / "leden.xlsx" if data.startswith(b"PK") else tmp_path / "leden.csv"
    source.write_bytes(data)
    path = tmp_path / "koor.sqlite"
    code, out, err = run("--db", str(path), "members", "import", str(source), paths=paths)
    assert (code, out) == (2, "")
    assert expected in err and "Traceback" not in err
    assert not path.exists()


def test_a_missing_spreadsheet_and_missing_name_columns(tmp_path: Path, demo_path: Path, paths):
    code, _out, err = run(
        "--db", str(demo_path), "members", "import", str(tmp_path / "weg.csv"), paths=paths
    )
    assert code == 2 and "Bestand niet gevonden" in err
    source = tmp_path / "adressen.csv"
    source.write_text("Voornaam;Adres\nAnna;Spui 70\n", encoding="utf-8")
    code, _out, err = run("--db", str(demo_path), "members", "import", str(source), paths=paths)
    assert code == 2
    assert err.strip() == (
        "verenigingsbeheer: fout: Er is geen kolom voor de achternaam gevonden. "
        "Gevonden kolommen: Voornaam, Adres."
    )


def test_xlsx_with_excel_date_cells(tmp_path: Path, paths):
    book = openpyxl.Workbook()
    book.active.append(["Lidnummer", "Voornaam", "Achternaam", "Geboortedatum", "Lid sinds"])
    book.active.append([12, "Anna", "Berg", dt.datetime(1980, 1, 2), dt.date(2001, 9, 1)])
    book.save(tmp_path / "leden.xlsx")
    path = tmp_path / "koor.sqlite"
    code, _out, err = run(
        "--db", str(path), "members", "import", str(tmp_path / "leden.xlsx"), paths=paths
    )
    assert (code, err) == (0, "")
    code, _out, err = run("--db", str(path), "members", "export", "--out", str(tmp_path / "u.csv"))
    assert code == 0
    row = (tmp_path / "u.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(";")
    assert row[:6] == ["12", "Anna", "", "Berg", "", "02-01-1980"]
    assert row[19] == "01-09-2001"


def test_export_csv_and_xlsx(demo_path: Path, tmp_path: Path, paths):
    out_csv, out_xlsx = tmp_path / "leden.csv", tmp_path / "leden.xlsx"
    code, out, err = run("--db", str(demo_path), "members", "export", "--out", str(out_csv))
    assert (code, err) == (0, "")
    current = len(out_csv.read_bytes().splitlines()) - 1
    assert out == f"{current} leden geëxporteerd naar {out_csv}.\n"
    assert out_csv.read_bytes().startswith("\ufeffLidnummer;Voornaam;Tussenvoegsel;".encode())
    code, out, err = run(
        "--db", str(demo_path), "members", "export", "--out", str(out_xlsx), "--all"
    )
    assert (code, err) == (0, "")
    sheet = openpyxl.load_workbook(out_xlsx).active
    assert sheet.max_row - 1 > current  # former members too
    assert sheet["A1"].value == "Lidnummer" and sheet["A1"].font.b


def test_export_with_no_members_writes_only_the_header(tmp_path: Path, paths):
    path = tmp_path / "leeg.sqlite"
    create_database(path, AssociationDetails(name="Leeg")).close()
    code, out, err = run("--db", str(path), "members", "export", "--out", str(tmp_path / "l.csv"))
    assert (code, err) == (0, "")
    assert out == f"0 leden geëxporteerd naar {tmp_path / 'l.csv'}.\n"
    assert len((tmp_path / "l.csv").read_bytes().splitlines()) == 1


def test_export_refuses_an_unknown_extension_and_a_missing_file(
    demo_path: Path, tmp_path: Path, paths
):
    target = tmp_path / "leden.ods"
    code, out, err = run("--db", str(demo_path), "members", "export", "--out", str(target))
    assert (code, out) == (2, "")
    assert err == (
        f"verenigingsbeheer: fout: {target} kan niet worden geschreven: "
        "de bestandsnaam moet eindigen op .csv of .xlsx.\n"
    )
    assert not target.exists()
    missing = tmp_path / "typo.sqlite"
    code, _out, err = run(
        "--db", str(missing), "members", "export", "--out", str(tmp_path / "a.csv")
    )
    assert code == 2 and "Bestand niet gevonden" in err
    assert not missing.exists() and not (tmp_path / "a.csv").exists()


def test_members_needs_a_sub_command(demo_path: Path, paths):
    code, out, err = run("--db", str(demo_path), "members", paths=paths)
    assert (code, out) == (2, "") and "Traceback" not in err


def test_export_import_export_round_trip(demo_path: Path, tmp_path: Path, paths):
    first, second = tmp_path / "eerst.csv", tmp_path / "daarna.csv"
    copy = tmp_path / "kopie.sqlite"
    assert run("--db", str(demo_path), "members", "export", "--out", str(first), "--all")[0] == 0
    code, _out, err = run("--db", str(copy), "members", "import", str(first), paths=paths)
    assert (code, err) == (0, "")
    assert run("--db", str(copy), "members", "export", "--out", str(second), "--all")[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_data_without_a_header_is_named_in_the_report(tmp_path: Path, paths):
    source = tmp_path / "leden.csv"
    source.write_text(
        "Voornaam;Achternaam;Schoenmaat;\nAnna;Berg;38;zingt alt\nPiet;Bos;44;\n",
        encoding="utf-8",
    )
    path = tmp_path / "koor.sqlite"
    code, out, err = run("--db", str(path), "members", "import", str(source), paths=paths)
    assert (code, err) == (0, "")
    note = _("{column} has no header, so its data is not imported ({lines}).").format(
        column="kolom D", lines="regel 2"
    )
    assert out.splitlines()[1:4] == [
        "Niet geïmporteerde kolommen: Schoenmaat.",
        note[:1].upper() + note[1:],
        "2 leden geïmporteerd.",
    ]
    source.write_text("Voornaam;Achternaam;\nAnna;;alt\n", encoding="utf-8")
    code, _out, err = run("--db", str(path), "members", "import", str(source), paths=paths)
    assert code == 2 and "regel 2: Achternaam: Vul een achternaam in." in err
    assert err.rstrip().endswith("(regel 2).")  # the refusal names the column too
