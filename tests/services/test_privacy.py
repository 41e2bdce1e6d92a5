"""Retention, anonymisation and forgetting: personal data goes, the figures stay."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, Integer, Table, func, select

from verenigingsbeheer.db.base import Base
from verenigingsbeheer.db.models import AuditEntry, Member, Person
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import Consent, Function, MemberDetails
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import history, member_records, members, privacy

D = dt.date
TODAY = D(2026, 11, 23)


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "koor.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def add(db, first: str, left: dt.date | None = None, **changes) -> int:
    values = dict(
        first_name=first,
        last_name="Boëlens",
        member_since=D(2010, 9, 1),
        date_of_birth=D(1975, 4, 12),
        email=f"{first.lower()}@example.nl",
        phone="070-1234567",
        street="Spui",
        house_number="70",
        postcode="2511 BT",
        town="Den Haag",
        iban="NL91ABNA0417164300",
        notes="Zingt ook in een ander koor",
        consents={"photos": Consent(D(2015, 1, 1))},
    )
    with db.transaction() as session:
        member_id = member_records.create_member(
            session, MemberDetails(**{**values, **changes}), TODAY
        )
        if left is not None:
            member_records.end_membership(session, member_id, left, "Gezondheid")
        return session.get(Member, member_id).person_id


def test_former_members_past_the_retention_period_are_due(db):
    add(db, "Anna", left=D(2024, 11, 22))  # more than 2 years ago
    add(db, "Bram", left=D(2024, 11, 23))  # exactly 2 years: not yet
    add(db, "Cor")  # still a member
    with db.reading() as session:
        due = privacy.due_for_anonymisation(session, TODAY)
    assert [row.name.first_name for row in due] == ["Anna"]
    assert due[0].left_on == D(2024, 11, 22)
    with db.transaction() as session:
        privacy.set_retention_years(session, 1)
    with db.reading() as session:
        assert [r.name.first_name for r in privacy.due_for_anonymisation(session, TODAY)] == [
            "Anna",
            "Bram",
        ]
    with pytest.raises(UserError), db.transaction() as session:
        privacy.set_retention_years(session, 0)


def test_anonymising_keeps_the_figures_and_removes_the_person(db):
    anna = add(db, "Anna", left=D(2023, 6, 30))
    with db.transaction() as session:
        member = session.execute(select(Member).where(Member.person_id == anna))
        member_id = member.scalar_one().id
        record = member_records.get_member(session, member_id)
        functions = (Function("Secretaris", D(2015, 1, 1), D(2020, 12, 31)),)
        member_records.update_member(
            session, member_id, replace(record.details, functions=functions), TODAY
        )
    with db.reading() as session:
        number = member_records.get_member(session, member_id).member_number
    with db.transaction() as session:
        assert privacy.anonymise(session, [anna], TODAY) == 1
    with db.reading() as session:
        person = session.get(Person, anna)
        wiped = (person.first_name, person.last_name, person.email, person.phone, person.street)
        kept = (person.birth_year, person.date_of_birth, person.postcode, person.anonymised_on)
        record = member_records.get_member(session, member_id)
        row = members.list_members(session, TODAY, include_former=True)[0]
    assert wiped == ("", privacy.ANONYMOUS, "", "", "")
    assert kept == (1975, None, "2511", TODAY)
    details = record.details
    assert (details.iban, details.notes, details.consents) == ("", "", {})
    assert record.member_number == number
    assert record.periods == ((D(2010, 9, 1), D(2023, 6, 30), ""),)  # the reason went
    assert details.functions[0].title == "Secretaris"
    assert row.name.sorted_form == privacy.ANONYMOUS


def test_the_log_keeps_no_personal_data_of_an_anonymised_person(db):
    anna = add(db, "Anna", left=D(2023, 6, 30))
    bram = add(db, "Bram")
    with db.transaction() as session:
        privacy.anonymise(session, [anna], TODAY)
    with sqlite3.connect(db.path) as connection:
        texts = " ".join(
            str(values)
            for row in connection.execute("SELECT old_values, new_values FROM audit_entries")
            for values in row
        )
        actions = " ".join(
            d for (d,) in connection.execute("SELECT description FROM audit_actions")
        )
    assert "anna" not in texts.lower() and "Gezondheid" not in texts
    assert "bram@example.nl" in texts  # others keep their history
    assert "Anna" not in actions
    with db.reading() as session:
        wiped = session.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.person_id == anna)
        ).scalar_one()
        assert wiped > 0  # that something changed is still recorded
        ended = next(a for a in history.list_actions(session) if a.kind == "end")
    assert bram
    with pytest.raises(UserError, match="kan niet ongedaan"), db.transaction() as session:
        history.undo(session, ended.action_id)


def test_anonymising_is_refused_while_someone_still_needs_the_person(db):
    current = add(db, "Anna")
    former = add(db, "Bram", left=D(2020, 1, 31))
    with pytest.raises(UserError, match="nog lid") as refused, db.transaction() as session:
        privacy.anonymise(session, [former, current], TODAY)
    assert "Anna Boëlens" in refused.value.message
    with db.reading() as session:  # nothing happened to either
        assert session.get(Person, former).first_name == "Bram"

    def open_charges(session, person_id, today):
        return "heeft nog openstaande contributie" if person_id == former else None

    privacy.register_guard(open_charges)
    try:
        with pytest.raises(UserError, match="openstaande"), db.transaction() as session:
            privacy.anonymise(session, [former], TODAY)
    finally:
        privacy.remove_guard(open_charges)
    with db.transaction() as session:
        privacy.anonymise(session, [former], TODAY)


def test_financial_records_and_their_totals_stay_intact(db):
    """A financial table (as the finance area will add) keeps every row and amount."""
    charges = Table(
        "test_payments",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("member_id", ForeignKey("members.id")),
        Column("cents", Integer),
        info={"financial": True},
    )
    try:
        charges.create(db.engine)
        anna = add(db, "Anna", left=D(2022, 6, 30))
        with db.transaction() as session:
            member_id = session.execute(
                select(Member.id).where(Member.person_id == anna)
            ).scalar_one()
            session.execute(
                charges.insert(), [{"member_id": member_id, "cents": c} for c in (4500, 4500, 1250)]
            )
        with db.transaction() as session:
            privacy.anonymise(session, [anna], TODAY)
        with db.reading() as session:
            total, count = session.execute(
                select(func.sum(charges.c.cents), func.count()).where(
                    charges.c.member_id == member_id
                )
            ).one()
        assert (total, count) == (10250, 3)
    finally:
        Base.metadata.remove(charges)


def test_forget_this_person_ignores_the_retention_period(db):
    bram = add(db, "Bram", left=D(2026, 10, 31))  # left last month
    with db.reading() as session:
        assert privacy.due_for_anonymisation(session, TODAY) == []
    with db.transaction() as session:
        privacy.forget(session, bram, TODAY)
    with db.reading() as session:
        assert session.get(Person, bram).last_name == privacy.ANONYMOUS
        assert history.list_actions(session)[0].description == "Een persoon is vergeten"


def test_a_household_named_after_the_person_goes_when_it_empties(db):
    from verenigingsbeheer.services import households

    anna = add(db, "Anna", left=D(2022, 6, 30))
    with db.transaction() as session:
        member_id = session.execute(select(Member.id).where(Member.person_id == anna)).scalar_one()
        households.set_household(session, member_id, households.NEW, True)
    with db.transaction() as session:
        privacy.anonymise(session, [anna], TODAY)
    with db.reading() as session:
        assert households.list_households(session) == []
    with sqlite3.connect(db.path) as connection:
        logged = [json.loads(v) for (v,) in connection.execute(
            "SELECT new_values FROM audit_entries WHERE table_name = 'households'"
            " AND new_values IS NOT NULL"
        )]  # fmt: skip
    assert logged == []


def test_anonymised_data_is_not_left_in_the_file_s_free_pages(db):
    with db.reading() as session:
        assert session.connection().exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    anna = add(db, "Anna", left=D(2023, 6, 30), notes="rugblessure na val")
    with db.transaction() as session:
        privacy.anonymise(session, [anna], TODAY)
    data = db.path.read_bytes()
    assert b"rugblessure" not in data and b"anna@example.nl" not in data
