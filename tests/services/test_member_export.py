"""Exporting members: Dutch headers the import recognises, and a lossless round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import DEMO_DATE
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.outputs.tables import read_table
from verenigingsbeheer.services import categories, member_export, member_import, member_records
from verenigingsbeheer.services.member_import_mapping import EXPORT_FIELDS

D = dt.date
TODAY = D(2026, 3, 7)
HEADERS = [
    "Lidnummer", "Voornaam", "Tussenvoegsel", "Achternaam", "Voorletters", "Geboortedatum",
    "Straat", "Huisnummer", "Toevoeging", "Postcode", "Plaats", "Land", "Telefoon", "E-mail",
    "IBAN", "Machtigingskenmerk", "Machtiging getekend op", "Sectie", "Soort lid", "Lid sinds",
    "Lid tot", "Ooievaarspas", "Ooievaarspasnummer", "Noodcontact", "Opmerkingen",
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "leden.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def test_the_headers_are_dutch_and_map_back_to_every_field():
    assert member_export.export_headers() == HEADERS
    assert member_import.auto_mapping(HEADERS) == dict(enumerate(EXPORT_FIELDS))


def test_rows_hold_dates_as_dates_and_yes_no_as_ja_nee(db):
    with db.transaction() as session:
        alt = categories.add_category(session, "section", "Alt 1")
        anna = MemberDetails(
            first_name="Anna", tussenvoegsel="van der", last_name="Berg", initials="A.M.",
            date_of_birth=D(1949, 6, 30), street="Laan van Meerdervoort", house_number="112a",
            postcode="2517ak", town="Den Haag", phone="070-1234567", email="anna@example.nl",
            iban="NL91ABNA0417164300", mandate_reference="HGK-1", mandate_signed_on=D(2020, 9, 1),
            section_id=alt, member_since=D(2020, 9, 1), ooievaarspas=True,
            ooievaarspas_number="123", emergency_contact="Kees 06-12345678", notes="zingt ook solo",
        )  # fmt: skip
        member_records.create_member(session, anna, TODAY)
        former = member_records.create_member(
            session, MemberDetails("Piet", "Jansen", member_since=D(2001, 1, 1)), TODAY
        )
        member_records.end_membership(session, former, D(2024, 12, 31), "verhuisd")
    with db.reading() as session:
        current = member_export.export_rows(session, TODAY)
        everyone = member_export.export_rows(session, TODAY, include_former=True)
    assert current == [
        [
            1, "Anna", "van der", "Berg", "A.M.", D(1949, 6, 30), "Laan van Meerdervoort",
            "112", "a", "2517 AK", "Den Haag", "NL", "070-1234567", "anna@example.nl",
            "NL91ABNA0417164300", "HGK-1", D(2020, 9, 1), "Alt 1", "", D(2020, 9, 1), None,
            "ja", "123", "Kees 06-12345678", "zingt ook solo",
        ]
    ]  # fmt: skip
    assert [row[3] for row in everyone] == ["Berg", "Jansen"]
    assert everyone[1][20] == D(2024, 12, 31) and everyone[1][21] == "nee"


def test_an_empty_export_is_only_the_header(db, tmp_path: Path):
    with db.reading() as session:
        assert member_export.export_members(session, tmp_path / "leeg.csv", TODAY) == 0
    expected = "\ufeff" + ";".join(HEADERS) + "\r\n"
    assert (tmp_path / "leeg.csv").read_bytes() == expected.encode("utf-8")


def round_trip(source, target_path: Path, out: Path, again: Path) -> None:
    with source.reading() as session:
        member_export.export_members(session, out, DEMO_DATE, include_former=True)
    target = create_database(target_path, AssociationDetails(name="Leeg"))
    try:
        table = read_table(out)
        with target.transaction() as session:
            mapping = member_import.auto_mapping(table.headers)
            preview = member_import.preview(session, table, mapping, DEMO_DATE)
            assert (preview.invalid, preview.duplicates) == ((), ())
            result = member_import.run_import(session, preview, skip_invalid=False)
            assert result.imported == len(table.rows) > 40
        with target.reading() as session:
            member_export.export_members(session, again, DEMO_DATE, include_former=True)
    finally:
        target.close()


def test_export_import_export_gives_the_same_csv(demo_db, tmp_path: Path):
    first, second = tmp_path / "leden.csv", tmp_path / "opnieuw.csv"
    round_trip(demo_db, tmp_path / "nieuw.sqlite", first, second)
    assert first.read_bytes() == second.read_bytes()


def test_export_import_export_gives_the_same_xlsx_rows(demo_db, tmp_path: Path):
    first, second = tmp_path / "leden.xlsx", tmp_path / "opnieuw.xlsx"
    round_trip(demo_db, tmp_path / "nieuw.sqlite", first, second)
    assert read_table(first) == read_table(second)
    dates = [cell for row in read_table(first).rows for cell in row if isinstance(cell, dt.date)]
    assert dates  # real date cells survived both ways
