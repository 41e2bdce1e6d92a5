"""A person's data for a request for access (PDF) and for portability (JSON); the register."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from verenigingsbeheer.db.models import Member
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import Consent, Function, MemberDetails
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import categories, member_records, person_data, privacy, register

D = dt.date
TODAY = D(2026, 11, 23)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "koor.sqlite", AssociationDetails(name="Jeugdkoor"))
    yield database
    database.close()


@pytest.fixture
def sanne(db) -> int:
    """A 13-year-old member whose mother gave the photo consent, with a function."""
    with db.transaction() as session:
        alt = categories.add_category(session, "section", "Alt 1")
        member_id = member_records.create_member(
            session,
            MemberDetails(
                first_name="Sanne",
                tussenvoegsel="de",
                last_name="Groot",
                date_of_birth=D(2013, 5, 2),
                email="sanne@example.nl",
                member_since=D(2022, 9, 1),
                section_id=alt,
                consents={"photos": Consent(D(2024, 9, 1), "Ellen de Groot")},
                functions=(Function("Lid", D(2025, 1, 1), committee="Jeugdraad"),),
            ),
            TODAY,
        )
    with db.reading() as session:
        return member_records.get_member(session, member_id).member_number


def test_the_json_holds_every_record_about_the_person(db, sanne, tmp_path: Path):
    path = tmp_path / "sanne.json"
    with db.reading() as session:
        person_id = person_data.person_of_member(session, sanne)
        person_data.write_export(session, person_id, path, TODAY)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "verenigingsbeheer-persoonsgegevens/1"
    records = data["records"]
    assert records["persons"][0]["first_name"] == "Sanne"
    assert records["persons"][0]["date_of_birth"] == "2013-05-02"
    assert records["members"][0]["section_id"] == "Alt 1"  # by name, not by id
    assert records["consents"][0]["given_by_parent"] == "Ellen de Groot"
    assert records["board_functions"][0]["committee"] == "Jeugdraad"
    assert records["membership_periods"][0]["start_date"] == "2022-09-01"
    assert {"Persoon: toegevoegd", "Lid: toegevoegd"} <= {c["record"] for c in data["log"]}
    assert any(change["action"] == f"Nieuw lid (lidnummer {sanne})" for change in data["log"])


def test_the_pdf_is_readable_and_shows_which_parent_gave_consent(db, sanne, tmp_path: Path):
    path = tmp_path / "sanne.pdf"
    with db.reading() as session:
        person_id = person_data.person_of_member(session, sanne)
        person_data.write_export(session, person_id, path, TODAY)
    text = text_of(path)
    assert "Persoonsgegevens van Sanne de Groot" in text
    assert "Jeugdkoor" in text and "Foto's en video" in text
    assert "Ellen de Groot" in text and "Door ouder" in text
    assert "Wijzigingen in het logboek" in text and "Alt 1" in text


def test_after_anonymisation_the_export_holds_no_name(db, sanne, tmp_path: Path):
    with db.transaction() as session:
        person_id = person_data.person_of_member(session, sanne)
        member_id = session.execute(
            select(Member.id).where(Member.member_number == sanne)
        ).scalar_one()
        record = member_records.get_member(session, member_id)
        ended = tuple(replace(f, end_date=D(2025, 12, 31)) for f in record.details.functions)
        member_records.update_member(
            session, member_id, replace(record.details, functions=ended), TODAY
        )
        member_records.end_membership(session, member_id, D(2025, 12, 31))
        privacy.forget(session, person_id, TODAY)
    path = tmp_path / "weg.json"
    with db.reading() as session:
        person_data.write_export(session, person_id, path, TODAY)
    text = path.read_text(encoding="utf-8")
    assert "Sanne" not in text and "Ellen" not in text and "sanne@" not in text
    assert json.loads(text)["records"]["persons"][0]["birth_year"] == 2013


def test_unknown_member_number_and_wrong_suffix_are_explained(db, sanne, tmp_path: Path):
    with db.reading() as session, pytest.raises(UserError, match="geen lid met nummer 999"):
        person_data.person_of_member(session, 999)
    with db.reading() as session, pytest.raises(UserError, match=r"\.pdf of \.json"):
        person_data.write_export(
            session, person_data.person_of_member(session, sanne), tmp_path / "x.txt", TODAY
        )


def test_the_register_starts_filled_in_is_editable_and_printed(db, sanne, tmp_path: Path):
    with db.reading() as session:
        lines = register.list_activities(session)
    assert [a.name for _id, a in lines][:2] == ["Ledenadministratie", "Contributie en incasso"]
    with db.transaction() as session:
        first_id, first = lines[0]
        register.save_activity(
            session, first_id, register.Activity(**{**first.__dict__, "recipients": "Het bestuur"})
        )
        new_id = register.save_activity(
            session, None, register.Activity("Kaartverkoop", purpose="Kaarten verkopen")
        )
        register.delete_activity(session, lines[-1][0])
    with pytest.raises(UserError), db.transaction() as session:
        register.save_activity(session, new_id, register.Activity("  "))
    with db.transaction() as session:
        privacy.set_retention_years(session, 3)
        member_records.add_function(session, 1, "Voorzitter", D(2025, 1, 1))
    path = tmp_path / "register.pdf"
    with db.reading() as session:
        assert register.make_register(session, path, TODAY) == len(lines)
    text = text_of(path)
    assert "Verwerkingsregister" in text and "Jeugdkoor" in text
    assert "Sanne de Groot (Voorzitter)" in text
    assert "3 jaar na vertrek geanonimiseerd" in text
    assert "Kaartverkoop" in text and "Kaarten verkopen" in text
    assert "Subsidieaanvragen" not in text  # the removed line
