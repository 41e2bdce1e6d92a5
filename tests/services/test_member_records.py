"""Creating, changing, ending, rejoining and deleting members."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import Consent, MemberDetails
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.services import categories, member_records, members

D = dt.date
TODAY = D(2026, 11, 23)


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "leden.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def anna(**changes) -> MemberDetails:
    base = dict(
        first_name="Anna",
        tussenvoegsel="van der",
        last_name="Berg",
        member_since=D(2020, 9, 1),
        postcode="2517ak",
        iban="NL91ABNA0417164300",
        house_number="112a",
        street="Laan van Meerdervoort",
        town="Den Haag",
    )
    return MemberDetails(**{**base, **changes})


def test_create_and_read_back(db):
    with db.transaction() as session:
        alt = categories.add_category(session, "section", "Alt 1")
        member_id = member_records.create_member(
            session, anna(section_id=alt, consents={"photos": Consent(D(2024, 1, 1))}), TODAY
        )
    with db.reading() as session:
        record = member_records.get_member(session, member_id)
    assert record.member_number == 1
    d = record.details
    assert (d.postcode, d.house_number, d.house_number_addition) == ("2517 AK", "112", "a")
    assert d.section_id == alt and d.consents == {"photos": Consent(D(2024, 1, 1))}
    assert record.name.full == "Anna van der Berg"


def test_invalid_details_are_not_saved(db):
    with pytest.raises(ValidationFailed) as failure, db.transaction() as session:
        member_records.create_member(session, anna(iban="NL00 FOUT"), TODAY)
    assert set(failure.value.problems) == {"iban"}
    with db.reading() as session:
        assert members.list_members(session, TODAY, include_former=True) == []


def test_member_numbers_are_never_reused(db):
    with db.transaction() as session:
        first = member_records.create_member(session, anna(), TODAY)
        second = member_records.create_member(session, anna(first_name="Bram"), TODAY)
    with db.transaction() as session:
        member_records.delete_member(session, second)
    with db.transaction() as session:
        third = member_records.create_member(session, anna(first_name="Cor"), TODAY)
        numbers = [member_records.get_member(session, m).member_number for m in (first, third)]
    assert numbers == [1, 3]


def test_imported_numbers_are_kept_and_duplicates_refused(db):
    with db.transaction() as session:
        member_records.create_member(session, anna(), TODAY, member_number=120)
        assert member_records.next_member_number(session) == 121
    with pytest.raises(ValidationFailed), db.transaction() as session:
        member_records.create_member(session, anna(first_name="Bram"), TODAY, member_number=120)


def test_ending_a_membership_is_dated_and_keeps_the_member(db):
    with db.transaction() as session:
        member_id = member_records.create_member(session, anna(), TODAY)
        member_records.add_function(session, member_id, "Secretaris", D(2022, 1, 1))
    with db.transaction() as session:
        member_records.end_membership(
            session, member_id, D(2026, 6, 30), "Verhuisd", notice_given_on=D(2026, 5, 1)
        )
    with db.reading() as session:
        assert members.list_members(session, TODAY) == []
        former = members.list_members(session, TODAY, include_former=True)
        record = member_records.get_member(session, member_id)
    assert former[0].member_until == D(2026, 6, 30) and not former[0].current
    assert record.details.end_reason == "Verhuisd"
    assert record.details.functions[0].end_date == D(2026, 6, 30)
    with pytest.raises(UserError), db.transaction() as session:
        member_records.end_membership(session, member_id, D(2026, 7, 1))


def test_someone_who_comes_back_gets_a_second_period(db):
    with db.transaction() as session:
        member_id = member_records.create_member(session, anna(), TODAY)
        member_records.end_membership(session, member_id, D(2022, 6, 30))
    with pytest.raises(ValidationFailed), db.transaction() as session:
        member_records.rejoin(session, member_id, D(2022, 6, 30))
    with db.transaction() as session:
        member_records.rejoin(session, member_id, D(2024, 9, 1))
    with db.reading() as session:
        record = member_records.get_member(session, member_id)
        row = members.list_members(session, TODAY)[0]
    assert len(record.periods) == 2 and record.member_number == 1
    assert row.member_since == D(2020, 9, 1) and row.member_until is None and row.current


def test_update_changes_person_member_and_latest_period(db):
    with db.transaction() as session:
        member_id = member_records.create_member(
            session, anna(consents={"newsletter": Consent(D(2021, 1, 1))}), TODAY
        )
    with db.transaction() as session:
        record = member_records.get_member(session, member_id)
        changed = record.details.__class__(
            **{
                **record.details.__dict__,
                "email": "anna@ziggo.nl",
                "member_since": D(2019, 1, 1),
                "consents": {"photos": Consent(D(2025, 1, 1))},
            }
        )
        member_records.update_member(session, member_id, changed, TODAY)
    with db.reading() as session:
        after = member_records.get_member(session, member_id).details
    assert after.email == "anna@ziggo.nl" and after.member_since == D(2019, 1, 1)
    assert after.consents == {"photos": Consent(D(2025, 1, 1))}


def test_categories_add_rename_move_and_delete_only_when_unused(db):
    with db.transaction() as session:
        tenor = categories.add_category(session, "section", "Tenor")
        bas = categories.add_category(session, "section", "Bas")
        with pytest.raises(UserError):
            categories.add_category(session, "section", "tenor")
        categories.move_category(session, "section", bas, -1)
        member_records.create_member(session, anna(section_id=tenor), TODAY)
    with db.reading() as session:
        listed = categories.list_categories(session, "section")
        types = categories.list_categories(session, "type")
    assert [(c.name, c.members) for c in listed] == [("Bas", 0), ("Tenor", 1)]
    assert [t.name for t in types] == ["Lid", "Jeugdlid", "Studentlid", "Donateur", "Erelid"]
    with pytest.raises(UserError, match="nog door 1 leden"), db.transaction() as session:
        categories.delete_category(session, "section", tenor)
    with db.transaction() as session:
        categories.delete_category(session, "section", bas)
        assert categories.find_or_add(session, "section", "TENOR") == (tenor, False)


def test_households_one_payer_and_empty_ones_removed(db):
    from verenigingsbeheer.services import households

    with db.transaction() as session:
        anna_id = member_records.create_member(session, anna(), TODAY)
        bram_id = member_records.create_member(session, anna(first_name="Bram"), TODAY)
        households.set_household(session, anna_id, households.NEW, pays=True)
        home = households.household_of(session, anna_id)[0]
        households.set_household(session, bram_id, home, pays=True)
    with db.reading() as session:
        listed = households.list_households(session)
        assert households.household_of(session, anna_id) == (home, False)
    assert [(h.name, h.members, h.payer) for h in listed] == [
        ("Berg", ("Anna van der Berg", "Bram van der Berg"), "Bram van der Berg")
    ]
    with db.transaction() as session:
        households.set_household(session, anna_id, None, pays=True)
        households.set_household(session, bram_id, None, pays=False)
    with db.reading() as session:
        assert households.list_households(session) == []
        assert households.household_of(session, anna_id) == (None, False)


def test_a_member_with_financial_records_cannot_be_deleted(db):
    """A table marked financial (the finance area adds them) that points at a member blocks
    deleting that member; ending the membership stays possible."""
    from sqlalchemy import Column, ForeignKey, Integer, Table

    from verenigingsbeheer.db.base import Base

    charges = Table(
        "test_charges",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("member_id", ForeignKey("members.id")),
        info={"financial": True},
    )
    try:
        charges.create(db.engine)
        with db.transaction() as session:
            paid = member_records.create_member(session, anna(), TODAY)
            free = member_records.create_member(session, anna(first_name="Bram"), TODAY)
            session.execute(charges.insert().values(member_id=paid))
        with pytest.raises(UserError) as refused, db.transaction() as session:
            member_records.delete_member(session, paid)
        assert "Anna van der Berg" in refused.value.message
        with db.transaction() as session:
            member_records.delete_member(session, free)
            member_records.end_membership(session, paid, D(2026, 6, 30))
        with db.reading() as session:
            left = members.list_members(session, TODAY, include_former=True)
        assert [row.member_id for row in left] == [paid]
    finally:
        Base.metadata.remove(charges)
