"""Importing member spreadsheets: mapping, preview with every problem, duplicates, import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from verenigingsbeheer import i18n
from verenigingsbeheer.db.models import Association, Member
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.outputs.tables import Table, read_table
from verenigingsbeheer.services import categories, member_import, member_records, members
from verenigingsbeheer.services.member_import import auto_mapping, mapping_problems, run_import
from verenigingsbeheer.services.member_import_mapping import split_full_name, split_street

D = dt.date
TODAY = D(2026, 3, 7)

MESSY = (
    "\ufeffLidnr;Roepnaam;Tussenv.;Achternaam;Geb. datum;Adres;Huisnr;Postcode;Woonplaats;"
    "E-mail;IBAN;Stemgroep;Lid sinds;Ooievaarspas;Schoenmaat\r\n"
    "1;Anna;van der;Berg;30-06-49;Laan van Meerdervoort;112a;2517ak;Den Haag;"
    "anna@example.nl;NL91 ABNA 0417 1643 00;Sopraan 1;1-9-2020;ja;38\r\n"  # line 2
    "2;Joke;;Boëlens;1-2-1975;Spui;70;2511 BT;Den Haag;joke@example.nl;NL91ABNA0417164301;"
    "Alt;;12345678;\r\n"  # line 3: bad IBAN; a pass number
    "\r\n"  # line 4: empty
    "3;Piet;;Jansen;31-02-2024;Spui;70;2511 BT;Den Haag;anna@example.nl;;Tenor;;nee;\r\n"
    "4;ANNA;Van Der;berg;30-06-1949;;;;;;;Sopraan 1;;;\r\n"  # line 6: duplicate of line 2
    "5;Kees;de;Vries;12-12-80;Kerkstraat 5;;99999;Delft;kees@;;Bas;;x;\r\n"  # line 7
    ";Fatima;;El Amrani;2010-05-04;;;;;;;Sopraan 1;01-01-2024;;\r\n"  # line 8: fine
)


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "leden.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def csv_table(tmp_path: Path, text: str, encoding: str = "utf-8") -> Table:
    path = tmp_path / "leden.csv"
    path.write_bytes(text.encode(encoding))
    return read_table(path)


def make_preview(db, table: Table, mapping=None):
    with db.reading() as session:
        return member_import.preview(session, table, mapping or auto_mapping(table.headers), TODAY)


# Mapping -------------------------------------------------------------------------------


def test_common_dutch_and_english_headers_are_recognised():
    headers = [
        "Lidnr", "ROEPNAAM", "Tussenv.", " achternaam ", "Geb. datum", "Straat", "Huisnr",
        "Toevoeging", "Postcode", "Woonplaats", "Land", "Mobiel", "E-mailadres",
        "Rekeningnummer", "Machtigingskenmerk", "Stem", "Soort lid", "Lid sinds", "Lid tot",
        "Ooievaarspas", "Noodcontact", "Opmerkingen", "Schoenmaat",
    ]  # fmt: skip
    assert list(auto_mapping(headers).values()) == [
        "member_number", "first_name", "tussenvoegsel", "last_name", "date_of_birth", "street",
        "house_number", "house_number_addition", "postcode", "town", "country", "phone",
        "email", "iban", "mandate_reference", "section", "membership_type", "member_since",
        "member_until", "ooievaarspas", "emergency_contact", "notes",
    ]  # fmt: skip
    english = ["First name", "Last name", "Date of birth", "Address", "Zip", "City", "Phone",
               "Email", "Section", "Member since", "Membership type"]  # fmt: skip
    assert list(auto_mapping(english).values()) == [
        "first_name", "last_name", "date_of_birth", "street", "postcode", "town", "phone",
        "email", "section", "member_since", "membership_type",
    ]  # fmt: skip


def test_accents_and_one_column_per_field():
    mapping = auto_mapping(["Vóórnaam", "Achternaam", "Telefoon", "Mobiel", "Instrument"])
    assert mapping == {0: "first_name", 1: "last_name", 2: "phone", 4: "section"}


def test_a_loose_naam_column():
    assert auto_mapping(["Voornaam", "Naam"]) == {0: "first_name", 1: "last_name"}
    assert auto_mapping(["Naam", "Plaats"]) == {0: "full_name", 1: "town"}
    assert split_full_name("Anna van der Berg") == ("Anna", "van der", "Berg")
    assert split_full_name("Berg, Anna van der") == ("Anna", "van der", "Berg")
    assert split_full_name("Piet Jansen") == ("Piet", "", "Jansen")
    assert split_full_name("Jan in 't Veld") == ("Jan", "in 't", "Veld")
    assert split_street("Laan van Meerdervoort 112a") == ("Laan van Meerdervoort", "112", "a")
    assert split_street("Spui 70-II") == ("Spui", "70", "II")
    assert split_street("Postbus") == ("Postbus", "", "")


def test_mapping_problems_name_what_is_missing_or_doubled():
    headers = ["Voornaam", "Roepnaam", "Plaats"]
    problems = mapping_problems({0: "first_name", 1: "first_name", 2: "town"}, headers)
    assert problems == [
        "Voornaam is voor meer dan één kolom gekozen: Voornaam, Roepnaam.",
        "Er is geen kolom voor de achternaam gevonden.",
    ]
    assert mapping_problems({0: "full_name"}, ["Naam"]) == []


def test_every_field_has_a_translated_label():
    labels = [member_import.field_label(field) for field in member_import.FIELDS]
    assert "Lidnummer" in labels and "Ooievaarspasnummer" in labels
    assert len(set(labels)) == len(labels)


# Preview -------------------------------------------------------------------------------


def test_the_preview_lists_every_problem_with_line_and_column(db, tmp_path: Path):
    preview = make_preview(db, csv_table(tmp_path, MESSY))
    assert [row.line for row in preview.rows] == [2, 3, 5, 6, 7, 8]
    assert [row.status for row in preview.rows] == [
        "ok", "invalid", "invalid", "duplicate", "invalid", "ok",
    ]  # fmt: skip
    lines = preview.lines()
    assert "regel 3: IBAN: Dit IBAN klopt niet; controleer de letters en cijfers." in lines
    assert (
        "regel 5: Geb. datum: '31-02-2024' is geen bestaande datum; schrijf de datum als "
        "dd-mm-jjjj, bijvoorbeeld 07-03-2026." in lines
    )
    assert "regel 6: dezelfde persoon als regel 2; niet geïmporteerd." in lines
    row7 = [line for line in lines if line.startswith("regel 7:")]
    assert row7 == [
        "regel 7: Postcode: Een Nederlandse postcode heeft vier cijfers en twee letters, "
        "bijvoorbeeld 2517 AK.",
        "regel 7: E-mail: Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl.",
    ]
    assert "regel 5: let op: zelfde e-mailadres als regel 2" in lines
    assert "regel 5: let op: zelfde adres als regel 3" in lines
    assert preview.unused_columns == ("Schoenmaat",)
    assert preview.new_sections == ("Sopraan 1",)  # only sections of rows that are imported


def test_the_preview_reads_values_the_way_the_member_form_does(db, tmp_path: Path):
    rows = {row.line: row for row in make_preview(db, csv_table(tmp_path, MESSY)).rows}
    anna = rows[2].details
    assert (anna.first_name, anna.tussenvoegsel, anna.last_name) == ("Anna", "van der", "Berg")
    assert anna.date_of_birth == D(1949, 6, 30)  # two-digit year: the century in the past
    assert (anna.house_number, anna.house_number_addition) == ("112", "a")
    assert (anna.postcode, anna.iban) == ("2517 AK", "NL91ABNA0417164300")
    assert anna.member_since == D(2020, 9, 1) and anna.ooievaarspas
    assert rows[2].member_number == 1 and rows[2].section == "Sopraan 1"
    joke = rows[3].details
    assert joke.last_name == "Boëlens"
    assert (joke.ooievaarspas, joke.ooievaarspas_number) == (True, "12345678")
    assert joke.member_since == TODAY  # no date in the file: the import day
    kees = rows[7].details
    assert kees.date_of_birth == D(1980, 12, 12)
    assert (kees.street, kees.house_number) == ("Kerkstraat", "5")  # split from "Adres"
    assert rows[8].member_number is None


def test_windows_1252_file(db, tmp_path: Path):
    table = csv_table(
        tmp_path, "Voornaam;Achternaam;Plaats\r\nJoke;Boëlens;Gravenhage\r\n", "cp1252"
    )
    [row] = make_preview(db, table).rows
    assert row.details.last_name == "Boëlens" and row.status == "ok"


def test_only_first_and_last_name_are_required(db, tmp_path: Path):
    table = csv_table(tmp_path, "Voornaam,Achternaam\nAnna,Berg\n,Jansen\nPiet,\n")
    preview = make_preview(db, table)
    assert [row.status for row in preview.rows] == ["ok", "invalid", "invalid"]
    assert preview.lines() == [
        "regel 3: Voornaam: Vul een voornaam in.",
        "regel 4: Achternaam: Vul een achternaam in.",
    ]


def test_excel_date_cells_and_a_full_name_column(db, tmp_path: Path):
    book = openpyxl.Workbook()
    book.active.append(["Naam", "Geboortedatum", "Lid sinds", "Huisnummer"])
    book.active.append(["Anna van der Berg", dt.datetime(1980, 1, 2), D(2001, 9, 1), 112])
    book.save(tmp_path / "leden.xlsx")
    [row] = make_preview(db, read_table(tmp_path / "leden.xlsx")).rows
    d = row.details
    assert (d.first_name, d.tussenvoegsel, d.last_name) == ("Anna", "van der", "Berg")
    assert (d.date_of_birth, d.member_since, d.house_number) == (
        D(1980, 1, 2),
        D(2001, 9, 1),
        "112",
    )


def test_duplicates_of_existing_members_ignore_case_and_accents(db, tmp_path: Path):
    with db.transaction() as session:
        member_records.create_member(
            session,
            MemberDetails(
                "Joke", "Boëlens", date_of_birth=D(1975, 2, 1), member_since=D(2000, 1, 1)
            ),
            TODAY,
        )
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;Geboortedatum\nJOKE;Boelens;01-02-1975\nJoke;Boëlens;02-02-1975\n",
    )
    first, second = make_preview(db, table).rows
    assert first.duplicate_of == "lid 1 (Joke Boëlens)" and first.status == "duplicate"
    assert second.status == "ok"  # another birth date: another person


def test_member_numbers_in_use_or_twice_in_the_file(db, tmp_path: Path):
    with db.transaction() as session:
        member_records.create_member(
            session, MemberDetails("Oud", "Lid", member_since=TODAY), TODAY
        )
    table = csv_table(
        tmp_path,
        "Lidnummer;Voornaam;Achternaam\n1;Anna;Berg\n7;Piet;Jansen\n7;Kees;Vries\nx;Jan;Bos\n",
    )
    assert make_preview(db, table).lines() == [
        "regel 2: Lidnummer: Lidnummer 1 is al in gebruik.",
        "regel 4: Lidnummer: Lidnummer 7 staat ook op regel 3.",
        "regel 5: Lidnummer: Een lidnummer is een geheel getal groter dan 0, bijvoorbeeld 12.",
    ]


def test_the_preview_changes_nothing(db, tmp_path: Path):
    preview = make_preview(db, csv_table(tmp_path, MESSY))
    assert preview.new_sections
    with db.reading() as session:
        assert categories.list_categories(session, "section") == []
        assert members.list_members(session, TODAY, include_former=True) == []


# Import --------------------------------------------------------------------------------


def test_without_skip_invalid_one_bad_row_refuses_everything(db, tmp_path: Path):
    table = csv_table(tmp_path, MESSY)
    refused = "Er is niets geïmporteerd: 3 regels bevatten fouten"
    with pytest.raises(UserError, match=refused), db.transaction() as session:
        preview = member_import.preview(session, table, auto_mapping(table.headers), TODAY)
        run_import(session, preview, skip_invalid=False)
    with db.reading() as session:
        assert members.list_members(session, TODAY, include_former=True) == []
        assert categories.list_categories(session, "section") == []


def test_with_skip_invalid_the_good_rows_are_imported(db, tmp_path: Path):
    table = csv_table(tmp_path, MESSY)
    with db.transaction() as session:
        preview = member_import.preview(session, table, auto_mapping(table.headers), TODAY)
        result = run_import(session, preview, skip_invalid=True)
    assert (result.imported, result.skipped_invalid, result.duplicates) == (2, 3, 1)
    assert result.summary() == [
        "2 leden geïmporteerd.",
        "3 regels met fouten overgeslagen.",
        "1 dubbele regel niet geïmporteerd.",
        "Nieuwe secties: Sopraan 1.",
    ]
    with db.reading() as session:
        rows = members.list_members(session, TODAY)
        assert [(r.member_number, r.name.full, r.section) for r in rows] == [
            (1, "Anna van der Berg", "Sopraan 1"),
            (6, "Fatima El Amrani", "Sopraan 1"),  # above every number in the file
        ]
        anna = member_records.get_member(session, rows[0].member_id)
        assert anna.details.postcode == "2517 AK" and anna.details.ooievaarspas
        assert anna.periods == ((D(2020, 9, 1), None, ""),)
        # Numbers are never reused: the next member continues after the highest one.
        assert member_records.next_member_number(session) == 7


def test_kept_numbers_and_new_ones_never_collide(db, tmp_path: Path):
    table = csv_table(
        tmp_path, "Lidnr;Voornaam;Achternaam\n;Anna;Berg\n3;Piet;Jansen\n;Kees;Vries\n"
    )
    with db.transaction() as session:
        preview = member_import.preview(session, table, auto_mapping(table.headers), TODAY)
        run_import(session, preview, skip_invalid=False)
        association = session.execute(select(Association)).scalar_one()
        assert association.last_member_number == 5
    with db.reading() as session:
        numbers = {r.name.first_name: r.member_number for r in members.list_members(session, TODAY)}
    assert numbers == {"Anna": 4, "Piet": 3, "Kees": 5}
    with db.transaction() as session:
        new = member_records.create_member(
            session, MemberDetails("Jan", "Bos", member_since=TODAY), TODAY
        )
        assert session.get(Member, new).member_number == 6


def test_new_sections_and_types_are_created_once(db, tmp_path: Path):
    with db.transaction() as session:
        categories.add_category(session, "section", "Alt")
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;Sectie;Soort lid\n"
        "A;B;alt;Jeugdlid\nC;D;Tenor;vriend\nE;F;tenor;Vriend\n",
    )
    with db.transaction() as session:
        preview = member_import.preview(session, table, auto_mapping(table.headers), TODAY)
        assert (preview.new_sections, preview.new_types) == (("Tenor",), ("vriend",))
        run_import(session, preview, skip_invalid=False)
    with db.reading() as session:
        assert [c.name for c in categories.list_categories(session, "section")] == ["Alt", "Tenor"]
        types = {c.name: c.members for c in categories.list_categories(session, "type")}
        assert (types["Jeugdlid"], types["vriend"]) == (1, 2)  # the file has types already


def test_an_import_of_only_duplicates_imports_nothing(db, tmp_path: Path):
    table = csv_table(tmp_path, "Voornaam;Achternaam;Geboortedatum\nAnna;Berg;01-02-1990\n")
    for expected in (1, 0):
        with db.transaction() as session:
            preview = member_import.preview(session, table, auto_mapping(table.headers), TODAY)
            assert run_import(session, preview, skip_invalid=False).imported == expected


def test_the_same_name_without_a_birth_date_is_no_duplicate_only_a_note(db, tmp_path: Path):
    with db.transaction() as session:
        member_records.create_member(
            session, MemberDetails("Anna", "Berg", member_since=D(2000, 1, 1)), TODAY
        )
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;Geboortedatum\n"
        "Anna;Berg;01-02-1990\nANNA;berg;\nPiet;Jansen;\nPiet;Jansen;03-04-1980\n"
        "Kees;Vries;01-01-1970\nKees;Vries;02-02-1972\n",
    )
    rows = make_preview(db, table).rows
    assert [row.status for row in rows] == ["ok"] * 6  # nobody skipped as a duplicate
    note = i18n._(
        "same name as {others}, but no date of birth to compare: check whether this is the "
        "same person"
    )
    assert rows[0].notes == (note.format(others="regel 3, lid 1 (Anna Berg)"),)
    assert rows[1].notes == (note.format(others="regel 2, lid 1 (Anna Berg)"),)
    assert rows[2].notes == (note.format(others="regel 5"),)
    assert rows[3].notes == (note.format(others="regel 4"),)
    assert rows[4].notes == rows[5].notes == ()  # two birth dates: two people


def test_messages_follow_the_language(db, tmp_path: Path):
    i18n.set_language("en")
    table = csv_table(tmp_path, "First name;Last name;IBAN\nAnna;Berg;NL00\n")
    assert make_preview(db, table).lines() == [
        "line 2: IBAN: This IBAN is not valid; check the letters and digits."
    ]
