"""Exporting members: Dutch headers the import recognises, and a lossless round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import DEMO_DATE
from verenigingsbeheer import i18n
from verenigingsbeheer.db.models import Household
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import Consent, MemberDetails
from verenigingsbeheer.outputs.tables import read_table
from verenigingsbeheer.services import (
    categories,
    households,
    member_export,
    member_import,
    member_records,
    members,
)
from verenigingsbeheer.services.member_import_mapping import EXPORT_FIELDS

D = dt.date
TODAY = D(2026, 3, 7)
HEADERS = [
    "Lidnummer", "Voornaam", "Tussenvoegsel", "Achternaam", "Voorletters", "Geboortedatum",
    "Straat", "Huisnummer", "Toevoeging", "Postcode", "Plaats", "Land", "Telefoon", "E-mail",
    "IBAN", "Machtigingskenmerk", "Machtiging getekend op", "Sectie", "Soort lid", "Lid sinds",
    "Opgezegd op", "Lid tot", "Reden van vertrek", "Ooievaarspas", "Ooievaarspasnummer",
    "Ooievaarspas geldig tot", "Toestemming foto's en video", "Toestemming nieuwsbrief",
    "Toestemming oud-ledenlijst", "Toestemming gegeven door ouder", "Huishouden",
    "Betaalt voor huishouden", "Noodcontact", "Opmerkingen",
]  # fmt: skip
# Headers whose Dutch translation is still to be merged into the catalog (NEW_TRANSLATIONS.txt)
PENDING = {
    "Ooievaarspas geldig tot", "Toestemming foto's en video", "Toestemming nieuwsbrief",
    "Toestemming oud-ledenlijst", "Toestemming gegeven door ouder", "Betaalt voor huishouden",
}  # fmt: skip


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "leden.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def test_the_headers_are_dutch_and_map_back_to_every_field():
    headers = member_export.export_headers()
    assert len(headers) == len(HEADERS)
    assert [h for h, d in zip(headers, HEADERS, strict=True) if d not in PENDING] == [
        d for d in HEADERS if d not in PENDING
    ]
    every_field = dict(enumerate(EXPORT_FIELDS))
    assert member_import.auto_mapping(HEADERS) == every_field
    assert member_import.auto_mapping(headers) == every_field
    i18n.set_language("en")
    assert member_import.auto_mapping(member_export.export_headers()) == every_field


def test_rows_hold_dates_as_dates_and_yes_no_as_ja_nee(db):
    with db.transaction() as session:
        alt = categories.add_category(session, "section", "Alt 1")
        anna = MemberDetails(
            first_name="Anna", tussenvoegsel="van der", last_name="Berg", initials="A.M.",
            date_of_birth=D(1949, 6, 30), street="Laan van Meerdervoort", house_number="112a",
            postcode="2517ak", town="Den Haag", phone="070-1234567", email="anna@example.nl",
            iban="NL91ABNA0417164300", mandate_reference="HGK-1", mandate_signed_on=D(2020, 9, 1),
            section_id=alt, member_since=D(2020, 9, 1), ooievaarspas=True,
            ooievaarspas_number="123", ooievaarspas_valid_until=D(2026, 12, 31),
            consents={"photos": Consent(D(2021, 1, 4)), "alumni": Consent(D(2022, 2, 5))},
            emergency_contact="Kees 06-12345678", notes="zingt ook solo",
        )  # fmt: skip
        anna_id = member_records.create_member(session, anna, TODAY)
        households.set_household(session, anna_id, households.NEW, pays=True)
        former = member_records.create_member(
            session, MemberDetails("Piet", "Jansen", member_since=D(2001, 1, 1)), TODAY
        )
        member_records.end_membership(
            session, former, D(2024, 12, 31), "verhuisd", notice_given_on=D(2024, 10, 1)
        )
    with db.reading() as session:
        current = member_export.export_rows(session, TODAY)
        everyone = member_export.export_rows(session, TODAY, include_former=True)
    assert current == [
        [
            1, "Anna", "van der", "Berg", "A.M.", D(1949, 6, 30), "Laan van Meerdervoort",
            "112", "a", "2517 AK", "Den Haag", "NL", "070-1234567", "anna@example.nl",
            "NL91ABNA0417164300", "HGK-1", D(2020, 9, 1), "Alt 1", "", D(2020, 9, 1), None,
            None, "", "ja", "123", D(2026, 12, 31), D(2021, 1, 4), None, D(2022, 2, 5), "",
            "Berg", "ja", "Kees 06-12345678", "zingt ook solo",
        ]
    ]  # fmt: skip
    assert [row[3] for row in everyone] == ["Berg", "Jansen"]
    piet = dict(zip(EXPORT_FIELDS, everyone[1], strict=True))
    assert (piet["notice_given_on"], piet["member_until"], piet["end_reason"]) == (
        D(2024, 10, 1), D(2024, 12, 31), "verhuisd"
    )  # fmt: skip
    assert (piet["ooievaarspas"], piet["household"], piet["pays_for_household"]) == ("nee", "", "")


def test_an_empty_export_is_only_the_header(db, tmp_path: Path):
    with db.reading() as session:
        assert member_export.export_members(session, tmp_path / "leeg.csv", TODAY) == 0
    expected = "\ufeff" + ";".join(member_export.export_headers()) + "\r\n"
    assert (tmp_path / "leeg.csv").read_bytes() == expected.encode("utf-8")


NEW_COLUMNS = (
    "notice_given_on", "end_reason", "ooievaarspas_valid_until", "consent_photos",
    "consent_newsletter", "consent_alumni", "consent_parent", "household", "pays_for_household",
)  # fmt: skip


def enrich(database) -> None:
    """What the demo lacks: notice, alumni consents, a child's consents given by a parent,
    two households both called Berg (one without payer), Excel-unsafe phones and notes."""
    with database.transaction() as session:
        rows = members.list_members(session, DEMO_DATE)
        ids = [row.member_id for row in rows]
        member_records.end_membership(
            session, ids[0], D(2026, 1, 31), "Te druk", notice_given_on=D(2025, 12, 1)
        )
        child = MemberDetails(
            "Sem", "Berg", tussenvoegsel="van den", date_of_birth=D(2015, 4, 1),
            member_since=D(2024, 9, 1), phone="0612345678", notes="=1+1 is geen formule",
            emergency_contact="+31 6 12345678",
            consents={"photos": Consent(D(2024, 9, 1), "Els van den Berg"),
                      "alumni": Consent(D(2025, 1, 2), "Els van den Berg")},
        )  # fmt: skip
        sem = member_records.create_member(session, child, DEMO_DATE)
        first, second = [], []
        for group, (member_ids, pays) in enumerate(((first, True), (second, False))):
            member_ids.extend([ids[1 + 2 * group], ids[2 + 2 * group]])
            households.set_household(session, member_ids[0], households.NEW, pays)
            household, _pays = households.household_of(session, member_ids[0])
            households.set_household(session, member_ids[1], household, False)
            session.get(Household, household).name = "Berg"
        households.set_household(session, sem, household, False)


def round_trip(source, target_path: Path, out: Path, again: Path) -> None:
    enrich(source)
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
    table = read_table(first)
    columns = {field: [row[i] for row in table.rows] for i, field in enumerate(EXPORT_FIELDS)}
    for field in NEW_COLUMNS:  # the round trip covers every new column
        assert any(columns[field]), field
    assert {"Berg", "Berg (2)"} <= set(columns["household"])
    assert "Els van den Berg" in columns["consent_parent"]
    assert "\t0612345678;" in first.read_text("utf-8-sig")  # Excel keeps the leading 0
    assert "'=1+1 is geen formule" in first.read_text("utf-8-sig")


def test_export_import_export_gives_the_same_xlsx_rows(demo_db, tmp_path: Path):
    first, second = tmp_path / "leden.xlsx", tmp_path / "opnieuw.xlsx"
    round_trip(demo_db, tmp_path / "nieuw.sqlite", first, second)
    assert read_table(first) == read_table(second)
    rows = read_table(first).rows
    for index in (EXPORT_FIELDS.index(field) for field in NEW_COLUMNS):
        assert any(row[index] for row in rows), EXPORT_FIELDS[index]
    dates = [cell for row in read_table(first).rows for cell in row if isinstance(cell, dt.date)]
    assert dates  # real date cells survived both ways
