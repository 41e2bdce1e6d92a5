"""The audit log records every change; undo reverses the last destructive actions."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import Association, AuditAction, AuditEntry, Member, Person
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import Consent, Function, MemberDetails
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.outputs.tables import read_table
from verenigingsbeheer.services import history, member_import, member_records, members

D = dt.date
TODAY = D(2026, 11, 23)


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "koor.sqlite", AssociationDetails(name="Koor"))
    database.who = "Secretaris Els"
    yield database
    database.close()


def anna(**changes) -> MemberDetails:
    values = dict(
        first_name="Anna",
        tussenvoegsel="van der",
        last_name="Berg",
        member_since=D(2020, 9, 1),
        date_of_birth=D(1980, 5, 17),
        email="anna@example.nl",
        consents={"photos": Consent(D(2024, 1, 1))},
        functions=(Function("Secretaris", D(2022, 1, 1)),),
    )
    return MemberDetails(**{**values, **changes})


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of the association's own tables (not the log itself)."""
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'audit_%' AND name != 'alembic_version'"
            )
        ]
        rows = {t: connection.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}
    # A timestamp written back by SQLAlchemy carries microseconds SQLite's own default lacks.
    return {
        t: [tuple(_plain(v) for v in row) for row in table_rows] for t, table_rows in rows.items()
    }


def _plain(value):
    return value[:-7] if isinstance(value, str) and value.endswith(".000000") else value


def entries(db, action_id: int) -> list[AuditEntry]:
    with db.reading() as session:
        query = select(AuditEntry).where(AuditEntry.action_id == action_id)
        found = list(session.execute(query.order_by(AuditEntry.id)).scalars())
        session.expunge_all()  # keep the loaded values after the look ends
        return found


def test_a_new_member_is_one_action_with_every_row_and_who_did_it(db):
    with db.transaction() as session:
        member_id = member_records.create_member(session, anna(), TODAY)
    (action_id,) = db.actions
    with db.reading() as session:
        action = session.get(AuditAction, action_id)
        seen = (action.who, action.kind, action.description)
        person_id = session.get(Member, member_id).person_id
    assert seen == ("Secretaris Els", "new", "Nieuw lid (lidnummer 1)")
    rows = entries(db, action_id)
    assert {(e.table_name, e.operation) for e in rows} >= {
        ("persons", "insert"),
        ("members", "insert"),
        ("membership_periods", "insert"),
        ("consents", "insert"),
        ("board_functions", "insert"),
    }
    assert {e.person_id for e in rows if e.table_name != "association"} == {person_id}
    person = next(e for e in rows if e.table_name == "persons")
    assert json.loads(person.new_values)["date_of_birth"] == "1980-05-17"


def test_a_change_records_only_the_fields_that_changed(db):
    with db.transaction() as session:
        member_id = member_records.create_member(session, anna(), TODAY)
    with db.transaction() as session:
        record = member_records.get_member(session, member_id)
        member_records.update_member(
            session, member_id, replace(record.details, town="Den Haag", email="a@b.nl"), TODAY
        )
    (person,) = [e for e in entries(db, db.actions[-1]) if e.table_name == "persons"]
    assert person.operation == "update"
    assert json.loads(person.old_values) == {"town": "", "email": "anna@example.nl"}
    assert json.loads(person.new_values) == {"town": "Den Haag", "email": "a@b.nl"}


def test_nothing_changed_writes_no_action(db):
    with db.transaction() as session:
        member_id = member_records.create_member(session, anna(), TODAY)
    with db.transaction() as session:
        members.list_members(session, TODAY)
        member_records.get_member(session, member_id)
    assert len(db.actions) == 1


def test_undo_of_a_delete_brings_back_every_row_with_its_ids(db):
    with db.transaction() as session:
        member_id = member_records.create_member(session, anna(), TODAY)
        member_records.create_member(session, anna(first_name="Bram"), TODAY)
    before = dump(db.path)
    with db.transaction() as session:
        member_records.delete_member(session, member_id)
    deleted = db.actions[-1]
    assert dump(db.path) != before
    with db.reading() as session:
        assert history.last_undoable(session, db.actions).action_id == deleted
    with db.transaction() as session:
        history.undo(session, deleted)
    assert dump(db.path) == before
    with db.reading() as session:
        undo_action = session.get(AuditAction, db.actions[-1])
        assert undo_action.undoes_id == deleted and undo_action.kind == "undo"
        assert undo_action.description == "Ongedaan gemaakt: Lid verwijderd (lidnummer 1)"
        assert history.last_undoable(session, db.actions) is None
        listed = history.list_actions(session)
    assert listed[0].kind_label == "Ongedaan maken" and listed[1].undone
    with pytest.raises(UserError, match="al ongedaan"), db.transaction() as session:
        history.undo(session, deleted)


def test_undo_of_ending_a_membership_restores_the_period_and_functions(db):
    with db.transaction() as session:
        member_id = member_records.create_member(session, anna(), TODAY)
    before = dump(db.path)
    with db.transaction() as session:
        member_records.end_membership(session, member_id, D(2026, 6, 30), "Verhuisd")
    with db.reading() as session:
        assert member_records.get_member(session, member_id).details.functions[0].end_date
    with db.transaction() as session:
        history.undo(session, db.actions[-1])
    assert dump(db.path) == before


IMPORT = (
    "Voornaam;Achternaam;Geboortedatum;Stemgroep;Huishouden;Toestemming foto's\n"
    "Piet;Jansen;01-02-1975;Bariton;Jansen;ja\n"
    "Kees;de Vries;12-12-1980;Bariton;;nee\n"
)


def run_import(db, tmp_path: Path) -> int:
    path = tmp_path / "leden.csv"
    path.write_text(IMPORT, encoding="utf-8")
    table = read_table(path)
    with db.transaction() as session:
        found = member_import.preview(
            session, table, member_import.auto_mapping(table.headers), TODAY
        )
        return member_import.run_import(session, found, skip_invalid=False).imported


def test_undo_of_an_import_removes_its_members_but_never_reuses_their_numbers(db, tmp_path):
    with db.transaction() as session:
        member_records.create_member(session, anna(), TODAY)
    before = dump(db.path)
    assert run_import(db, tmp_path) == 2
    imported = db.actions[-1]
    with db.reading() as session:
        assert session.get(AuditAction, imported).description == "2 leden geïmporteerd"
        assert history.last_undoable(session, db.actions).action_id == imported
    with db.transaction() as session:
        history.undo(session, imported)
    with db.reading() as session:
        imported_rows = {c.table for c in history.changes_of(session, imported)}
    assert {"households", "consents", "sections"} <= imported_rows
    after = dump(db.path)
    for table in ("members", "persons", "consents", "households", "membership_periods"):
        assert after[table] == before[table]
    assert after["sections"] == before["sections"]  # the new section goes too
    with db.transaction() as session:
        assert session.execute(select(Association)).scalar_one().last_member_number == 3
        assert member_records.create_member(session, anna(first_name="Cor"), TODAY)
        assert member_records.next_member_number(session) == 5


def test_undo_is_refused_when_the_rows_were_changed_since(db, tmp_path):
    run_import(db, tmp_path)
    imported = db.actions[-1]
    with db.transaction() as session:
        piet = next(r for r in members.list_members(session, TODAY) if r.name.first_name == "Piet")
        record = member_records.get_member(session, piet.member_id)
        member_records.update_member(
            session, piet.member_id, replace(record.details, phone="070-1234567"), TODAY
        )
    before = dump(db.path)
    with pytest.raises(UserError, match="sindsdien opnieuw gewijzigd"), db.transaction() as s:
        history.undo(s, imported)
    assert dump(db.path) == before


def test_undo_is_refused_when_later_rows_point_at_what_it_added(db, tmp_path):
    run_import(db, tmp_path)
    imported = db.actions[-1]
    with db.transaction() as session:
        bariton = member_records.get_member(session, 1).details.section_id  # made by the import
        member_records.create_member(session, anna(section_id=bariton), TODAY)
    with pytest.raises(UserError, match="afhankelijk"), db.transaction() as session:
        history.undo(session, imported)


def test_a_bulk_write_past_the_log_is_refused(db):
    with pytest.raises(audit.UnauditedWrite), db.transaction() as session:
        session.execute(insert(Person), [{"first_name": "X", "last_name": "Y"}])
    with db.transaction() as session, audit.suspended(session):
        session.execute(insert(Person), [{"first_name": "Demo", "last_name": "Lid"}])
    with db.transaction() as session:
        audit.bulk_insert(session, Person, [{"first_name": "Z", "last_name": "W"}])
    with db.reading() as session:
        names = set(session.execute(select(Person.first_name)).scalars())
        logged = session.execute(
            select(AuditEntry.table_name).where(AuditEntry.table_name != "association")
        ).scalars()
        assert names == {"Demo", "Z"} and list(logged) == ["persons"]


def test_the_log_lists_and_filters_actions_with_their_changes(db):
    with db.transaction() as session:
        member_id = member_records.create_member(session, anna(), TODAY)
    db.who = "Penningmeester Jan"
    with db.transaction() as session:
        record = member_records.get_member(session, member_id)
        member_records.update_member(
            session, member_id, replace(record.details, town="Delft"), TODAY
        )
    with db.reading() as session:
        everything = history.list_actions(session)
        by_jan = history.list_actions(session, who="Penningmeester Jan")
        people = history.people_who_changed(session)
        changes = history.changes_of(session, by_jan[0].action_id)
        nothing_tomorrow = history.list_actions(session, since=dt.date.today() + dt.timedelta(1))
    assert [a.kind for a in everything] == ["edit", "new", "new"]  # the last: the new file
    assert [a.who for a in by_jan] == ["Penningmeester Jan"]
    assert {"Penningmeester Jan", "Secretaris Els"} <= set(people)  # and who made the file
    assert [(c.table_label, c.operation_label, c.values) for c in changes] == [
        ("Persoon", "gewijzigd", (("town", "", "Delft"),))
    ]
    assert nothing_tomorrow == []


def test_the_demo_association_starts_with_an_empty_log(tmp_path: Path):
    from verenigingsbeheer.services.demo import create_demo

    database = create_demo(tmp_path / "demo.sqlite", members=30, seed=1, today=TODAY)
    with database.reading() as session:
        kinds = [a.kind for a in history.list_actions(session)]
    database.close()
    assert kinds == ["new"]  # only the file's creation


def test_undo_is_refused_when_it_would_give_a_household_two_payers(db):
    from verenigingsbeheer.services import households

    with db.transaction() as session:
        a = member_records.create_member(session, anna(first_name="Ans"), TODAY)
        b = member_records.create_member(session, anna(first_name="Bob"), TODAY)
        households.set_household(session, a, households.NEW, True)
        household = households.household_of(session, a)[0]
        households.set_household(session, b, household, False)
    with db.transaction() as session:
        member_records.delete_member(session, a)
    deleted = db.actions[-1]
    with db.transaction() as session:
        households.set_household(session, b, household, True)  # Bob pays now
    before = dump(db.path)
    with pytest.raises(UserError, match="sindsdien opnieuw gewijzigd"), db.transaction() as s:
        history.undo(s, deleted)
    assert dump(db.path) == before
